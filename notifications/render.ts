/**
 * Rendering of notification texts: {{variables}} in plain text, the same text as HTML mail, and
 * dates as people in Hà Tĩnh read them (Asia/Ho_Chi_Minh).
 */
import { DateTime } from 'luxon';

export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];

export function localeOf(value: string | null | undefined): Locale {
  return value === 'en' ? 'en' : 'vi';
}

const VARIABLE = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** The variables a template uses, in order of first use. */
export function variablesIn(template: string): string[] {
  return [...new Set([...template.matchAll(VARIABLE)].map((m) => m[1]!))];
}

/**
 * Replaces each {{name}} by its value (a missing one by nothing). Plain text escapes nothing:
 * a Vietnamese reply, quotes and ampersands included, reaches an SMS or a text mail as written.
 */
export function render(template: string, variables: Record<string, string | null | undefined>): string {
  return template.replace(VARIABLE, (_, name: string) => variables[name] ?? '');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * The HTML part of a mail from its rendered plain text: everything escaped (template text and
 * variables alike, so a citizen's or an official's words can never become markup), links made
 * clickable, lines kept.
 */
export function htmlOf(text: string, lang: Locale): string {
  const escaped = escapeHtml(text).replace(
    /https?:\/\/[^\s<>"']+/g,
    (url) => `<a href="${url}">${url}</a>`, // already escaped: & is &amp; in both places
  );
  const paragraphs = escaped
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"></head>\n<body style="font-family: Arial, sans-serif; line-height: 1.5">\n${paragraphs}\n</body></html>\n`;
}

/** A date and time as 14:30 05/12/2026 (vi) or 5 Dec 2026, 14:30 (en), in Vietnam's time. */
export function formatDateTime(iso: string | Date | null | undefined, lang: Locale): string {
  if (!iso) return '';
  const at = typeof iso === 'string' ? DateTime.fromISO(iso) : DateTime.fromJSDate(iso);
  if (!at.isValid) return '';
  const local = at.setZone('Asia/Ho_Chi_Minh');
  return lang === 'en' ? local.setLocale('en-GB').toFormat('d LLL yyyy, HH:mm') : local.toFormat('HH:mm dd/MM/yyyy');
}

/** The start of a long text, cut at a word, for SMS and previews. */
export function excerpt(text: string | null | undefined, max = 160): string {
  if (!text) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
