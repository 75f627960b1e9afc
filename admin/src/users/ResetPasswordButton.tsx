/** POST /users/:id/reset-password: a new temporary password, shown once. */
import LockResetIcon from '@mui/icons-material/LockReset';
import { useState } from 'react';
import { Button, useCanAccess, useDataProvider, useNotify, useRecordContext } from 'react-admin';
import { OnceSecretDialog } from '../common/OnceSecretDialog';
import type { AppDataProvider } from '../providers/dataProvider';

export function ResetPasswordButton() {
  const record = useRecordContext();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'edit' });
  const [secret, setSecret] = useState<string | null>(null);
  if (!record || !canAccess) return null;
  return (
    <>
      <Button
        label="resources.users.action.reset_password"
        onClick={async () => {
          try {
            const { temporaryPassword } = await dataProvider.resetPassword(String(record.id));
            notify('resources.users.notification.password_reset', { type: 'info' });
            setSecret(temporaryPassword);
          } catch (error) {
            notify((error as Error).message, { type: 'error' });
          }
        }}
      >
        <LockResetIcon />
      </Button>
      <OnceSecretDialog
        title="resources.users.notification.temporary_password"
        secret={secret}
        onClose={() => setSecret(null)}
      />
    </>
  );
}
