/**
 * Reply templates reach people filled: every seeded template (prisma/seed/reply-templates.ts), in
 * both languages, is sent through POST /api/admin/tasks/:id/complete on a real case at its step,
 * as the back office sends it once the official has written their own words in place of
 * {{question}}, {{result}}…; the API fills the case's facts, the workflow the answer deadline,
 * and what the workflow stored has no "{{" left. A blank left is refused with 422 naming the
 * variable; an administrator cannot save a template with a variable no letter has.
 */
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { LETTER_VARIABLES, letterDate, placeholdersIn, unknownVariables } from '../domain/reply-letters';
import { SEED_REPLY_TEMPLATES, type SeedReplyTemplate } from '../prisma/seed/reply-templates';
import { caseRecord } from './support/case-driver';
import { CitizenCases, REPLY, type CitizenCase } from './support/citizen-cases';
import { officialSessions } from './support/official-sessions';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
const cases = new CitizenCases(api.deps, config);
const UNIT = '18073';
let app: Express;
let worker: Awaited<ReturnType<typeof startWorker>>;
const as = officialSessions(() => app, config.DEMO_PASSWORD);

beforeAll(async () => {
  worker = await startWorker(config, await bundleWorkflows());
  app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
});
afterAll(async () => {
  await worker.stop();
  await api.close();
});

/** What an official writes in place of the variables only they can fill. */
const OFFICIALS_WORDS = {
  question: 'Xin cho biết số nhà gần nhất.\nẢnh chụp lúc nào?',
  reason: 'Nội dung là tranh chấp đất đai giữa hai hộ gia đình.',
  comment: 'Cần bổ sung ảnh sau khi thu gom.',
  result: 'Ngày 05/12, tổ công tác đã thu gom rác.\nĐã lập biên bản xử phạt người đổ trộm.',
} as const;

function officialWritten(text: string): string {
  return text.replace(
    /\{\{(question|reason|comment|result)\}\}/g,
    (_, name: keyof typeof OFFICIALS_WORDS) => OFFICIALS_WORDS[name],
  );
}

/** The timeline entry whose note is the answer's text (workflows/field-report-case.ts). */
const TIMELINE_ENTRY: Record<string, string> = {
  reject: 'rejected',
  duplicate: 'duplicate',
  request_info: 'info_requested',
  return: 'returned',
  send_back: 'sent_back',
};

interface Answer {
  username: string;
  outcome: string;
  field: string;
  data: Record<string, unknown>;
}

/** Brings a new case to the step the template's purpose answers. */
async function caseAwaiting(purpose: string, confidential: boolean): Promise<{ c: CitizenCase; answer: Answer }> {
  const c = await cases.report({ confidential });
  const people = await cases.people(UNIT);
  switch (purpose) {
    case 'reject':
      return { c, answer: { username: 'operator', outcome: 'reject', field: 'reason', data: {} } };
    case 'request_info':
      return { c, answer: { username: 'operator', outcome: 'request_info', field: 'question', data: {} } };
    case 'duplicate': {
      const original = await cases.report();
      return {
        c,
        answer: { username: 'operator', outcome: 'duplicate', field: 'note', data: { duplicateOf: original.id } },
      };
    }
    case 'return':
      await c.driver.complete('verify', 'accept', {}, people.operator!);
      return { c, answer: { username: `${UNIT}.officer`, outcome: 'return', field: 'reason', data: {} } };
    case 'reply': {
      await cases.toProcess(c, UNIT);
      const proof = await cases.addMedia(c, 'proof');
      return {
        c,
        answer: { username: `${UNIT}.officer`, outcome: 'reply', field: 'reply', data: { attachmentIds: [proof.id] } },
      };
    }
    case 'send_back': {
      await cases.toProcess(c, UNIT);
      const proof = await cases.addMedia(c, 'proof');
      await c.driver.complete(
        'process',
        'reply',
        { reply: REPLY, attachmentIds: [proof.id] },
        people[`${UNIT}.officer`]!,
      );
      return { c, answer: { username: `${UNIT}.leader`, outcome: 'send_back', field: 'comment', data: {} } };
    }
    default:
      throw new Error(`no step for the purpose ${purpose}`);
  }
}

async function complete(c: CitizenCase, answer: Answer, language = 'vi') {
  const taskId = (await c.driver.settled()).openTask!.id;
  return request(app)
    .post(`/api/admin/tasks/${taskId}/complete`)
    .set('Cookie', await as(answer.username))
    .set('Accept-Language', language)
    .send({ outcome: answer.outcome, ...answer.data });
}

