/**
 * Officials sign in with the API's session cookie (/api/auth). The profile of /api/auth/me —
 * roles, units and the packed CASL rules — is fetched once per session and feeds `canAccess`,
 * so menus and pages follow the same rules as the API.
 */
import type { AuthProvider } from 'react-admin';
import { abilityAction, buildAbility, RESOURCE_SUBJECTS, type AppAbility } from './ability';
import { errorCode, httpClient, postJson } from './httpClient';

export interface MeUnit {
  id: string;
  code: string;
  name: string;
  kind: 'ioc' | 'department' | 'commune' | 'other';
  roles: string[];
}

export interface Me {
  id: string;
  username: string;
  name: string;
  email: string | null;
  mustChangePassword: boolean;
  roles: string[];
  units: MeUnit[];
  rules: any[];
}

export interface Permissions extends Me {
  ability: AppAbility;
}

let current: Promise<Permissions> | undefined;

/** The signed-in official, fetched once; rejected (and forgotten) when the session is gone. */
export function fetchMe(): Promise<Permissions> {
  current ??= httpClient<Me>('/api/auth/me').then(
    ({ json }) => ({ ...json, ability: buildAbility(json.rules) }),
    (error) => {
      current = undefined;
      throw error;
    },
  );
  return current;
}

export function forgetMe(): void {
  current = undefined;
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    forgetMe();
    await postJson('/api/auth/login', { username, password });
    const me = await fetchMe();
    return me.mustChangePassword ? { redirectTo: '/change-password' } : undefined;
  },
  async logout() {
    const hadSession = current !== undefined;
    forgetMe();
    if (hadSession) await postJson('/api/auth/logout').catch(() => undefined);
  },
  async checkAuth() {
    await fetchMe();
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      forgetMe();
      throw error;
    }
    if (error?.status === 403 && errorCode(error) === 'PASSWORD_CHANGE_REQUIRED') {
      throw { redirectTo: '/change-password', logoutUser: false, message: false };
    }
  },
  async getIdentity() {
    const me = await fetchMe();
    return { id: me.id, fullName: me.name, username: me.username };
  },
  async getPermissions() {
    return fetchMe();
  },
  async canAccess({ resource, action }) {
    const me = await fetchMe().catch(() => undefined);
    const subject = RESOURCE_SUBJECTS[resource];
    if (!me || !subject) return false;
    // Resource level only (a rule exists for the action): whether this very record is allowed
    // is the API's answer (403/404), which the UI shows as such.
    return me.ability.can(abilityAction(action), subject);
  },
};

/** POST /api/auth/password; the session stays valid, the profile is refreshed. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await postJson('/api/auth/password', { currentPassword, newPassword });
  forgetMe();
}
