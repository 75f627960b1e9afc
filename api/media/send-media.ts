/**
 * Sends a stored file over HTTP: its real content type (never sniffed), its length, an ETag
 * (the content's SHA-256), conditional requests (304) and single byte ranges (206; 416 when the
 * range is outside the file), so that video players can seek and downloads can resume. Several
 * ranges in one request get the whole file (allowed by RFC 9110, and no player asks for them).
 */
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { AppError } from '../../platform/app-error';
import { StorageNotFoundError, type MediaStorage } from '../../platform/storage';

export interface SendableMedia {
  key: string;
  contentType: string;
  etag: string;
  isPublic: boolean;
}

/** A stored file is inert content: no scripts, no plugins, whatever it holds. */
const MEDIA_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox";

export async function sendMedia(req: Request, res: Response, storage: MediaStorage, file: SendableMedia) {
  const stat = await storage.stat(file.key);
  if (!stat) throw new AppError('NOT_FOUND', { what: req.path });
  const etag = `"${file.etag}"`;
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('ETag', etag);
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Disposition', 'inline');
  if (file.contentType !== 'application/pdf') res.setHeader('Content-Security-Policy', MEDIA_CSP);
  if (file.isPublic) {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    // Published photos may be shown by the portal or partners on other origins.
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  } else {
    res.setHeader('Cache-Control', 'private, max-age=0, must-revalidate');
    res.setHeader('Vary', 'Cookie, X-Citizen-Token');
  }

  if (matches(req.get('If-None-Match'), etag)) {
    res.status(304).end();
    return;
  }

  const size = stat.size;
  let range: { start: number; end: number } | undefined;
  const ifRange = req.get('If-Range');
  if (req.get('Range') && (!ifRange || ifRange === etag)) {
    const parsed = req.range(size, { combine: true });
    if (parsed === -1) {
      res.status(416).setHeader('Content-Range', `bytes */${size}`);
      res.end();
      return;
    }
    if (Array.isArray(parsed) && parsed.type === 'bytes' && parsed.length === 1) range = parsed[0];
  }

  if (range) {
    res.status(206);
    res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
  }
  res.setHeader('Content-Length', String(range ? range.end - range.start + 1 : size));
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  let object;
  try {
    object = await storage.get(file.key, range);
  } catch (error) {
    if (error instanceof StorageNotFoundError) throw new AppError('NOT_FOUND', { what: req.path });
    throw error;
  }
  try {
    await pipeline(object.body, res);
  } catch (error) {
    // The client went away, or storage failed mid-file: the status is sent, only closing is left.
    req.log?.warn({ err: error, key: file.key }, 'media transfer ended early');
    res.destroy();
  }
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}
