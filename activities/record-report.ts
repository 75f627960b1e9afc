import { randomInt } from 'node:crypto';
import { newTrackingCode, TRACKING_ALPHABET } from '../domain/tracking-code';
import type { Db } from '../platform/db';
import type { FieldReportInput, Receipt } from '../workflows/messages';
import { Prisma } from '../prisma/generated/client';

export interface RecordReportOptions {
  /** The commune found for the report's point (activities/receive-report.ts), when it gave none. */
  communeCode?: string | null;
  /**
   * More writes that belong to the new case, in its transaction (its first notifications), given
   * the row just written (a new case has no unit yet).
   */
  alongside?: (tx: Prisma.TransactionClient, created: StoredCase) => Promise<unknown>;
}

const MAX_CODE_ATTEMPTS = 8;

/**
 * Stores a new report as a case (step receive) with its first public timeline entry and the
 * rows of its media (already in storage), in one transaction: a case never lacks the files it
 * was sent with. Idempotent: a retry, or a second run for the same case id, returns the stored
 * receipt.
 */
export async function recordReport(
  db: Db,
  trackingPrefix: string,
  input: FieldReportInput,
  options: RecordReportOptions = {},
): Promise<RecordedReport> {
  // No read first: a retry's insert meets the stored case's key, and the receipt is read then.
  const receivedAt = new Date(input.receivedAt);
  for (let attempt = 1; attempt <= MAX_CODE_ATTEMPTS; attempt += 1) {
    const trackingCode = newTrackingCode(
      trackingPrefix,
      receivedAt,
      () => randomInt(TRACKING_ALPHABET.length) / TRACKING_ALPHABET.length,
    );
    try {
      const created = await db.$transaction(async (tx) => {
        const row = await tx.case.create({ data: caseData(input, trackingCode, receivedAt, options.communeCode) });
        await tx.caseTimelineEntry.create({
          data: {
            caseId: row.id,
            seq: 0,
            kind: 'received',
            visibility: 'public',
            status: 'received',
            step: 'receive',
            // The operator who took the call; public views never show who acted.
            actorId: input.recordedBy ?? null,
            at: receivedAt,
          },
        });
        if (input.media?.length) {
          await tx.media.createMany({
            data: input.media.map((media) => ({ ...media, caseId: row.id, purpose: 'report' as const })),
          });
        }
        await options.alongside?.(tx, { ...row, unit: null });
        return row;
      });
      return toReceipt(created);
    } catch (error) {
      const target = uniqueViolationTarget(error);
      if (target?.includes('trackingCode')) continue; // another case drew the same code: draw again
      if (target) {
        // The case is stored already: a retry, or a concurrent attempt that came first.
        const stored = await db.case.findUniqueOrThrow({ where: { id: input.caseId } });
        return toReceipt(stored);
      }
      throw error;
    }
  }
  throw new Error(`no free tracking code after ${MAX_CODE_ATTEMPTS} attempts`);
}

function caseData(
  input: FieldReportInput,
  trackingCode: string,
  receivedAt: Date,
  locatedCommune: string | null | undefined,
): Prisma.CaseUncheckedCreateInput {
  const { report } = input;
  return {
    id: input.caseId,
    trackingCode,
    requestFingerprint: input.fingerprint,
    channel: input.channel,
    categoryCode: report.categoryCode,
    description: report.description,
    lat: report.location.lat ?? null,
    lng: report.location.lng ?? null,
    address: report.location.address ?? null,
    communeCode: report.location.communeCode ?? locatedCommune ?? null,
    level: report.level,
    confidential: report.confidential,
    reporterName: report.reporter?.name ?? null,
    reporterPhone: report.reporter?.phone ?? null,
    reporterEmail: report.reporter?.email ?? null,
    citizenId: input.citizenId ?? null,
    status: 'received',
    step: 'receive',
    receivedAt,
  };
}

/** A case as recordReport has just written it. */
export type StoredCase = Prisma.CaseGetPayload<Record<string, never>> & { unit: null };

/** The receipt, and the commune the case holds (the workflow keeps it in its state). */
export interface RecordedReport {
  receipt: Receipt;
  communeCode: string | null;
}

function toReceipt(row: {
  id: string;
  trackingCode: string;
  status: Receipt['status'];
  requestFingerprint: string;
  communeCode: string | null;
}): RecordedReport {
  return {
    receipt: { id: row.id, trackingCode: row.trackingCode, status: row.status, fingerprint: row.requestFingerprint },
    communeCode: row.communeCode,
  };
}

function uniqueViolationTarget(error: unknown): string[] | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return undefined;
  const meta = error.meta as
    { target?: string[] | string; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } | undefined;
  const fields = meta?.driverAdapterError?.cause?.constraint?.fields ?? meta?.target;
  return (Array.isArray(fields) ? fields : [String(fields ?? '')]).map((f) => f.replaceAll('"', ''));
}
