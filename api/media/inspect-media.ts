/**
 * What an uploaded file really is, decided by its content, never by its name or the type the
 * client claimed. Photos (JPEG, PNG, WebP, HEIF) are decoded by sharp and re-encoded without any
 * metadata: EXIF (GPS position, camera serial, time), XMP and IPTC never leave this function.
 * Videos (MP4, QuickTime) are checked for their container's structure and kept as sent.
 * Documents (PDF) are accepted only where the caller allows them (officials' proof).
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import sharp from 'sharp';
import type { MediaKind } from '../../prisma/generated/client';
import { decodeHeic } from './decode-heic';
import { readFileType, readVideoFacts, videoContainerOf } from './iso-bmff';

/** Longest side of a stored photo; larger photos are scaled down. */
export const MAX_PHOTO_DIMENSION = 4096;
/** Longest side of a thumbnail. */
export const THUMBNAIL_DIMENSION = 400;
/** Decoding more pixels than this is refused (a small file can decode to gigabytes). */
const MAX_INPUT_PIXELS = 100_000_000;

export interface UploadedFile {
  path: string;
  size: number;
  originalName: string;
  /** SHA-256 of the bytes as uploaded (the idempotency fingerprint uses it). */
  sha256: string;
}

/** A checked file, ready to be stored. */
export interface PreparedMedia {
  kind: MediaKind;
  contentType: string;
  extension: string;
  /** The bytes to store: re-encoded photos in memory, videos and documents on disk as received. */
  body: Buffer | { path: string };
  size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  thumbnail: Buffer | null;
  originalName: string;
}

export type InspectionProblem = 'unsupported_media' | 'unreadable_image' | 'invalid_video';

/** The kind a file's first bytes suggest, to apply the right size limit while it streams in. */
export function sniffKind(head: Buffer): MediaKind {
  const type = readFileType(head);
  if (type && videoContainerOf(type)) return 'video';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'document';
  return 'photo';
}

const PHOTO_OUTPUT = {
  jpeg: { format: 'jpeg', contentType: 'image/jpeg', extension: 'jpg' },
  png: { format: 'png', contentType: 'image/png', extension: 'png' },
  webp: { format: 'webp', contentType: 'image/webp', extension: 'webp' },
  // HEIF/HEIC is stored as JPEG: browsers other than Safari cannot show HEIF.
  heif: { format: 'jpeg', contentType: 'image/jpeg', extension: 'jpg' },
} as const;

export async function inspectMedia(
  file: UploadedFile,
  allowed: readonly MediaKind[],
): Promise<PreparedMedia | { problem: InspectionProblem }> {
  const head = Buffer.alloc(Math.min(4096, file.size));
  const handle = await open(file.path, 'r');
  try {
    await handle.read(head, 0, head.length, 0);
    const sniffed = sniffKind(head);
    if (sniffed === 'video') {
      if (!allowed.includes('video')) return { problem: 'unsupported_media' };
      const facts = await readVideoFacts(handle, file.size);
      if ('problem' in facts) return { problem: 'invalid_video' };
      return {
        kind: 'video',
        contentType: facts.container === 'mov' ? 'video/quicktime' : 'video/mp4',
        extension: facts.container,
        body: { path: file.path },
        size: file.size,
        sha256: file.sha256,
        width: facts.width,
        height: facts.height,
        durationMs: facts.durationMs,
        thumbnail: null,
        originalName: file.originalName,
      };
    }
    if (sniffed === 'document') {
      if (!allowed.includes('document')) return { problem: 'unsupported_media' };
      return {
        kind: 'document',
        contentType: 'application/pdf',
        extension: 'pdf',
        body: { path: file.path },
        size: file.size,
        sha256: file.sha256,
        width: null,
        height: null,
        durationMs: null,
        thumbnail: null,
        originalName: file.originalName,
      };
    }
  } finally {
    await handle.close();
  }
  if (!allowed.includes('photo')) return { problem: 'unsupported_media' };
  return preparePhoto(file);
}

async function preparePhoto(file: UploadedFile): Promise<PreparedMedia | { problem: InspectionProblem }> {
  let input = () => sharp(file.path, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  let metadata: sharp.Metadata;
  try {
    metadata = await input().metadata();
  } catch {
    return { problem: 'unsupported_media' };
  }
  const { format } = metadata;
  if (!format || !(format in PHOTO_OUTPUT)) return { problem: 'unsupported_media' };
  const output = PHOTO_OUTPUT[format as keyof typeof PHOTO_OUTPUT];
  if (format === 'heif' && metadata.compression === 'hevc') {
    // HEIC: libvips here cannot decode HEVC (api/media/decode-heic.ts); its pixels come from libheif.
    const pixels = await decodeHeic(file.path, MAX_INPUT_PIXELS);
    if ('problem' in pixels) return { problem: 'unreadable_image' };
    const raw = { width: pixels.width, height: pixels.height, channels: 4 as const };
    input = () => sharp(pixels.data, { raw, limitInputPixels: MAX_INPUT_PIXELS });
  }
  try {
    // autoOrient: the pixels take the EXIF orientation, so dropping EXIF keeps the photo upright.
    // sharp writes no metadata unless asked (withMetadata/keepExif), so none is carried over.
    const oriented = input().autoOrient();
    const resized = oriented
      .clone()
      .resize({ width: MAX_PHOTO_DIMENSION, height: MAX_PHOTO_DIMENSION, fit: 'inside', withoutEnlargement: true });
    const encoded =
      output.format === 'jpeg'
        ? resized.jpeg({ quality: 85 })
        : output.format === 'png'
          ? resized.png({ compressionLevel: 6 })
          : resized.webp({ quality: 85 });
    const [main, thumbnail] = await Promise.all([
      encoded.toBuffer({ resolveWithObject: true }),
      oriented
        .clone()
        .resize({ width: THUMBNAIL_DIMENSION, height: THUMBNAIL_DIMENSION, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 70 })
        .toBuffer(),
    ]);
    return {
      kind: 'photo',
      contentType: output.contentType,
      extension: output.extension,
      body: main.data,
      size: main.data.length,
      sha256: createHash('sha256').update(main.data).digest('hex'),
      width: main.info.width,
      height: main.info.height,
      durationMs: null,
      thumbnail,
      originalName: file.originalName,
    };
  } catch {
    // Truncated or corrupt.
    return { problem: 'unreadable_image' };
  }
}
