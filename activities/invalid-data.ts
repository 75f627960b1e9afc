/**
 * Data the database can never hold fails an activity once, not forever (issue 14). The case
 * activities' retry policy waits out a database outage without end (workflows/case-record.ts);
 * the same retries on a value PostgreSQL refuses (a NUL, 22021; bad UTF-8, 22P05; a value too
 * long, 22001; a check or not-null violation) would loop until someone terminated the run. Such
 * an error becomes a non-retryable ApplicationFailure of type INVALID_CASE_DATA: the activity
 * fails at its first attempt and the workflow run fails with it, visibly, in Temporal's UI.
 * The API refuses such input before it starts any workflow (api/middleware/input-text.ts), so
 * this is the guard for a bug or another client, not a path citizens take.
 */
import { ApplicationFailure } from '@temporalio/activity';
import { INVALID_CASE_DATA } from '../workflows/messages';
import { Prisma } from '../prisma/generated/client';

/** SQLSTATE classes and codes of data no retry will make acceptable. */
const INVALID_DATA_STATES = [/^22/, /^23502$/, /^23514$/];
/** Prisma's own codes for the same (value too long, invalid value, null, out of range, …). */
const INVALID_DATA_PRISMA_CODES = new Set([
  'P2000',
  'P2006',
  'P2007',
  'P2011',
  'P2012',
  'P2019',
  'P2020',
  'P2023',
  'P2033',
]);
/** The driver adapter's names for the same. */
const INVALID_DATA_KINDS = new Set([
  'NullConstraintViolation',
  'ValueOutOfRange',
  'InconsistentColumnData',
  'LengthMismatch',
]);

export function isInvalidData(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientValidationError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError && INVALID_DATA_PRISMA_CODES.has(error.code)) return true;
  const cause = adapterCause(error);
  if (!cause) return false;
  if (cause.kind && INVALID_DATA_KINDS.has(cause.kind)) return true;
  const state = cause.originalCode ?? cause.code;
  return typeof state === 'string' && INVALID_DATA_STATES.some((pattern) => pattern.test(state));
}

/** What PostgreSQL said: inside a transaction the adapter's own error arrives, else Prisma's. */
function adapterCause(error: unknown): AdapterCause | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error.name === 'DriverAdapterError') return error.cause as AdapterCause | undefined;
  return (error as { meta?: { driverAdapterError?: { cause?: AdapterCause } } }).meta?.driverAdapterError?.cause;
}

interface AdapterCause {
  kind?: string;
  code?: unknown;
  originalCode?: string;
}

type Activity = (...args: never[]) => Promise<unknown>;

/** The activities as given, whose invalid-data errors are failed for good. */
export function failingOnInvalidData<T extends Record<string, Activity>>(activities: T): T {
  const guarded: Record<string, Activity> = {};
  for (const [name, activity] of Object.entries(activities)) {
    guarded[name] = async (...args) => {
      try {
        return await activity(...args);
      } catch (error) {
        if (!isInvalidData(error)) throw error;
        throw ApplicationFailure.create({
          type: INVALID_CASE_DATA,
          message: `the database refuses this data: ${error instanceof Error ? error.message : String(error)}`,
          nonRetryable: true,
          cause: error instanceof Error ? error : undefined,
        });
      }
    };
  }
  return guarded as T;
}
