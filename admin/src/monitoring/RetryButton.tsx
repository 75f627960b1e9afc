/** Send a failed outbox row once more (POST /api/admin/notifications/:id/retry): administrators only. */
import ReplayIcon from '@mui/icons-material/Replay';
import { useState } from 'react';
import { Button, useCanAccess, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { ADMIN_API } from '../providers/dataProvider';
import { postJson } from '../providers/httpClient';

export function RetryButton() {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'notifications', action: 'retry' });
  if (!record || record.state !== 'failed' || !canAccess) return null;
  return (
    <Button
      label="notif.retry"
      disabled={busy}
      data-testid="notification-retry"
      onClick={async (event) => {
        event.stopPropagation();
        setBusy(true);
        try {
          await postJson(`${ADMIN_API}/notifications/${encodeURIComponent(String(record.id))}/retry`);
          notify('notif.retried', { type: 'success' });
          refresh();
        } catch (error) {
          notify((error as Error).message, { type: 'error' });
        } finally {
          setBusy(false);
        }
      }}
    >
      <ReplayIcon />
    </Button>
  );
}
