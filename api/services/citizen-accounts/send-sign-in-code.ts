/**
 * POST /api/v1/citizen/otp: a one-time code to a Vietnamese mobile number. The code's row and
 * its SMS (the outbox's `Notification`, sent by the workers' dispatcher, retried until the
 * gateway takes it) are written in one transaction, so a code is never lost between them; the
 * SMS text is sealed (notifications/sealed-text.ts) and the code itself kept only as an HMAC.
 * One code a minute and five an hour per phone, counted in the database under a per-phone
 * advisory lock (every API process agrees; parallel requests cannot slip through); per client
 * address by the route's limiter. DEMO_MODE writes the code to the log as well.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { maskedPhone } from '../../../domain/phone-number';
import { sealText } from '../../../notifications/sealed-text';
import { renderTemplate, templateFor } from '../../../notifications/templates';
import { AppError } from '../../../platform/app-error';
import type { Db } from '../../../platform/db';
import type { Logger } from '../../../platform/logger';
import { e164Phone, phoneField } from './phone-input';
import { CODE_TTL_MS, hashSignInCode, newSignInCode, type SignInCodeLimits } from './sign-in-codes';

const HOUR_MS = 3_600_000;

export const signInCodeRequestSchema = z
  .object({ phone: phoneField, language: z.enum(['vi', 'en']).default('vi') })
  .strict();

export interface SignInCodeSent {
  phone: string;
  expiresAt: string;
  /** When the next code may be asked for this phone. */
  resendAfterSeconds: number;
}

export async function sendSignInCode(
  deps: { db: Db; secret: string; logger: Logger; demoMode: boolean; limits: SignInCodeLimits },
  input: z.infer<typeof signInCodeRequestSchema> & { ip: string | null; now: Date },
): Promise<SignInCodeSent> {
  const phone = e164Phone(input.phone);
  const { now, ip } = input;
  const code = newSignInCode();
  const template = await templateFor(deps.db, 'citizen_sign_in_code', input.language);
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);

  await deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`citizen-otp:${phone}`}, 0))`;
    const recent = await tx.citizenOtp.findMany({
      where: { phone, createdAt: { gt: new Date(now.getTime() - HOUR_MS) } },
      select: { createdAt: true },
      orderBy: { createdAt: 'desc' },
    });
    const waitMs = Math.max(
      recent[0] ? recent[0].createdAt.getTime() + deps.limits.minIntervalMs - now.getTime() : 0,
      recent.length >= deps.limits.perPhonePerHour
        ? recent[deps.limits.perPhonePerHour - 1]!.createdAt.getTime() + HOUR_MS - now.getTime()
        : 0,
    );
    if (waitMs > 0) throw new AppError('OTP_TOO_SOON', { retryAfterSeconds: Math.ceil(waitMs / 1000) });

    const id = randomUUID();
    await tx.citizenOtp.create({
      data: { id, phone, codeHash: hashSignInCode(deps.secret, id, phone, code), expiresAt, ip, createdAt: now },
    });
    const text = renderTemplate(template, { code, minutes: String(CODE_TTL_MS / 60_000) });
    await tx.notification.create({
      data: {
        dedupeKey: `citizen-otp:${id}:sms`,
        event: 'citizen_sign_in_code',
        channel: 'sms',
        recipient: phone,
        recipientKind: 'citizen',
        locale: input.language,
        subject: null,
        body: sealText(deps.secret, text.shortBody),
      },
    });
  });

  if (deps.demoMode) deps.logger.info({ phone: maskedPhone(phone), code }, 'demo mode: citizen sign-in code');
  return {
    phone,
    expiresAt: expiresAt.toISOString(),
    resendAfterSeconds: Math.ceil(deps.limits.minIntervalMs / 1000),
  };
}
