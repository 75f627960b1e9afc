/**
 * The portal's PNG icons, drawn from its two SVGs (portal/public/icon.svg, icon-maskable.svg):
 * install prompts and home screens want PNGs of fixed sizes (Chrome: 192 and 512, a maskable
 * 512 for Android's shapes; iOS: a 180 apple-touch-icon, full bleed, as it rounds the corners
 * itself). Run it after changing either SVG and commit the PNGs: `node scripts/portal-icons.mjs`.
 * tests/portal-icons.test.ts checks that the manifest's icons exist at their declared sizes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const PUBLIC = fileURLToPath(new URL('../portal/public/', import.meta.url));

const ICONS = [
  { from: 'icon.svg', to: 'icon-192.png', size: 192 },
  { from: 'icon.svg', to: 'icon-512.png', size: 512 },
  { from: 'icon-maskable.svg', to: 'icon-maskable-512.png', size: 512 },
  { from: 'icon-maskable.svg', to: 'apple-touch-icon.png', size: 180 },
];

for (const { from, to, size } of ICONS) {
  // Rasterised at the target size (density scales the 512-unit viewBox), not scaled from a bitmap.
  await sharp(path.join(PUBLIC, from), { density: (72 * size) / 512 })
    .resize(size, size)
    .png({ compressionLevel: 9, palette: true })
    .toFile(path.join(PUBLIC, to));
  process.stdout.write(`portal/public/${to}: ${size}×${size} from ${from}\n`);
}
