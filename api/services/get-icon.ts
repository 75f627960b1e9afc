/**
 * A Material Symbols icon (outlined, weight 400) by the name administrators give a category
 * ('traffic', 'eco', …), read from the @material-symbols/svg-400 package: the portal and the back
 * office show category icons without an emoji or icon font, which many phones lack. The name is
 * checked before it touches the file system (lower-case letters, digits, underscores: no dots, no
 * slashes), so nothing outside the package's folder can be read. Files are small and never change
 * within a release: each is read once and kept with its ETag.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../platform/app-error';

export const ICON_NAME = /^[a-z0-9_]{1,64}$/;

export const ICONS_DIR = path.join(path.dirname(require.resolve('@material-symbols/svg-400/package.json')), 'outlined');

export interface Icon {
  svg: string;
  /** A strong validator from the content, so a package upgrade that redraws an icon changes it. */
  etag: string;
}

const read = new Map<string, Icon>();

function unknownIcon(name: string): AppError {
  return new AppError('NOT_FOUND', { what: `${name}.svg` }, { name: { code: 'unknown_icon', params: { name } } });
}

export async function getIcon(name: string, dir = ICONS_DIR): Promise<Icon> {
  if (!ICON_NAME.test(name)) throw unknownIcon(name.slice(0, 64));
  const cached = read.get(name);
  if (cached) return cached;
  let svg: string;
  try {
    svg = await readFile(path.join(dir, `${name}.svg`), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw unknownIcon(name);
    throw error;
  }
  const icon = { svg, etag: `"${createHash('sha256').update(svg).digest('base64url').slice(0, 27)}"` };
  // Only names that exist are kept: at most the package's few thousand small files.
  read.set(name, icon);
  return icon;
}

/** Whether the API can serve this icon: administrators may only give categories such names. */
export async function iconExists(name: string): Promise<boolean> {
  try {
    await getIcon(name);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return false;
    throw error;
  }
}
