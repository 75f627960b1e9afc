/**
 * Media in a local directory (the default; `MEDIA_DIR`, else `<DATA_DIR>/media`). Writes go to a
 * temporary file in the same directory tree and are renamed into place, so a reader never sees
 * half a file and a crash leaves at most a stray temporary file, never a truncated object.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertStorageKey,
  contentTypeOfKey,
  StorageNotFoundError,
  type ByteRange,
  type MediaStorage,
  type StoredObject,
} from './storage';

const TEMP_FOLDER = '.incoming';

export function createLocalStorage(directory: string): MediaStorage {
  const root = path.resolve(directory);

  function pathOf(key: string): string {
    assertStorageKey(key);
    const file = path.resolve(root, key);
    // Belt and braces: the key check already refuses anything that could leave the root.
    if (!file.startsWith(root + path.sep)) throw new Error(`invalid storage key: ${key}`);
    return file;
  }

  async function sizeOf(file: string): Promise<number | null> {
    try {
      const info = await stat(file);
      return info.isFile() ? info.size : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  return {
    async put(key, body, _contentType) {
      const file = pathOf(key);
      const temporary = path.join(root, TEMP_FOLDER, `${randomUUID()}.part`);
      await mkdir(path.dirname(temporary), { recursive: true });
      await mkdir(path.dirname(file), { recursive: true });
      try {
        if (Buffer.isBuffer(body)) await writeFile(temporary, body);
        else await pipeline(body, createWriteStream(temporary));
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },

    async get(key, range?: ByteRange): Promise<StoredObject> {
      const file = pathOf(key);
      const size = await sizeOf(file);
      if (size === null) throw new StorageNotFoundError(key);
      const body: Readable = range ? createReadStream(file, range) : createReadStream(file);
      return { body, size, contentType: contentTypeOfKey(key) };
    },

    async stat(key) {
      const size = await sizeOf(pathOf(key));
      return size === null ? null : { size, contentType: contentTypeOfKey(key) };
    },

    async delete(key) {
      const file = pathOf(key);
      await rm(file, { force: true });
      // Tidy the folders the key made, up to the root; a folder still in use stays.
      for (let folder = path.dirname(file); folder.startsWith(root + path.sep); folder = path.dirname(folder)) {
        try {
          await rmdir(folder);
        } catch {
          break;
        }
      }
    },
  };
}
