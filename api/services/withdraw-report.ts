/**
 * The reporter withdraws the report through the case workflow's `withdraw` Update: allowed until
 * processing starts (workflows/update-checks.ts, WITHDRAWABLE), refused with 409 after.
 */
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { Db } from '../../platform/db';
import type { fieldReportWorkflow } from '../../workflows/field-report';
import { withdrawUpdate } from '../../workflows/messages';
import { getReport, type ReportViewer } from './get-report';
import type { ReporterCase } from './find-reporter-case';
import { withTemporal } from './temporal-call';

export const withdrawalSchema = z.object({ reason: z.string().trim().max(1_000).optional() }).strict();

export type Withdrawal = z.infer<typeof withdrawalSchema>;

export async function withdrawReport(
  deps: { db: Db; temporal: Client },
  reporterCase: ReporterCase,
  command: { withdrawal: Withdrawal; idempotencyKey?: string; viewer: ReportViewer },
) {
  const { withdrawal, idempotencyKey } = command;
  const handle = deps.temporal.workflow.getHandle<typeof fieldReportWorkflow>(reporterCase.id);
  await withTemporal(deps.temporal, () =>
    handle.executeUpdate(withdrawUpdate, {
      args: [withdrawal.reason ? { reason: withdrawal.reason } : {}],
      ...(idempotencyKey && { updateId: `withdraw:${idempotencyKey}` }),
    }),
  );
  return getReport(deps.db, reporterCase.trackingCode, command.viewer);
}
