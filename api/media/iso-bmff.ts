/**
 * Just enough ISO base media file format (ISO/IEC 14496-12) to tell an MP4 or a QuickTime movie
 * from anything else by its content: the `ftyp` box and its brands, a walk over the top-level
 * boxes (their sizes must add up to the file), the `moov` box, and from it the duration (`mvhd`)
 * and the first visual track's size (`tkhd`). Reads box headers only, never the media data.
 */
import type { FileHandle } from 'node:fs/promises';

export type VideoContainer = 'mp4' | 'mov';

/** Brands of HEIF/AVIF still images, which share the container with videos. */
const IMAGE_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis', 'mif2']);
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'hvc1',
  'dash',
  'mmp4',
  'M4V ',
  'MSNV',
  'XAVC',
]);
const MOV_BRAND = 'qt  ';

export interface FileType {
  majorBrand: string;
  brands: string[];
}

/** The `ftyp` box at the start of `head`, if there is one. */
export function readFileType(head: Buffer): FileType | undefined {
  if (head.length < 16 || head.toString('latin1', 4, 8) !== 'ftyp') return undefined;
  const size = head.readUInt32BE(0);
  if (size < 16) return undefined;
  const end = Math.min(size, head.length);
  const brands: string[] = [];
  for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(head.toString('latin1', offset, offset + 4));
  return { majorBrand: head.toString('latin1', 8, 12), brands };
}

/** Which video container the brands say, or undefined (a still image, or not ours). */
export function videoContainerOf(type: FileType): VideoContainer | undefined {
  if (IMAGE_BRANDS.has(type.majorBrand)) return undefined;
  if (type.majorBrand === MOV_BRAND) return 'mov';
  if (MP4_BRANDS.has(type.majorBrand)) return 'mp4';
  if (type.brands.includes(MOV_BRAND)) return 'mov';
  if (type.brands.some((brand) => MP4_BRANDS.has(brand))) return 'mp4';
  return undefined;
}

export interface VideoFacts {
  container: VideoContainer;
  durationMs: number | null;
  width: number | null;
  height: number | null;
}

/** A box is at most this big to be read whole (`moov` holds sample tables: a few MB at most). */
const MAX_MOOV_BYTES = 32 * 1024 * 1024;

/**
 * Checks the structure of a video file; returns its facts, or a reason it is not a video.
 * The file must start with `ftyp`, its top-level boxes must tile it exactly, and it must have
 * a `moov` (without one no player can play it).
 */
export async function readVideoFacts(file: FileHandle, fileSize: number): Promise<VideoFacts | { problem: string }> {
  const head = Buffer.alloc(Math.min(256, fileSize));
  await file.read(head, 0, head.length, 0);
  const type = readFileType(head);
  if (!type) return { problem: 'no ftyp box' };
  const container = videoContainerOf(type);
  if (!container) return { problem: `brand ${type.majorBrand} is not a video` };

  let moov: { offset: number; size: number } | undefined;
  const header = Buffer.alloc(16);
  let offset = 0;
  let boxes = 0;
  while (offset < fileSize) {
    if (++boxes > 10_000) return { problem: 'too many boxes' };
    if (fileSize - offset < 8) return { problem: 'trailing bytes after the last box' };
    await file.read(header, 0, 16, offset);
    let size = header.readUInt32BE(0);
    const name = header.toString('latin1', 4, 8);
    if (!/^[\x20-\x7e]{4}$/.test(name)) return { problem: `not a box at ${offset}` };
    let headerSize = 8;
    if (size === 1) {
      const large = header.readBigUInt64BE(8);
      if (large > BigInt(Number.MAX_SAFE_INTEGER)) return { problem: 'box too large' };
      size = Number(large);
      headerSize = 16;
    } else if (size === 0) {
      size = fileSize - offset; // "extends to the end of the file"
    }
    if (size < headerSize || offset + size > fileSize) return { problem: `box ${name} overruns the file` };
    if (name === 'moov') moov = { offset: offset + headerSize, size: size - headerSize };
    offset += size;
  }
  if (!moov) return { problem: 'no moov box' };
  if (moov.size > MAX_MOOV_BYTES) return { container, durationMs: null, width: null, height: null };
  const body = Buffer.alloc(moov.size);
  await file.read(body, 0, moov.size, moov.offset);
  return { container, ...movieFacts(body) };
}

function* children(box: Buffer): Generator<{ name: string; body: Buffer }> {
  let offset = 0;
  while (offset + 8 <= box.length) {
    let size = box.readUInt32BE(offset);
    const name = box.toString('latin1', offset + 4, offset + 8);
    let headerSize = 8;
    if (size === 1) {
      if (offset + 16 > box.length) return;
      size = Number(box.readBigUInt64BE(offset + 8));
      headerSize = 16;
    } else if (size === 0) size = box.length - offset;
    if (size < headerSize || offset + size > box.length) return;
    yield { name, body: box.subarray(offset + headerSize, offset + size) };
    offset += size;
  }
}

function movieFacts(moov: Buffer): Omit<VideoFacts, 'container'> {
  let durationMs: number | null = null;
  let width: number | null = null;
  let height: number | null = null;
  for (const child of children(moov)) {
    if (child.name === 'mvhd' && child.body.length >= 20) {
      const version = child.body[0];
      const [timescale, duration] =
        version === 1 && child.body.length >= 32
          ? [child.body.readUInt32BE(20), Number(child.body.readBigUInt64BE(24))]
          : [child.body.readUInt32BE(12), child.body.readUInt32BE(16)];
      if (timescale > 0 && duration !== 0xffffffff) durationMs = Math.round((duration / timescale) * 1000);
    }
    if (child.name === 'trak' && width === null) {
      for (const part of children(child.body)) {
        if (part.name !== 'tkhd') continue;
        const at = part.body[0] === 1 ? 88 : 76;
        if (part.body.length < at + 8) continue;
        const w = part.body.readUInt32BE(at) / 65536;
        const h = part.body.readUInt32BE(at + 4) / 65536;
        if (w > 0 && h > 0) [width, height] = [Math.round(w), Math.round(h)];
      }
    }
  }
  return { durationMs, width, height };
}
