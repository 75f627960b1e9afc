/**
 * A citizen's report sent the two ways a benchmark compares: over HTTP to the API (what the portal
 * does), and straight to Temporal with the client, as the API itself does beneath HTTP (start the
 * case workflow with its receipt Update, one request): the baseline the API's overhead is measured by.
 */
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { ReportCommand } from '../../domain/report-command';
import type { fieldReportWorkflow } from '../../workflows/field-report';
import { floorReceipt, type floorWorkflow } from '../floor/workflow';
import { receiptUpdate, type FieldReportInput, type Receipt } from '../../workflows/messages';
import { CASE_CATEGORY, CASE_LEVEL, CASE_STATUS, CASE_STEP } from '../../workflows/search-attributes';

/** A report in phường Thành Sen (18073): routing sends it to the commune's People's Committee. */
export function reportBody(i: number, marker: string) {
  return {
    categoryCode: 'moi-truong',
    description: `Rác thải đổ trộm ven đường gần chợ Thành Sen, phản ánh số ${i} (${marker})`,
    location: { lat: 18.3428, lng: 105.9057, address: 'Đường Hà Huy Tập', communeCode: '18073' },
    level: 'normal' as const,
    confidential: true,
    reporter: { name: 'Nguyễn Văn A', phone: '0912 345 678' },
  };
}

export interface Submitted {
  id: string;
  trackingCode: string;
  citizenToken?: string;
}

/** POST /api/v1/reports as the portal sends it; anything but 201 is an error with its body. */
export async function submitOverHttp(baseUrl: string, i: number, marker: string): Promise<Submitted> {
  const response = await fetch(`${baseUrl}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `${marker}-${i}` },
    body: JSON.stringify(reportBody(i, marker)),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST /api/v1/reports: ${response.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as Submitted;
}

/**
 * The same case started with the Temporal client: the API's workflow start (same input, search
 * attributes and id policies as api/services/create-report.ts) with its receipt Update.
 */
export async function submitWithClient(client: Client, taskQueue: string, i: number, marker: string): Promise<Receipt> {
  const start = new WithStartWorkflowOperation<typeof fieldReportWorkflow>(
    'fieldReportWorkflow',
    startOptions(taskQueue, i, marker),
  );
  return client.workflow.executeUpdateWithStart(receiptUpdate, { updateId: 'receipt', startWorkflowOperation: start });
}

/**
 * The same request to the floor's workflow (bench/floor): same input, search attributes and id
 * policies, a workflow that runs no platform code. What Temporal and the SDK cost alone.
 */
export async function submitToFloor(
  client: Client,
  taskQueue: string,
  i: number,
  marker: string,
): Promise<{ id: string }> {
  const start = new WithStartWorkflowOperation<typeof floorWorkflow>(
    'floorWorkflow',
    startOptions(taskQueue, i, marker),
  );
  return client.workflow.executeUpdateWithStart(floorReceipt, { updateId: 'receipt', startWorkflowOperation: start });
}

/** A new case's start: the API's input, id policies and search attributes. */
function startOptions(taskQueue: string, i: number, marker: string) {
  const caseId = randomUUID();
  const report = reportBody(i, marker) as ReportCommand;
  return {
    taskQueue,
    workflowId: caseId,
    args: [
      { caseId, report, fingerprint: `${marker}-${i}`, channel: 'api' as const, receivedAt: new Date().toISOString() },
    ] as [FieldReportInput],
    workflowIdConflictPolicy: 'USE_EXISTING' as const,
    workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
    typedSearchAttributes: [
      { key: CASE_STATUS, value: 'received' },
      { key: CASE_STEP, value: 'receive' },
      { key: CASE_CATEGORY, value: report.categoryCode },
      { key: CASE_LEVEL, value: report.level },
    ],
  };
}
