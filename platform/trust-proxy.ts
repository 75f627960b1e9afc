/**
 * TRUST_PROXY: which proxies' X-Forwarded-For and X-Forwarded-Proto the API believes, in Express's
 * own terms (`app.set('trust proxy', …)`). Behind a load balancer the client's address is in
 * X-Forwarded-For; without trusting the balancer every citizen has its address, and the whole
 * province shares one rate limit. Trusting everyone ("true") would let any client write its own
 * address, so that value is refused: name the proxies or count them.
 */
import { isIP } from 'node:net';
import { z } from 'zod';

/** What Express accepts: false (use the connection's address), a hop count, or trusted addresses. */
export type TrustProxy = false | number | string[];

/** proxy-addr's names for address ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(item: string): boolean {
  if (RANGE_NAMES.has(item)) return true;
  const [address = '', prefix, ...rest] = item.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
  return bits >= 0 && bits <= (version === 4 ? 32 : 128);
}

const EXAMPLE = 'e.g. false, loopback, 1, or 10.0.0.0/8,192.168.1.5';

export const trustProxySetting = z
  .string()
  .default('loopback')
  .transform((value, context): TrustProxy => {
    const text = value.trim();
    if (text === 'false') return false;
    if (/^\d+$/.test(text)) return Number(text);
    if (text === 'true') {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message: `must not be true (any client could then choose its address): name the proxies or count them, ${EXAMPLE}`,
      });
      return z.NEVER;
    }
    const items = text.split(',').map((item) => item.trim());
    const bad = items.filter((item) => !isAddressOrRange(item));
    if (bad.length > 0) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message: `must be false, a hop count, or addresses, CIDR ranges, loopback, linklocal or uniquelocal (not ${bad.map((b) => JSON.stringify(b)).join(', ')}), ${EXAMPLE}`,
      });
      return z.NEVER;
    }
    return items;
  });
