/** POST /users/:id/reset-password: a new temporary password, shown once. */
import LockResetIcon from '@mui/icons-material/LockReset';
import { useState } from 'react';
import { Button, useDataProvider, useNotify, useRecordContext } from 'react-admin';
import { OnceSecretDialog } from '../common/OnceSecretDialog';
import type { AppDataProvider } from '../providers/dataProvider';

export function ResetPasswordButton() {
  const record = useRecordContext();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [secret, setSecret] = useState<string | null>(null);
  // No access check of its own: it sits on the users' edit page, which react-admin shows only to
  // who may edit users (and the API checks again). Its own useCanAccess query for users/edit kept
  // that page on "loading" for good (the page waits while such a query is pending; mounting the
  // button started one, the wait unmounted the button, and the cancelled query stayed pending).
  if (!record) return null;
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
