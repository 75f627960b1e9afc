/**
 * POST /api/v1/citizen/session: phone + code → a session. Every try is counted before the code
 * is compared (atomically, so a burst of parallel guesses gets no more than MAX_WRONG_ATTEMPTS
 * between them); only the phone's latest code counts, once. The account is the phone's
 * (`Citizen`), created at its first sign-in.
 */
import { z } from 'zod';
import { AppError } from '../../../platform/app-error';
import type { Db } from '../../../platform/db';
import { recordAudit } from '../record-audit';
import { citizenSessionExpiry, hashCitizenSessionToken, newCitizenSessionToken } from './citizen-sessions';
import { e164Phone, phoneField } from './phone-input';
import { CODE_DIGITS, isSignInCode, MAX_WRONG_ATTEMPTS } from './sign-in-codes';

export const signInSchema = z
  .object({
    phone: phoneField,
    code: z
      .string()
      .trim()
      .regex(new RegExp(`^[0-9]{${CODE_DIGITS}}$`)),
  })
  .strict();

export interface CitizenSignedIn {
  token: string;
  citizenId: string;
  phone: string;
  expiresAt: Date;
}

export async function signInCitizen(
  deps: { db: Db; secret: string },
  input: z.infer<typeof signInSchema> & {
    ip: string | null;
    userAgent: string | null;
    requestId: string | null;
    now: Date;
  },
): Promise<CitizenSignedIn> {
  const { db, secret } = deps;
  const { now } = input;
  const phone = e164Phone(input.phone);
  const latest = await db.citizenOtp.findFirst({ where: { phone }, orderBy: { createdAt: 'desc' } });
  if (!latest || latest.consumedAt || latest.expiresAt <= now || latest.attempts >= MAX_WRONG_ATTEMPTS)
    throw new AppError('OTP_EXPIRED');
  const [counted] = await db.$queryRaw<{ attempts: number }[]>`
    UPDATE "CitizenOtp" SET attempts = attempts + 1
     WHERE id = ${latest.id}::uuid AND attempts < ${MAX_WRONG_ATTEMPTS} AND "consumedAt" IS NULL
    RETURNING attempts`;
  if (!counted) throw new AppError('OTP_EXPIRED');
  if (!isSignInCode(secret, latest, input.code)) {
    await recordAudit(db, {
      actorKind: 'citizen',
      action: 'citizen_sign_in_failed',
      subjectType: 'CitizenOtp',
      subjectId: latest.id,
      ip: input.ip,
      requestId: input.requestId,
      details: { attempts: counted.attempts },
    });
    throw new AppError('OTP_INVALID', { attemptsLeft: MAX_WRONG_ATTEMPTS - counted.attempts });
  }
  const consumed = await db.citizenOtp.updateMany({
    where: { id: latest.id, consumedAt: null },
    data: { consumedAt: now },
  });
  if (consumed.count === 0) throw new AppError('OTP_EXPIRED'); // a parallel request used it first

  const citizen = await db.citizen
    .upsert({ where: { phone }, create: { phone, verified: true }, update: { verified: true } })
    .catch(async (error: unknown) => {
      // The first sign-in of this phone on two devices at once: the other created the account.
      if ((error as { code?: string }).code !== 'P2002') throw error;
      return db.citizen.findUniqueOrThrow({ where: { phone } });
    });
  const token = newCitizenSessionToken();
  const expiresAt = citizenSessionExpiry(now);
  await db.citizenSession.create({
    data: {
      tokenHash: hashCitizenSessionToken(secret, token),
      citizenId: citizen.id,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    },
  });
  await recordAudit(db, {
    actorKind: 'citizen',
    actorId: citizen.id,
    action: 'citizen_sign_in',
    subjectType: 'Citizen',
    subjectId: citizen.id,
    ip: input.ip,
    requestId: input.requestId,
  });
  return { token, citizenId: citizen.id, phone, expiresAt };
}