describe('seeded reply templates', () => {
  it('use only variables a letter has', () => {
    expect(SEED_REPLY_TEMPLATES.length).toBeGreaterThanOrEqual(7);
    for (const t of SEED_REPLY_TEMPLATES) {
      for (const text of [t.titleVi, t.titleEn, t.bodyVi, t.bodyEn]) expect(unknownVariables(text)).toEqual([]);
    }
  });

  const both = SEED_REPLY_TEMPLATES.flatMap((t) => [[t.code, 'vi', t] as const, [t.code, 'en', t] as const]);
  it.each(both)(
    '%s (%s) reaches the workflow filled, from a real case',
    async (_, language, template: SeedReplyTemplate) => {
      const body = language === 'vi' ? template.bodyVi : template.bodyEn;
      const { c, answer } = await caseAwaiting(template.purpose, language === 'en');
      const text = officialWritten(body);
      const sent = await complete(c, { ...answer, data: { ...answer.data, [answer.field]: text } });
      expect(sent.status).toBe(200);
      const row = await caseRecord(db, c.id);
      // What people read: the timeline's entry of the answer; a reply is published after approval,
      // so for it, the text the workflow holds.
      const entry = row.timeline.find((e) => e.kind === TIMELINE_ENTRY[template.purpose]);
      const done = row.tasks.find((t) => t.outcome === answer.outcome)!;
      const stored = entry ? entry.note! : String((done.outcomeData as Record<string, unknown>)[answer.field]);
      if (template.purpose !== 'reply') expect(entry).toBeDefined();
      expect(placeholdersIn(stored)).toEqual([]);
      expect(stored).not.toContain('{{');
      if (body.includes('{{trackingCode}}')) expect(stored).toContain(c.trackingCode);
      if (body.includes('{{receivedDate}}')) expect(stored).toContain(letterDate(row.receivedAt));
      if (body.includes('{{description}}')) expect(stored).toContain(row.description);
      if (body.includes('{{reporterName}}') && language === 'vi') expect(stored).toContain('Nguyễn Văn A');
      if (body.includes('{{result}}')) expect(stored).toContain(OFFICIALS_WORDS.result); // line breaks kept
      if (template.purpose === 'duplicate') {
        const original = await db.case.findUniqueOrThrow({ where: { id: answer.data.duplicateOf as string } });
        expect(stored).toContain(original.trackingCode);
      }
      if (template.purpose === 'request_info') {
        // The deadline only the workflow knows, in Hà Tĩnh's time, in what the reporter reads.
        const due = new Date((await c.driver.state()).infoRequest!.due);
        const local = new Date(due.getTime() + 7 * 3_600_000).toISOString(); // Vietnam: UTC+7, no DST
        const expected = `${local.slice(11, 16)} ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
        expect(stored).toContain(expected);
      }
    },
  );
});

describe('a text with a blank left', () => {
  it('is refused with 422 naming the variable, in Vietnamese and in English', async () => {
    const letter = SEED_REPLY_TEMPLATES.find((t) => t.code === 'reply-letter')!;
    const { c, answer } = await caseAwaiting('reply', true);
    const withBlank = { ...answer, data: { ...answer.data, reply: letter.bodyVi } };
    const vi = await complete(c, withBlank, 'vi');
    expect(vi.status).toBe(422);
    expect(vi.body.error.fields.reply).toEqual({
      code: 'unfilled_placeholder',
      message: 'Văn bản còn chỗ trống chưa điền: {{result}}. Hãy thay bằng nội dung cụ thể trước khi gửi.',
    });
    const en = await complete(c, withBlank, 'en');
    expect(en.body.error.fields.reply.message).toContain('{{result}}');
    expect(en.body.error.fields.reply.message).toMatch(/^The text still has a blank/);
    // Nothing reached the workflow: the task is still open.
    expect((await c.driver.state()).openTask?.step).toBe('process');
    const unknown = await complete(c, { ...answer, data: { ...answer.data, reply: `${REPLY} {{ketQua}}` } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields.reply.message).toContain('{{ketQua}}');
  });
});

describe('an administrator saving a reply template', () => {
  const template = {
    code: 'test-unknown-variable',
    purpose: 'reply',
    titleVi: 'Mẫu thử',
    titleEn: 'Test template',
    bodyVi: 'Kính gửi {{reporterName}}, kết quả: {{ketQua}}',
    bodyEn: 'Dear {{reporterName}}, result: {{result}}',
  };

  it('is refused a variable no letter has, on create and on update', async () => {
    const admin = await as('admin');
    const created = await request(app).post('/api/admin/templates').set('Cookie', admin).send(template).expect(422);
    expect(created.body.error.fields.bodyVi).toMatchObject({
      code: 'unknown_variable',
      message: expect.stringContaining('ketQua'),
    });
    const saved = await request(app)
      .post('/api/admin/templates')
      .set('Cookie', admin)
      .send({ ...template, bodyVi: 'Kính gửi {{reporterName}}, kết quả: {{result}}' })
      .expect(201);
    const updated = await request(app)
      .put(`/api/admin/templates/${saved.body.id}`)
      .set('Cookie', admin)
      .set('Accept-Language', 'en')
      .send({ titleEn: 'Result for {{tracking_code}}' })
      .expect(422);
    expect(updated.body.error.fields.titleEn.message).toBe('Not a variable of this template: tracking_code.');
    expect(Object.keys(LETTER_VARIABLES)).toContain('trackingCode');
  });
});
