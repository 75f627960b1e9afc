/**
 * The one place that reads the environment. Every variable is validated at start, and a bad
 * or missing one stops the process with a message that says which and what is expected.
 */
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const postgresUrl = z
  .string({ required_error: 'is required, e.g. postgresql://user:password@host:5432/database' })
  .url('must be a URL, e.g. postgresql://user:password@host:5432/database')
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgresql://');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: postgresUrl,
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('field-reports'),
    TEMPORAL_UI_URL: z.string().url().optional(),
    /** Secret for citizen tokens and sessions: at least 32 characters. */
    APP_SECRET: z
      .string({ required_error: 'is required (at least 32 random characters)' })
      .min(32, 'must be at least 32 characters'),
    DEMO_MODE: bool.optional(),
    DEMO_PASSWORD: z.string().min(8).default('demo1234'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** How long a stopping process waits for in-flight work. */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(20_000),
    /** A worker counts as alive when it polled its task queue this recently. */
    WORKER_HEARTBEAT_MS: z.coerce.number().int().min(1_000).default(90_000),
    /** An official's session ends after this long without a request… */
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(120),
    /** …and at the latest this long after login, whatever the activity. */
    SESSION_MAX_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    /** Days a reporter has to rate a published result before the case closes unrated. */
    RATING_WINDOW_DAYS: z.coerce.number().min(0.001).max(90).default(7),
    /** Working days a reporter has to answer a request for information. */
    INFO_REQUEST_WORKING_DAYS: z.coerce.number().int().min(1).max(30).default(5),
    /** Ratings at or below this go to a supervisor's review. */
    REVIEW_RATING_AT_MOST: z.coerce.number().int().min(1).max(4).default(2),
    TRACKING_CODE_PREFIX: z
      .string()
      .regex(/^[A-Z]{2,4}$/, 'must be 2-4 capital letters')
      .default('HT'),
  })
  .transform((env) => ({
    ...env,
    // Demo accounts exist only where nobody could mistake them for real ones.
    DEMO_MODE: env.DEMO_MODE ?? env.NODE_ENV !== 'production',
  }));

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (parsed.success) {
    if (parsed.data.NODE_ENV === 'production' && parsed.data.DEMO_MODE) {
      throw new ConfigError(['DEMO_MODE cannot be on when NODE_ENV=production']);
    }
    return parsed.data;
  }
  throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
}
