/**
 * A citizen's new report: starts the case workflow (workflow id = case id) with its receipt
 * Update, in one request to Temporal, and answers with the receipt. The API writes nothing itself:
 * if Temporal cannot be reached, nothing is stored and the citizen is told to retry. The same
 * Idempotency-Key always leads to the same case.
 *
 * Files sent with the report are checked and stored first, under keys of the case id (known
 * before the workflow starts), and their metadata goes into the workflow's input: its first
 * activity records the case and its Media rows in one transaction. If the workflow could not be
 * started, the files are removed again; if this request joined a case another request started,
 * the files that case did not record are removed. So no case lacks its files and no file
 * outlives a refused report. (One gap: a start that reached Temporal but whose answer was lost,
 * and Temporal then unreachable, counts as not started; that case then points at removed files
 * and its media answer 404.)
 */
import { createHash, randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { ProvinceBounds } from '../../domain/province-bounds';
import type { ReportCommand } from '../../domain/report-command';
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';
import type { MediaStorage } from '../../platform/storage';
import { stableUuid } from '../../platform/stable-uuid';
import type { fieldReportWorkflow } from '../../workflows/field-report';
import { receiptUpdate, type MediaInput, type Receipt } from '../../workflows/messages';
import type { UploadedFile } from '../media/inspect-media';
import { checkInProvince } from '../validation';
import { CASE_CATEGORY, CASE_LEVEL, CASE_STATUS, CASE_STEP } from '../../workflows/search-attributes';
import { checkReportReferences } from './check-report-references';
import { citizenToken } from './citizen-token';
import { storeMedia, type StoredMediaSet } from './store-media';
import { withTemporal } from './temporal-call';

/** How long to ask Temporal whether a case whose start went unanswered was started after all. */
const EXISTS_CHECK_MS = 3_000;

export interface CreateReportDependencies {
  temporal: Client;
  db: Db;
  taskQueue: string;
  secret: string;
  /** How long to wait for Temporal before answering 503. */
  timeoutMs?: number;
  /** Where the report's files go; needed only for reports with files. */
  storage?: MediaStorage;
  /** A point outside it is refused (PROVINCE_BOUNDS). */
  provinceBounds: ProvinceBounds;
}

export interface CreatedReport {
  id: string;
  trackingCode: string;
  status: Receipt['status'];
  citizenToken: string;
}

export async function createReport(
  deps: CreateReportDependencies,
  options: {
    report: ReportCommand;
    idempotencyKey?: string;
    channel: string;
    now: Date;
    files?: UploadedFile[];
    /** The official recording it on a citizen's behalf (api/services/record-intake.ts). */
    recordedBy?: string;
    /**
     * The signed-in citizen: the case is theirs from its first activity (same transaction as the
     * case). A retry joins the first start, so the case is linked once, to the first account.
     */
    citizenId?: string;
  },
): Promise<CreatedReport> {
  checkInProvince(deps.provinceBounds, options.report.location, 'location.lat');
  await checkReportReferences(deps.db, options.report);
  const files = options.files ?? [];
  const fingerprint = fingerprintOf(options.report, files);
  const caseId = options.idempotencyKey ? caseIdForKey(options.idempotencyKey) : randomUUID();
  const stored = await storeReportMedia(deps, caseId, files);
  let started = false;
  let receipt: Receipt;
  try {
    receipt = await withTemporal(
      deps.temporal,
      () =>
        startWithReceipt(deps, caseId, fingerprint, { ...options, media: stored?.media }, () => {
          started = true;
        }),
      deps.timeoutMs,
    );
  } catch (error) {
    // Not started: nothing will ever record these files. Started: the workflow will.
    if (stored && !started && !(await caseWorkflowExists(deps.temporal, caseId))) await stored.discard();
    throw error;
  }
  if (stored) await discardUnrecorded(deps.db, stored);
  if (receipt.fingerprint !== fingerprint) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  return {
    id: receipt.id,
    trackingCode: receipt.trackingCode,
    status: receipt.status,
    citizenToken: citizenToken(deps.secret, receipt.id),
  };
}

/**
 * Whether the case's workflow exists after all. Update-with-start answers once a worker has taken
 * the Update: with no worker in time, the request ends at its deadline with no word of the start
 * the server made at once. Temporal unreachable counts as not started (the gap in the header).
 */
async function caseWorkflowExists(temporal: Client, caseId: string): Promise<boolean> {
  try {
    await temporal.connection.withDeadline(Date.now() + EXISTS_CHECK_MS, () =>
      temporal.workflow.getHandle(caseId).describe(),
    );
    return true;
  } catch {
    return false;
  }
}

/** Checks and stores the files, unless the case is already recorded (a retry: its files are stored). */
async function storeReportMedia(
  deps: CreateReportDependencies,
  caseId: string,
  files: UploadedFile[],
): Promise<StoredMediaSet | undefined> {
  if (files.length === 0) return undefined;
  if (!deps.storage) throw new Error('media storage is not configured');
  if (await deps.db.case.findUnique({ where: { id: caseId }, select: { id: true } })) return undefined;
  return storeMedia(deps.storage, {
    caseId,
    files,
    allowed: ['photo', 'video'],
    field: 'media',
    unsupportedCode: 'unsupported_media',
  });
}

/** Files of this request that the case did not record (it was started by another request). */
async function discardUnrecorded(db: Db, stored: StoredMediaSet): Promise<void> {
  const ids = stored.media.map((m) => m.id);
  const recorded = new Set(
    (await db.media.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((m) => m.id),
  );
  await stored.discard((m) => !recorded.has(m.id));
}

/**
 * Starts the case workflow with its receipt Update in one request (update-with-start): the server
 * hands the workflow its first task with the Update in it, so the receipt is answered from that
 * task, without a second round trip or a second workflow task. A retry joins the running case's
 * Update by its id; once the case has finished, the server answers its completed receipt Update.
 */
async function startWithReceipt(
  deps: CreateReportDependencies,
  caseId: string,
  fingerprint: string,
  options: {
    report: ReportCommand;
    channel: string;
    now: Date;
    media?: MediaInput[];
    recordedBy?: string;
    citizenId?: string;
  },
  onStarted: () => void,
): Promise<Receipt> {
  const start = new WithStartWorkflowOperation<typeof fieldReportWorkflow>('fieldReportWorkflow', {
    taskQueue: deps.taskQueue,
    workflowId: caseId,
    args: [
      {
        caseId,
        report: options.report,
        fingerprint,
        channel: options.channel,
        receivedAt: options.now.toISOString(),
        ...(options.media?.length ? { media: options.media } : {}),
        ...(options.recordedBy ? { recordedBy: options.recordedBy } : {}),
        ...(options.citizenId ? { citizenId: options.citizenId } : {}),
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
  // The start's answer comes with the first reply, before the Update's outcome: from then on the
  // workflow (started or joined) records the files, whatever happens to the Update.
  start.workflowHandle().then(onStarted, () => undefined);
  try {
    return await deps.temporal.workflow.executeUpdateWithStart(receiptUpdate, {
      updateId: 'receipt',
      startWorkflowOperation: start,
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    // The case's workflow has finished without this Update: its row is the receipt.
    const stored = await deps.db.case.findUniqueOrThrow({ where: { id: caseId } });
    return {
      id: stored.id,
      trackingCode: stored.trackingCode,
      status: stored.status,
      fingerprint: stored.requestFingerprint,
    };
  }
}

/** The request as sent: the report, and the files by content and order (a resend of the same files matches). */
export function fingerprintOf(report: ReportCommand, files: readonly UploadedFile[]): string {
  const request = files.length === 0 ? report : { report, media: files.map((file) => file.sha256) };
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
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

/** A stable UUID for an idempotency key: same key, same case. */
export function caseIdForKey(key: string): string {
  return stableUuid(`idempotency-key:${key}`);
}
