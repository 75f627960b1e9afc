import { usePermissions } from 'react-admin';
import type { Permissions } from '../providers/authProvider';

/** The signed-in official (profile, roles, units, ability); undefined while loading. */
export function useMe(): Permissions | undefined {
  const { permissions } = usePermissions<Permissions>();
  return permissions;
}
