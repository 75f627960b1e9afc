/**
 * HEIC photos (iPhones' default) decoded without libvips: sharp's prebuilt libvips reads HEIF's
 * structure but carries no HEVC decoder (patents), so its decode fails ("bad seek"). libheif
 * compiled to WebAssembly (heic-decode) decodes the first image of the file, its rotation and
 * mirroring applied, to RGBA pixels that sharp then encodes like any photo. Nothing of the file's
 * metadata survives (EXIF, GPS, XMP), as for every photo. The 2 MB decoder is loaded on the first
 * HEIC only.
 */
import { readFile } from 'node:fs/promises';

export interface RgbaPixels {
  width: number;
  height: number;
  data: Buffer;
}

export type HeicProblem = 'too_large' | 'unreadable';

export async function decodeHeic(path: string, maxPixels: number): Promise<RgbaPixels | { problem: HeicProblem }> {
  const { default: heicDecode } = await import('heic-decode');
  let images: Awaited<ReturnType<typeof heicDecode.all>>;
  try {
    images = await heicDecode.all({ buffer: await readFile(path) });
  } catch {
    return { problem: 'unreadable' };
  }
  try {
    const primary = images[0];
    if (!primary) return { problem: 'unreadable' };
    // Checked before decoding: a small file can describe gigapixels.
    if (primary.width * primary.height > maxPixels) return { problem: 'too_large' };
    const { width, height, data } = await primary.decode();
    return { width, height, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) };
  } catch {
    return { problem: 'unreadable' };
  } finally {
    images.dispose();
  }
}
