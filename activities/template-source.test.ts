/**
 * The worker's notification templates (template-source.ts): the administrator's wording where
 * there is one, the default otherwise; one read of the table per time-to-live, not one per
 * notification; an edit served once the time-to-live has passed.
 */
import { EVENTS } from '../notifications/templates';
import type { Db } from '../platform/db';
import { createTemplateSource } from './template-source';

type Row = { id: string; subject: string; body: string; shortBody: string };

function table(rows: Row[]) {
  const reads = { count: 0 };
  const db = {
    notificationTemplate: {
      findMany: async () => {
        reads.count += 1;
        return rows.map((row) => ({ ...row }));
      },
    },
  } as unknown as Pick<Db, 'notificationTemplate'>;
  return { db, reads, rows };
}

const edited: Row = {
  id: 'case_received.vi',
  subject: 'Tiếp nhận: {{trackingCode}}',
  body: 'Cảm ơn Ông/Bà. {{link}}',
  shortBody: 'HT: {{trackingCode}}',
};

it("serves the administrator's wording, and the default of an event nobody edited", async () => {
  const { db } = table([edited]);
  const templates = createTemplateSource(db, { ttlMs: 60_000 });
  expect(await templates.template('case_received', 'vi')).toEqual({
    subject: edited.subject,
    body: edited.body,
    shortBody: edited.shortBody,
  });
  expect(await templates.template('case_received', 'en')).toEqual(EVENTS.case_received.texts.en);
  expect(await templates.template('new_task', 'vi')).toEqual(EVENTS.new_task.texts.vi);
});

it('reads the table once per time-to-live, and an edit reaches notifications after it', async () => {
  let clock = 0;
  const { db, reads, rows } = table([]);
  const templates = createTemplateSource(db, { ttlMs: 60_000, now: () => clock });
  await Promise.all([templates.template('case_received', 'vi'), templates.template('new_task', 'vi')]);
  await templates.template('case_received', 'en');
  expect(reads.count).toBe(1);

  rows.push(edited);
  clock = 59_999;
  expect((await templates.template('case_received', 'vi')).subject).toBe(EVENTS.case_received.texts.vi.subject);
  clock = 60_000;
  expect((await templates.template('case_received', 'vi')).subject).toBe(edited.subject);
  expect(reads.count).toBe(2);
});

it('with a time-to-live of 0 reads the table for each template (suites that edit templates)', async () => {
  const { db, reads } = table([]);
  const templates = createTemplateSource(db, { ttlMs: 0 });
  await templates.template('case_received', 'vi');
  await templates.template('case_received', 'vi');
  expect(reads.count).toBe(2);
});
