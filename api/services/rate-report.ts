/**
 * The reporter rates the published result (1-5, with an optional comment) through the case
 * workflow's `rate` Update, which refuses (409) unless the case awaits a rating; the workflow
 * stores the rating and sends an unsatisfied one to a supervisor's review.
 */
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { Db } from '../../platform/db';
import type { fieldReportWorkflow } from '../../workflows/field-report';
import { rateUpdate } from '../../workflows/messages';
import { getReport, type ReportViewer } from './get-report';
import type { ReporterCase } from './find-reporter-case';
import { withTemporal } from './temporal-call';

export const ratingSchema = z
  .object({
    score: z.number().int().min(1).max(5),
    comment: z.string().trim().max(2_000).optional(),
  })
  .strict();

export type RatingCommand = z.infer<typeof ratingSchema>;

export async function rateReport(
  deps: { db: Db; temporal: Client },
  reporterCase: ReporterCase,
  command: { rating: RatingCommand; idempotencyKey?: string; viewer: ReportViewer },
) {
  const { rating, idempotencyKey } = command;
  const handle = deps.temporal.workflow.getHandle<typeof fieldReportWorkflow>(reporterCase.id);
  await withTemporal(deps.temporal, () =>
    handle.executeUpdate(rateUpdate, {
      args: [{ score: rating.score, ...(rating.comment && { comment: rating.comment }) }],
      ...(idempotencyKey && { updateId: `rate:${idempotencyKey}` }),
    }),
  );
  // The Update answers once the workflow has projected its next step: the rows are current.
  return getReport(deps.db, reporterCase.trackingCode, command.viewer);
}
