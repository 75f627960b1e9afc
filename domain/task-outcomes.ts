/**
 * What an official may answer at each human step, and the data each answer needs
 * (docs/api-contract.md, "Outcomes"). One definition for the API (422 before anything is sent),
 * the workflow's Update validator (the last word) and the back office's forms.
 */
import { z } from 'zod';
import { CASE_LEVELS, type HumanStep } from './case-steps';
import { fieldProblems, type FieldProblems } from './field-problems';

const uuid = z.string().uuid();
/** A reason a citizen or a colleague will read: a few words at least. */
const reason = z.string().trim().min(5).max(4_000);
const note = z.string().trim().max(4_000).optional();
const workingDays = z.number().int().min(1).max(60);

export const OUTCOME_DATA = {
  verify: {
    /** Operators decide the level and may correct the category (the citizen's are hints). */
    accept: z.object({
      level: z.enum(CASE_LEVELS).optional(),
      categoryCode: z.string().trim().min(1).max(64).optional(),
      note,
    }),
    reject: z.object({ reason, templateCode: z.string().max(100).optional() }),
    duplicate: z.object({ duplicateOf: uuid, note }),
    request_info: z.object({ question: reason }),
  },
  route: { route: z.object({ unitId: uuid, note }) },
  accept: { accept: z.object({ note }), return: z.object({ reason }) },
  assign: { assign: z.object({ assigneeId: uuid, note }) },
  process: {
    reply: z.object({ reply: z.string().trim().min(20).max(10_000), attachmentIds: z.array(uuid).min(1).max(20) }),
    request_extension: z.object({ workingDays, reason }),
  },
  extension: { grant: z.object({ workingDays, note }), deny: z.object({ reason }) },
  approve: { approve: z.object({ note }), send_back: z.object({ comment: reason }) },
  review: { reopen: z.object({ comment: reason }), close: z.object({ comment: reason }) },
} as const satisfies Record<HumanStep, Record<string, z.ZodTypeAny>>;

type OutcomeMap = typeof OUTCOME_DATA;
export type OutcomeOf<S extends HumanStep> = Extract<keyof OutcomeMap[S], string>;
export type OutcomeData<S extends HumanStep, O extends OutcomeOf<S>> = z.infer<OutcomeMap[S][O] & z.ZodTypeAny>;

/** Any step's answer, as the workflow receives it. */
export type StepOutcome = {
  [S in HumanStep]: { [O in OutcomeOf<S>]: { step: S; outcome: O; data: OutcomeData<S, O> } }[OutcomeOf<S>];
}[HumanStep];

export function allowedOutcomes(step: HumanStep): string[] {
  return Object.keys(OUTCOME_DATA[step]);
}

export type OutcomeCheck =
  | { ok: true; value: StepOutcome }
  | { ok: false; problem: 'outcome_not_allowed'; allowed: string[] }
  | { ok: false; problem: 'invalid_data'; fields: FieldProblems };

/** Checks an answer against its step: the outcome must be one of the step's, its data complete. */
export function checkOutcome(step: HumanStep, outcome: string, data: unknown): OutcomeCheck {
  const schemas = OUTCOME_DATA[step] as Record<string, z.ZodTypeAny>;
  const schema = Object.hasOwn(schemas, outcome) ? schemas[outcome] : undefined;
  if (!schema) return { ok: false, problem: 'outcome_not_allowed', allowed: allowedOutcomes(step) };
  const parsed = schema.safeParse(data ?? {});
  if (!parsed.success) return { ok: false, problem: 'invalid_data', fields: fieldProblems(parsed.error.issues) };
  return { ok: true, value: { step, outcome, data: parsed.data } as StepOutcome };
}
