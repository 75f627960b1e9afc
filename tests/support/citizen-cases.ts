/**
 * Cases for the citizen API's tests, driven through their workflow to the step a test needs:
 * verifying (withdrawable), info requested (answerable), processing, published (ratable).
 * The reporter's token is the one the API would have handed out at intake.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { ReportCommand } from '../../domain/report-command';
import { citizenToken } from '../../api/services/citizen-token';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { CaseDriver, officials } from './case-driver';

export const REPLY = 'Kính gửi Ông/Bà, UBND phường đã thu gom rác thải và xử phạt người vi phạm.';
export const QUESTION = 'Xin cho biết vị trí chính xác (số nhà, ngõ)?';

export interface CitizenCase {
  driver: CaseDriver;
  id: string;
  trackingCode: string;
  token: string;
}

export class CitizenCases {
  constructor(
    private readonly deps: { db: Db; temporal: Client },
    private readonly config: Config,
  ) {}

  /** A new report; the workflow has opened its verify task and written it when this returns. */
  async report(report: Partial<ReportCommand> = {}): Promise<CitizenCase> {
    const driver = await CaseDriver.start(this.deps.temporal, this.config.TEMPORAL_TASK_QUEUE, report);
    // Quiet, not only settled: the tests read the case through the API, so its projection
    // (status verifying, the verify task's row) must be written, not just decided.
    await driver.quiet();
    return {
      driver,
      id: driver.caseId,
      trackingCode: driver.trackingCode,
      token: citizenToken(this.config.APP_SECRET, driver.caseId),
    };
  }

  /** A case a citizen made through the API (the portal), by its tracking code. */
  async existing(trackingCode: string): Promise<CitizenCase> {
    const row = await this.deps.db.case.findUniqueOrThrow({ where: { trackingCode }, select: { id: true } });
    return {
      driver: CaseDriver.attach(this.deps.temporal, row.id, trackingCode),
      id: row.id,
      trackingCode,
      token: citizenToken(this.config.APP_SECRET, row.id),
    };
  }

  async people(unitCode: string): Promise<Record<string, string>> {
    return officials(this.deps.db, ['operator', `${unitCode}.officer`, `${unitCode}.leader`]);
  }

  /** The operator asks the reporter for more information. */
  async requestInfo(c: CitizenCase): Promise<void> {
    const people = await this.people('18073');
    await c.driver.complete('verify', 'request_info', { question: QUESTION }, people.operator!);
  }

  /** Accepted, routed automatically to the commune's People's Committee, accepted and assigned. */
  async toProcess(c: CitizenCase, unitCode: string): Promise<void> {
    const people = await this.people(unitCode);
    await c.driver.complete('verify', 'accept', {}, people.operator!);
    await c.driver.complete('accept', 'accept', {}, people[`${unitCode}.officer`]!);
    await c.driver.complete(
      'assign',
      'assign',
      { assigneeId: people[`${unitCode}.officer`] },
      people[`${unitCode}.leader`]!,
    );
  }

  /** A citizen's file of the report itself, as the intake stores it. */
  /** A stored photo of the case; `originalName` is the file's name as it was sent. */
  addMedia(c: CitizenCase, purpose: 'report' | 'info' | 'proof', originalName?: string) {
    return this.deps.db.media.create({
      data: {
        caseId: c.id,
        purpose,
        originalName,
        kind: 'photo',
        contentType: 'image/jpeg',
        size: 1_234,
        sha256: 'a'.repeat(64),
        storageKey: `test/${randomUUID()}.jpg`,
        thumbnailKey: `test/${randomUUID()}.thumb.jpg`,
      },
    });
  }

  /** Processed with a proof photo, replied and approved: published, awaiting the rating. */
  async publish(c: CitizenCase, unitCode: string): Promise<{ proofId: string }> {
    await this.toProcess(c, unitCode);
    const people = await this.people(unitCode);
    const proof = await this.addMedia(c, 'proof');
    await c.driver.complete(
      'process',
      'reply',
      { reply: REPLY, attachmentIds: [proof.id] },
      people[`${unitCode}.officer`]!,
    );
    await c.driver.complete('approve', 'approve', {}, people[`${unitCode}.leader`]!);
    await c.driver.settled((s) => s.step === 'rate');
    return { proofId: proof.id };
  }
}
