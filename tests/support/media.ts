/** Files for media tests: photos made with sharp, videos assembled box by box, and a look into folders. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

/** A JPEG with EXIF that holds a GPS position (IFD3 is the GPS directory). */
export function jpegWithGps(width = 1200, height = 900): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 60 } } })
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'Field 1', Copyright: 'Nguyen Van A' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '18/1 20/1 3408/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '105/1 54/1 2052/100',
      },
    })
    .toBuffer();
}

function box(name: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(name, 4, 'latin1');
  return Buffer.concat([header, body]);
}

/**
 * The smallest file a player would call a video: `ftyp` with its brands, `moov` with a movie
 * header (timescale 1000, the given duration), and an `mdat` of filler bytes.
 */
export function minimalVideo(options: { brand?: string; durationMs?: number; mdatBytes?: number } = {}): Buffer {
  const brand = options.brand ?? 'isom';
  const ftyp = box(
    'ftyp',
    Buffer.from(brand, 'latin1'),
    Buffer.from([0, 0, 2, 0]),
    Buffer.from(brand, 'latin1'),
    Buffer.from('mp41', 'latin1'),
  );
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12); // timescale
  mvhd.writeUInt32BE(options.durationMs ?? 4_500, 16); // duration
  mvhd.writeUInt32BE(0x00010000, 20); // rate 1.0
  mvhd.writeUInt16BE(0x0100, 24); // volume 1.0
  mvhd.writeUInt32BE(2, 96); // next track id
  const moov = box('moov', box('mvhd', mvhd));
  const mdat = box('mdat', Buffer.alloc(options.mdatBytes ?? 2048, 0x11));
  return Buffer.concat([ftyp, moov, mdat]);
}

/** Every file below `folder` (relative paths); [] when it does not exist. */
export function filesIn(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else found.push(path.relative(folder, full));
    }
  };
  walk(folder);
  return found;
}
