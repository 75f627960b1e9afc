/**
 * The portal is installable with real icons: every icon the manifest lists exists in
 * portal/public with the size and type it declares (PNGs made by scripts/portal-icons.mjs),
 * among them 192 and 512 px PNGs and a maskable 512; index.html names the apple-touch-icon.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const PUBLIC = path.resolve(__dirname, '..', 'portal', 'public');

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

const manifest = JSON.parse(readFileSync(path.join(PUBLIC, 'manifest.webmanifest'), 'utf8')) as {
  icons: ManifestIcon[];
};

describe('the portal’s icons', () => {
  it.each(manifest.icons.map((icon) => [icon.src, icon] as const))('%s exists as declared', async (_src, icon) => {
    const file = path.join(PUBLIC, icon.src);
    expect(existsSync(file)).toBe(true);
    const { format, width, height } = await sharp(file).metadata();
    expect(`image/${format === 'svg' ? 'svg+xml' : format}`).toBe(icon.type);
    if (icon.sizes === 'any') expect(format).toBe('svg');
    else expect(`${width}x${height}`).toBe(icon.sizes);
  });

  it('has the PNGs install prompts ask for: 192, 512 and a maskable 512', () => {
    const png = (purpose: string) =>
      manifest.icons.filter((i) => i.type === 'image/png' && (i.purpose ?? 'any').split(' ').includes(purpose));
    expect(png('any').map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(png('maskable').map((i) => i.sizes)).toContain('512x512');
  });

  it('names a 180 px apple-touch-icon in index.html', async () => {
    const html = readFileSync(path.resolve(PUBLIC, '..', 'index.html'), 'utf8');
    const href = /<link rel="apple-touch-icon" href="\/([^"]+)"/.exec(html)?.[1];
    expect(href).toBe('apple-touch-icon.png');
    const { format, width, height } = await sharp(path.join(PUBLIC, href!)).metadata();
    expect([format, width, height]).toEqual(['png', 180, 180]);
  });
});
