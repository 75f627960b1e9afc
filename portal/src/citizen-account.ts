/**
 * The citizen's account on this device (docs/citizen-api.md, "Signing in"): whether someone is
 * signed in (the session cookie is httpOnly, so the API says), signing in and out, and claiming
 * the reports this device sent before signing in, so "my reports" follows the citizen.
 */
import { useEffect, useState } from 'react';
import { api, ApiError, apiHeaders } from './api';
import { listReports } from './outbox';

export interface AccountReport {
  trackingCode: string;
  status: string;
  statusLabel: string;
  description: string;
  createdAt: string;
}

type Account = { state: 'unknown' } | { state: 'signed-out' } | { state: 'signed-in'; phone: string };

let current: Account = { state: 'unknown' };
const listeners = new Set<(account: Account) => void>();
function set(account: Account): void {
  current = account;
  for (const listener of listeners) listener(account);
}

/** Asks the API who is signed in (once per page load, and after signing in or out). */
async function refresh(): Promise<void> {
  try {
    const me = await api<{ citizen: { phone: string } }>('/citizen/session');
    set({ state: 'signed-in', phone: me.citizen.phone });
  } catch (error) {
    // Offline, the last answer stands; a 401 means nobody is signed in.
    if (error instanceof ApiError && error.status === 401) set({ state: 'signed-out' });
  }
}

export function useAccount(): Account {
  const [account, setAccount] = useState(current);
  useEffect(() => {
    listeners.add(setAccount);
    if (current.state === 'unknown') void refresh();
    return () => void listeners.delete(setAccount);
  }, []);
  return account;
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'Content-Type': 'application/json' },
});

export function sendSignInCode(phone: string) {
  return api<{ phone: string; expiresAt: string; resendAfterSeconds: number }>('/citizen/otp', json({ phone }));
}

export async function signIn(phone: string, code: string): Promise<string> {
  const signedIn = await api<{ citizen: { phone: string } }>('/citizen/session', json({ phone, code }));
  set({ state: 'signed-in', phone: signedIn.citizen.phone });
  return signedIn.citizen.phone;
}

export async function signOut(): Promise<void> {
  await fetch('/api/v1/citizen/session', { method: 'DELETE', headers: apiHeaders() });
  set({ state: 'signed-out' });
}

/**
 * Adds the reports this device sent (their tokens prove them) to the account. Idempotent: the
 * ones already the account's change nothing; a report another account holds is left out and named.
 */
export async function claimDeviceReports(): Promise<{ claimed: number; conflicts: string[] }> {
  let claimed = 0;
  const conflicts: string[] = [];
  for (const report of await listReports()) {
    try {
      const answer = await api<{ claimed: boolean }>(
        '/citizen/claims',
        json({ trackingCode: report.trackingCode, citizenToken: report.citizenToken }),
      );
      if (answer.claimed) claimed += 1;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) conflicts.push(report.trackingCode);
      else if (!(error instanceof ApiError && (error.status === 403 || error.status === 404))) throw error;
    }
  }
  return { claimed, conflicts };
}

export function accountReports() {
  return api<{ items: AccountReport[]; total: number }>('/citizen/reports?pageSize=100');
}
