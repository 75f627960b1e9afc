/**
 * A citizen's new report: starts the case workflow (workflow id = case id) and waits for its
 * receipt. The API writes nothing itself: if Temporal cannot be reached, nothing is stored and
 * the citizen is told to retry. The same Idempotency-Key always leads to the same case.
 */
import { createHash, randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { ReportCommand } from '../../domain/report-command';
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';
import type { fieldReportWorkflow } from '../../workflows/field-report';
import { receiptUpdate, type Receipt } from '../../workflows/messages';
import { CASE_CATEGORY, CASE_LEVEL, CASE_STATUS, CASE_STEP } from '../../workflows/search-attributes';
import { checkReportReferences } from './check-report-references';
import { citizenToken } from './citizen-token';
import { withTemporal } from './temporal-call';

export interface CreateReportDependencies {
  temporal: Client;
  db: Db;
  taskQueue: string;
  secret: string;
  /** How long to wait for Temporal before answering 503. */
  timeoutMs?: number;
}

export interface CreatedReport {
  id: string;
  trackingCode: string;
  status: Receipt['status'];
  citizenToken: string;
}

export async function createReport(
  deps: CreateReportDependencies,
  options: { report: ReportCommand; idempotencyKey?: string; channel: string; now: Date },
): Promise<CreatedReport> {
  await checkReportReferences(deps.db, options.report);
  const fingerprint = fingerprintOf(options.report);
  const caseId = options.idempotencyKey ? caseIdForKey(options.idempotencyKey) : randomUUID();
  const receipt = await withTemporal(
    deps.temporal,
    () => startAndAwaitReceipt(deps, caseId, fingerprint, options),
    deps.timeoutMs,
  );
  if (receipt.fingerprint !== fingerprint) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  return {
    id: receipt.id,
    trackingCode: receipt.trackingCode,
    status: receipt.status,
    citizenToken: citizenToken(deps.secret, receipt.id),
  };
}

async function startAndAwaitReceipt(
  deps: CreateReportDependencies,
  caseId: string,
  fingerprint: string,
  options: { report: ReportCommand; channel: string; now: Date },
): Promise<Receipt> {
  try {
    const handle = await deps.temporal.workflow.start<typeof fieldReportWorkflow>('fieldReportWorkflow', {
      taskQueue: deps.taskQueue,
      workflowId: caseId,
      args: [
        {
          caseId,
          report: options.report,
          fingerprint,
          channel: options.channel,
          receivedAt: options.now.toISOString(),
        },
      ],
      // A retry of a running case joins it; a finished case is never started again.
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: CASE_STATUS, value: 'received' },
        { key: CASE_STEP, value: 'receive' },
        { key: CASE_CATEGORY, value: options.report.categoryCode },
        { key: CASE_LEVEL, value: options.report.level },
      ],
    });
    return await handle.executeUpdate(receiptUpdate, { updateId: 'receipt' });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    // The case exists and its workflow has finished: its row is the receipt.
    const stored = await deps.db.case.findUniqueOrThrow({ where: { id: caseId } });
    return {
      id: stored.id,
      trackingCode: stored.trackingCode,
      status: stored.status,
      fingerprint: stored.requestFingerprint,
    };
  }
}

function fingerprintOf(report: ReportCommand): string {
  return createHash('sha256').update(canonicalJson(report)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A stable UUID (version-5 layout) for an idempotency key: same key, same case. */
export function caseIdForKey(key: string): string {
  const bytes = createHash('sha256').update(`idempotency-key:${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
