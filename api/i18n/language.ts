import type { Request } from 'express';

export type Language = 'vi' | 'en';

/** Vietnamese unless the client prefers English (Accept-Language, q-values honoured). */
export function requestLanguage(req: Request): Language {
  return req.acceptsLanguages('vi', 'en') === 'en' ? 'en' : 'vi';
}
