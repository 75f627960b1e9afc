/**
 * The {{variables}} of reply templates (administrators' letters: rejections, requests for
 * information, replies) and how a letter is filled. A letter reaches the citizen only when every
 * placeholder is filled: the back office fills the case's facts when a template is chosen, the
 * API fills them again from the database (any client), the official writes their own words in
 * place of {{question}}, {{result}}…, and the workflow fills {{dueDate}}, which only it knows.
 * Whatever is left is refused (422 UNFILLED_PLACEHOLDER), and a template that uses a variable not
 * listed here cannot be saved (422 unknown_variable). Pure: used by the API, the workflow and
 * the back office.
 */

export type LetterVariableSource = 'case' | 'official' | 'workflow';

export interface LetterVariable {
  source: LetterVariableSource;
  vi: string;
  en: string;
}

export const LETTER_VARIABLES = {
  reporterName: {
    source: 'case',
    vi: 'Họ tên người phản ánh (trống nếu ẩn danh)',
    en: "The reporter's name (empty when kept confidential)",
  },
  trackingCode: { source: 'case', vi: 'Mã phản ánh', en: 'The tracking code' },
  unitName: { source: 'case', vi: 'Đơn vị xử lý', en: 'The unit handling the case' },
  receivedDate: { source: 'case', vi: 'Ngày tiếp nhận (dd/mm/yyyy)', en: 'The day it was received (dd/mm/yyyy)' },
  description: { source: 'case', vi: 'Nội dung phản ánh', en: "The report's description" },
  duplicateOfTrackingCode: {
    source: 'case',
    vi: 'Mã phản ánh bị trùng',
    en: 'The tracking code of the case it duplicates',
  },
  dueDate: { source: 'workflow', vi: 'Hạn trả lời của người phản ánh', en: "The reporter's answer deadline" },
  question: {
    source: 'official',
    vi: 'Nội dung cần bổ sung (cán bộ viết)',
    en: 'The question (written by the official)',
  },
  reason: { source: 'official', vi: 'Lý do (cán bộ viết)', en: 'The reason (written by the official)' },
  comment: { source: 'official', vi: 'Ý kiến (cán bộ viết)', en: 'The comment (written by the official)' },
  result: { source: 'official', vi: 'Kết quả xử lý (cán bộ viết)', en: 'The result (written by the official)' },
} as const satisfies Record<string, LetterVariable>;

export type LetterVariableName = keyof typeof LETTER_VARIABLES;

/** The case's facts a letter may name; null when the case has none (e.g. no unit yet). */
export type CaseFacts = Partial<Record<LetterVariableName, string | null>>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders a text still has, in order of first use (names as written). */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

export function isLetterVariable(name: string): name is LetterVariableName {
  return Object.hasOwn(LETTER_VARIABLES, name);
}

/** The placeholders of a template that are no letter variable (a typo would reach a citizen). */
export function unknownVariables(template: string): string[] {
  return placeholdersIn(template).filter((name) => !isLetterVariable(name));
}

/**
 * Replaces each {{name}} that has a value; the others stay, to be written or refused. An empty
 * value at a line's end (an unnamed reporter) leaves no trailing space.
 */
export function fillLetter(text: string, values: CaseFacts): string {
  return text
    .replace(PLACEHOLDER, (match, name: string) => {
      const value = isLetterVariable(name) ? values[name] : undefined;
      return value === undefined || value === null ? match : value;
    })
    .replace(/[ \t]+$/gm, '');
}

const HA_TINH = 'Asia/Ho_Chi_Minh';
const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: HA_TINH, day: '2-digit', month: '2-digit', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: HA_TINH,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A day as Vietnamese letters write it, in Hà Tĩnh's time: 05/12/2026. */
export function letterDate(at: string | Date): string {
  return DAY.format(typeof at === 'string' ? new Date(at) : at);
}

/** A deadline as Vietnamese letters write it, in Hà Tĩnh's time: 17:00 05/12/2026. */
export function letterDateTime(at: string | Date): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  return `${TIME.format(date)} ${DAY.format(date)}`;
}
