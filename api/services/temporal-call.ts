/**
 * Calls to Temporal from the API: an unreachable or slow server becomes 503 with Retry-After
 * (nothing was changed), and an Update the workflow refused becomes the AppError its refusal
 * type names (409 for "not now", 422 for missing data).
 */
import {
  isGrpcServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { AppError } from '../../platform/app-error';
import type { FieldProblems, UpdateRefusal } from '../../workflows/messages';

export async function withTemporal<T>(temporal: Client, work: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  try {
    return await temporal.connection.withDeadline(Date.now() + timeoutMs, work);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const refused = refusalOf(error);
    if (refused) throw refused;
    if (error instanceof WorkflowNotFoundError) throw new AppError('NOT_ALLOWED_NOW', {}, undefined, { cause: error });
    // An Update's RPC retries until the deadline while the server cannot be reached, then ends so.
    const updateTimedOut = error instanceof WorkflowUpdateRPCTimeoutOrCancelledError;
    if (updateTimedOut || isGrpcServiceError(error) || isUnavailable(error)) {
      throw new AppError('SERVICE_UNAVAILABLE', { retryAfterSeconds: 30 }, undefined, { cause: error });
    }
    throw error;
  }
}

const REFUSAL_ERRORS: Record<
  UpdateRefusal,
  'TASK_NOT_OPEN' | 'OUTCOME_NOT_ALLOWED' | 'VALIDATION_FAILED' | 'NOT_ALLOWED_NOW'
> = {
  TASK_NOT_OPEN: 'TASK_NOT_OPEN',
  OUTCOME_NOT_ALLOWED: 'OUTCOME_NOT_ALLOWED',
  INVALID_DATA: 'VALIDATION_FAILED',
  NOT_ALLOWED_NOW: 'NOT_ALLOWED_NOW',
};

function refusalOf(error: unknown): AppError | undefined {
  if (!(error instanceof WorkflowUpdateFailedError) || !(error.cause instanceof ApplicationFailure)) return undefined;
  const type = error.cause.type as UpdateRefusal | undefined;
  if (!type || !(type in REFUSAL_ERRORS)) return undefined;
  const fields = type === 'INVALID_DATA' ? (error.cause.details?.[0] as FieldProblems | undefined) : undefined;
  return new AppError(REFUSAL_ERRORS[type], {}, fields, { cause: error });
}

function isUnavailable(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : '';
  return /ServiceError|UNAVAILABLE|DEADLINE_EXCEEDED|ECONNREFUSED|Failed to connect|TransportError/i.test(text);
}
