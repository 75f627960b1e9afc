/**
 * The one place that reads the environment. Every variable is validated at start, and a bad
 * or missing one stops the process with a message that says which and what is expected.
 */
import path from 'node:path';
import { z } from 'zod';
import { trustProxySetting } from './trust-proxy';
import type { PayloadKey } from './payload-codec';
import { formatBounds, HA_TINH_BOUNDS, parseBounds } from '../domain/province-bounds';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const postgresUrl = z
  .string({ required_error: 'is required, e.g. postgresql://user:password@host:5432/database' })
  .url('must be a URL, e.g. postgresql://user:password@host:5432/database')
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgresql://');

/** A comma list of origins (scheme://host[:port]), trailing slashes dropped; empty by default. */
function originList(example: string) {
  return z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim().replace(/\/+$/, ''))
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, `must be origins like ${example}`)));
}
/**
 * Temporal payload keys, `id:base64key,...` (platform/payload-codec.ts): the first encrypts, all
 * decrypt. Each key is 32 random bytes (AES-256), e.g. `openssl rand -base64 32`.
 */
const payloadKeys = z.string().transform((value, ctx): PayloadKey[] => {
  const keys: PayloadKey[] = [];
  const entries = value.split(',').map((entry) => entry.trim());
  for (const entry of entries.filter(Boolean)) {
    const match = /^([A-Za-z0-9._-]{1,64}):([A-Za-z0-9+/_-]+={0,2})$/.exec(entry);
    const key = match ? Buffer.from(match[2]!, 'base64') : undefined;
    const problem = !match
      ? 'must be id:base64key entries separated by commas, e.g. k2026:<openssl rand -base64 32>'
      : key!.length !== 32
        ? `key ${match[1]} must be 32 bytes in base64 (it is ${key!.length})`
        : keys.some((k) => k.id === match[1])
          ? `key id ${match[1]} appears twice`
          : undefined;
    if (problem) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
      return z.NEVER;
    }
    keys.push({ id: match![1]!, key: key! });
  }
  if (keys.length === 0) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'holds no key' });
    return z.NEVER;
  }
  return keys;
});

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
    /** Encrypts Temporal payloads; required in production, unencrypted payloads without it. */
    TEMPORAL_PAYLOAD_KEYS: payloadKeys.optional(),
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
    /**
     * Cases a worker keeps in memory between their steps (about 0.6 MB each). A case not in it is
     * replayed from its history when its next step comes: memory stays bounded however many cases
     * are open (docs/performance.md).
     */
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(2).max(100_000).default(500),
    /** Workflow tasks a worker runs at once (its workflows share one thread). */
    WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(2).max(1_000).default(20),
    /** Activities (database writes, notifications) a worker runs at once, local ones counted apart. */
    WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).max(1_000).default(50),
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
    /** Open311 GeoReport v2 (/open311/v2): the one jurisdiction served; an empty jurisdiction_id means it too. */
    OPEN311_JURISDICTION_ID: z.string().trim().min(1).default('hatinh.gov.vn'),
    /**
     * Origins of citizen front ends served elsewhere (a portal on its own domain, a partner's web
     * app), comma-separated, e.g. `https://phananh.hatinh.gov.vn`; they get CORS on /api/v1.
     * Default none: the portal served by this API at `/` is same-origin and needs no CORS.
     */
    PORTAL_ORIGINS: originList('https://portal.example.vn'),
    /**
     * Origins besides PUBLIC_BASE_URL's (and the address a request was sent to) whose pages may send
     * the back office's state-changing requests, e.g. `https://quantri.hatinh.gov.vn` (docs/security.md).
     */
    BACK_OFFICE_ORIGINS: originList('https://quantri.example.vn'),
    /** The proxies whose X-Forwarded-For gives the client's address (platform/trust-proxy.ts). */
    TRUST_PROXY: trustProxySetting,
    /** New reports per client address and hour (POST /api/v1/reports). */
    REPORT_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(30),
    /** Reporter actions (rating, information, withdrawal) per citizen token and hour. */
    CITIZEN_ACTION_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(60),
    /**
     * Citizens' sign-in code requests, and separately their sign-in tries, per client address and
     * hour (per phone: one code a minute, five an hour, api/services/citizen-accounts/).
     */
    CITIZEN_SIGN_IN_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(20),
    /**
     * Subscription requests (POST /api/v1/subscriptions) per client address and hour: each may send
     * a confirmation by email, SMS or Zalo to any address.
     */
    SUBSCRIPTION_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(20),
    /** Where citizens' links lead (case pages, confirmation and unsubscribe links): the public origin. */
    PUBLIC_BASE_URL: z
      .string()
      .url()
      .default('http://localhost:3000')
      .transform((v) => v.replace(/\/+$/, '')),
    /**
     * The portal's map tiles (GET /api/v1/map-settings), Leaflet's URL template: {z}/{x}/{y}, and {s}
     * for a subdomain of MAP_TILE_SUBDOMAINS. The Content-Security-Policy allows images from its
     * origins only. OpenStreetMap's own servers suit light use (their tile usage policy); a province
     * with heavy traffic points this at its own or a commercial tile server.
     */
    MAP_TILE_URL: z
      .string()
      .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png')
      .refine(
        (v) => /^https?:\/\/[^/\s]+\/\S*$/.test(v) && ['{z}', '{x}', '{y}'].every((p) => v.includes(p)),
        'must be an http(s) URL template with {z}, {x} and {y}, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      ),
    /** The letters {s} in MAP_TILE_URL stands for, one per subdomain (Leaflet's default). */
    MAP_TILE_SUBDOMAINS: z
      .string()
      .regex(/^[a-z0-9]+$/, 'must be letters or digits, one per subdomain, e.g. abc')
      .default('abc'),
    /** Shown on the map as the tile server's licence asks; HTML (links) allowed: it is the operator's text. */
    MAP_TILE_ATTRIBUTION: z
      .string()
      .min(1)
      .default('© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'),
    MAP_MAX_ZOOM: z.coerce.number().int().min(1).max(22).default(19),
    /** Where the maps open: the province's centre (lat,lng) and zoom (Hà Tĩnh by default). */
    MAP_CENTER: z
      .string()
      .default('18.34,105.90')
      .transform((v) => v.split(',').map((n) => (n.trim() === '' ? Number.NaN : Number(n))))
      .refine(
        (c) => c.length === 2 && Math.abs(c[0]!) <= 90 && Math.abs(c[1]!) <= 180,
        'must be lat,lng, e.g. 18.34,105.90',
      )
      .transform((c) => [c[0]!, c[1]!] as [number, number]),
    MAP_ZOOM: z.coerce.number().int().min(1).max(22).default(9),
    /** Points outside this box are refused (domain/province-bounds.ts); west,south,east,north. */
    PROVINCE_BOUNDS: z
      .string()
      .default(formatBounds(HA_TINH_BOUNDS))
      .transform((v) => parseBounds(v))
      .refine((b) => b !== undefined, 'must be west,south,east,north in degrees, e.g. 105.05,17.85,106.6,18.9')
      .transform((b) => b!),
    /** Notifications (notifications/README.md): email over SMTP, e.g. smtp://user:pass@mail:587. */
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().min(3).default('"Phản ánh hiện trường Hà Tĩnh" <no-reply@hatinh.gov.vn>'),
    /** SMS and Zalo OA through HTTP gateways: POST { to, text, idempotencyKey } with a Bearer token. */
    SMS_GATEWAY_URL: z.string().url().optional(),
    SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
    ZALO_GATEWAY_URL: z.string().url().optional(),
    ZALO_GATEWAY_TOKEN: z.string().min(1).optional(),
    /**
     * How Zalo messages leave: `gateway` (ZALO_GATEWAY_URL, as SMS) or `zns`, Zalo's own Notification
     * Service (notifications/zalo-zns-sender.ts): ZALO_API_URL with ZALO_ACCESS_TOKEN and ZALO_TEMPLATE_ID.
     */
    ZALO_MODE: z.enum(['gateway', 'zns']).default('gateway'),
    ZALO_API_URL: z.string().url().default('https://business.openapi.zalo.me/message/template'),
    ZALO_ACCESS_TOKEN: z.string().min(1).optional(),
    /** The approved ZNS template every message is sent with; its parameters are `title` and `content`. */
    ZALO_TEMPLATE_ID: z
      .string()
      .regex(/^\d{1,20}$/, 'must be the numeric id of an approved ZNS template, e.g. 231456')
      .optional(),
    /**
     * Web Push (VAPID, RFC 8292): the application server's key pair, base64url (the public key
     * uncompressed, 65 bytes; the private key 32 bytes), and a contact (mailto: or https:) push
     * services may write to. `npm start` generates a pair into `.data/local.json` when unset.
     */
    WEB_PUSH_VAPID_PUBLIC_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{87}$/, 'must be an uncompressed P-256 public key, base64url (87 characters)')
      .optional(),
    WEB_PUSH_VAPID_PRIVATE_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/, 'must be a P-256 private key, base64url (43 characters)')
      .optional(),
    WEB_PUSH_VAPID_SUBJECT: z
      .string()
      .regex(/^(mailto:|https:\/\/)\S+$/, 'must be a mailto: or https: URL, e.g. mailto:ioc@hatinh.gov.vn')
      .default('mailto:no-reply@hatinh.gov.vn'),
    /**
     * The push services a browser's subscription may point at (the worker POSTs to its endpoint):
     * host names, `*.` for any subdomain. https only, except a loopback host listed here (tests).
     */
    WEB_PUSH_SERVICE_HOSTS: z
      .string()
      .default('fcm.googleapis.com,*.push.services.mozilla.com,*.notify.windows.com,*.push.apple.com')
      .transform((v) =>
        v
          .split(',')
          .map((h) => h.trim().toLowerCase())
          .filter(Boolean),
      ),
    /**
     * Alerts of a commune's new and resolved reports are gathered per window of this length
     * (aligned to the clock) and sent as one digest per subscription when it closes.
     */
    AREA_ALERT_WINDOW_MS: z.coerce.number().int().min(1_000).default(3_600_000),
    /** Whether this worker delivers the outbox (several may: they never take the same row). */
    NOTIFY_DISPATCHER: bool.default('true'),
    /** Sending attempts before a message is failed (an administrator may retry it). */
    NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
    /** The first retry's delay; each further one doubles it, up to an hour. */
    NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(1).default(30_000),
    /** How long a claimed message is a sender's; after it, another sender takes it (a crashed worker). */
    NOTIFY_LEASE_MS: z.coerce.number().int().min(1_000).default(120_000),
    /** How often an idle sender looks for messages to deliver. */
    NOTIFY_POLL_MS: z.coerce.number().int().min(10).default(2_000),
    /** How often the back office's live stream (GET /api/admin/notifications/stream) looks for new ones. */
    NOTIFY_STREAM_POLL_MS: z.coerce.number().int().min(100).default(3_000),
    /** The reporter is reminded to rate after this fraction of the rating window (0: never). */
    RATING_REMINDER_FRACTION: z.coerce.number().min(0).max(0.99).default(0.5),
    /** Where `npm start` keeps its state; media default to its `media/` folder. */
    DATA_DIR: z.string().min(1).default('.data'),
    /** Media on the local disk (when S3_BUCKET is not set); default `<DATA_DIR>/media`. */
    MEDIA_DIR: z.string().min(1).optional(),
    /** Where uploads wait while they are checked (removed after each request); default the OS temp dir. */
    MEDIA_UPLOAD_DIR: z.string().min(1).optional(),
    MEDIA_MAX_PHOTO_MB: z.coerce.number().positive().max(100).default(10),
    MEDIA_MAX_VIDEO_MB: z.coerce.number().positive().max(2_000).default(100),
    /** Documents (PDF) are accepted only as officials' proof. */
    MEDIA_MAX_DOCUMENT_MB: z.coerce.number().positive().max(100).default(20),
    MEDIA_MAX_FILES: z.coerce.number().int().min(1).max(50).default(10),
    /** S3-compatible media storage, used when S3_BUCKET is set (MinIO, AWS S3, ...). */
    S3_BUCKET: z.string().min(1).optional(),
    S3_ENDPOINT: z.string().url().optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Path-style URLs (http://host/bucket/key); default on when S3_ENDPOINT is set (MinIO needs it). */
    S3_FORCE_PATH_STYLE: bool.optional(),
  })
  .transform((env) => ({
    ...env,
    MEDIA_DIR: path.resolve(env.MEDIA_DIR ?? path.join(env.DATA_DIR, 'media')),
    S3_FORCE_PATH_STYLE: env.S3_FORCE_PATH_STYLE ?? env.S3_ENDPOINT !== undefined,
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

/** TEMPORAL_PAYLOAD_KEYS's value as keys, for tools that read it outside loadConfig (tests, scripts). */
export function parsePayloadKeys(value: string): PayloadKey[] {
  const parsed = payloadKeys.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ConfigError(parsed.error.issues.map((issue) => `TEMPORAL_PAYLOAD_KEYS ${issue.message}`));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (parsed.success) {
    if (parsed.data.NODE_ENV === 'production' && parsed.data.DEMO_MODE) {
      throw new ConfigError(['DEMO_MODE cannot be on when NODE_ENV=production']);
    }
    if (parsed.data.NODE_ENV === 'production' && !parsed.data.TEMPORAL_PAYLOAD_KEYS) {
      throw new ConfigError([
        "TEMPORAL_PAYLOAD_KEYS is required when NODE_ENV=production (reporters' data in Temporal is encrypted), " +
          'e.g. k1:$(openssl rand -base64 32)',
      ]);
    }
    if (!parsed.data.WEB_PUSH_VAPID_PUBLIC_KEY !== !parsed.data.WEB_PUSH_VAPID_PRIVATE_KEY) {
      throw new ConfigError(['WEB_PUSH_VAPID_PUBLIC_KEY and WEB_PUSH_VAPID_PRIVATE_KEY go together (a pair)']);
    }
    if (parsed.data.ZALO_MODE === 'zns' && (!parsed.data.ZALO_ACCESS_TOKEN || !parsed.data.ZALO_TEMPLATE_ID)) {
      throw new ConfigError(['ZALO_MODE=zns needs ZALO_ACCESS_TOKEN and ZALO_TEMPLATE_ID']);
    }
    if (!parsed.data.S3_ACCESS_KEY_ID !== !parsed.data.S3_SECRET_ACCESS_KEY) {
      throw new ConfigError([
        'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together (or neither, for the SDK default chain)',
      ]);
    }
    return parsed.data;
  }
  throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
}
