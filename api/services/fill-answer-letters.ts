/**
 * The texts of an official's answer (a reason, a question, a reply…), usually a reply template,
 * filled with the case's facts from the database (domain/reply-letters.ts), so no client can send
 * a citizen "{{trackingCode}}". A placeholder still left, one only the official can fill (the
 * {{result}} of a reply letter) or an unknown one, is refused: 422 naming the field and the
 * variable. Only {{dueDate}} in a request for information passes: the workflow fills it with the
 * deadline it counts.
 */
import { fillLetter, letterDate, placeholdersIn, type CaseFacts } from '../../domain/reply-letters';
import type { StepOutcome } from '../../domain/task-outcomes';
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';

/** The answers' fields people read; the others are ids and codes. */
const TEXT_FIELDS = ['reason', 'question', 'reply', 'comment', 'note'] as const;

async function caseFacts(db: Db, caseId: string, answer: StepOutcome): Promise<CaseFacts> {
  const row = await db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      trackingCode: true,
      description: true,
      receivedAt: true,
      confidential: true,
      reporterName: true,
      unit: { select: { name: true } },
    },
  });
  // Before routing, the letter is the operations centre's.
  const unit = row.unit ?? (await db.unit.findFirst({ where: { kind: 'ioc', active: true }, select: { name: true } }));
  const duplicateOf =
    answer.outcome === 'duplicate'
      ? await db.case.findUnique({ where: { id: answer.data.duplicateOf }, select: { trackingCode: true } })
      : null;
  return {
    trackingCode: row.trackingCode,
    description: row.description,
    receivedDate: letterDate(row.receivedAt),
    // A letter may be published: a confidential reporter is not named in it.
    reporterName: row.confidential ? '' : (row.reporterName ?? ''),
    unitName: unit?.name ?? null,
    duplicateOfTrackingCode: duplicateOf?.trackingCode ?? null,
  };
}

export async function fillAnswerLetters(db: Db, caseId: string, answer: StepOutcome): Promise<StepOutcome> {
  const data = answer.data as Record<string, unknown>;
  const fields = TEXT_FIELDS.filter((field) => typeof data[field] === 'string' && data[field].includes('{{'));
  if (fields.length === 0) return answer;
  const facts = await caseFacts(db, caseId, answer);
  const filled = { ...data };
  for (const field of fields) {
    const text = fillLetter(data[field] as string, facts);
    const later = answer.outcome === 'request_info' && field === 'question' ? ['dueDate'] : [];
    const left = placeholdersIn(text).find((name) => !later.includes(name));
    if (left !== undefined)
      throw new AppError(
        'VALIDATION_FAILED',
        {},
        { [field]: { code: 'unfilled_placeholder', params: { name: left } } },
      );
    filled[field] = text;
  }
  return { ...answer, data: filled } as StepOutcome;
}
