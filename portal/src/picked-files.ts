/**
 * Photos and videos a citizen picks (for a report, or for an answer): checked on the device
 * before they are accepted, with the API's limits (it checks again), and previewed.
 */
import { formatSize, type Translate } from './i18n';

const MB = 1_048_576;
export const MEDIA_LIMITS = { maxFiles: 10, photoBytes: 10 * MB, videoBytes: 100 * MB };

export interface Picked {
  id: string;
  file: File;
  /** A data: URL (the CSP allows data: images, not blob:); videos show an icon. */
  preview?: string;
}

/** Checks a file before it is accepted: type and size (the API checks again). */
export function fileProblem(file: File, t: Translate): string | undefined {
  const isVideo = file.type.startsWith('video/');
  if (!isVideo && !file.type.startsWith('image/')) return t('fileWrongType', { name: file.name });
  const max = isVideo ? MEDIA_LIMITS.videoBytes : MEDIA_LIMITS.photoBytes;
  if (file.size > max) return t('fileTooLarge', { name: file.name, size: formatSize(file.size), max: formatSize(max) });
  return undefined;
}

export function readPreview(file: File): Promise<string | undefined> {
  if (!file.type.startsWith('image/')) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : undefined);
    reader.onerror = () => resolve(undefined);
    reader.readAsDataURL(file);
  });
}

/** The files just chosen that may join the `held` ones, with a message for each refused one. */
export async function pickFiles(
  chosen: File[],
  held: number,
  t: Translate,
): Promise<{ accepted: Picked[]; problems: string[] }> {
  const problems: string[] = [];
  const accepted: Picked[] = [];
  for (const file of chosen) {
    const problem = fileProblem(file, t);
    if (problem) problems.push(problem);
    else if (held + accepted.length >= MEDIA_LIMITS.maxFiles) {
      problems.push(t('tooManyFiles', { max: MEDIA_LIMITS.maxFiles }));
      break;
    } else accepted.push({ id: crypto.randomUUID(), file, preview: await readPreview(file) });
  }
  return { accepted, problems };
}
