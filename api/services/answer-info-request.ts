/**
 * The reporter answers the IOC's request for information through the case workflow's
 * `supplyInfo` Update, which refuses (409) unless an answer is awaited; the case goes back to
 * verification. Files sent with the answer are Media rows of the case with purpose `info`
 * (stored by the multipart intake first), referenced by id.
 */
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';
import type { fieldReportWorkflow } from '../../workflows/field-report';
import { supplyInfoUpdate } from '../../workflows/messages';
import { getReport, type ReportViewer } from './get-report';
import type { ReporterCase } from './find-reporter-case';
import { withTemporal } from './temporal-call';

export const infoAnswerSchema = z
  .object({
    answer: z.string().trim().min(1).max(4_000),
    mediaIds: z.array(z.string().uuid()).max(20).optional(),
  })
  .strict();

export type InfoAnswer = z.infer<typeof infoAnswerSchema>;

export async function answerInfoRequest(
  deps: { db: Db; temporal: Client },
  reporterCase: ReporterCase,
  command: { answer: InfoAnswer; idempotencyKey?: string; viewer: ReportViewer },
) {
  const { answer, idempotencyKey } = command;
  const mediaIds = [...new Set(answer.mediaIds ?? [])];
  if (mediaIds.length) {
    const found = await deps.db.media.count({
      where: { id: { in: mediaIds }, caseId: reporterCase.id, purpose: 'info' },
    });
    if (found !== mediaIds.length) throw new AppError('VALIDATION_FAILED', {}, { mediaIds: { code: 'unknown_media' } });
  }
  const handle = deps.temporal.workflow.getHandle<typeof fieldReportWorkflow>(reporterCase.id);
  await withTemporal(deps.temporal, () =>
    handle.executeUpdate(supplyInfoUpdate, {
      args: [{ answer: answer.answer, ...(mediaIds.length && { mediaIds }) }],
      ...(idempotencyKey && { updateId: `info:${idempotencyKey}` }),
    }),
  );
  return getReport(deps.db, reporterCase.trackingCode, command.viewer);
}
