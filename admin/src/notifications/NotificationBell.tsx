/**
 * The bell of the app bar: the signed-in official's unread in-app notifications, pushed live by
 * GET /api/admin/notifications/stream (server-sent events, the session cookie of /api):
 * `unread` {count} sets the badge, `notification` {id, event, caseId, subject, body, createdAt,
 * readAt} joins the menu's list, `end` (the session is over) closes it for good. A broken stream
 * is opened again with a growing delay (1 s, 2 s, 4 s … 1 min); unmounting (signing out) closes it.
 */
import NotificationsIcon from '@mui/icons-material/Notifications';
import {
  Badge,
  Box,
  Button,
  Divider,
  IconButton,
  ListItemText,
  Menu,
  MenuItem,
  Tooltip,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../common/useMe';
import { ADMIN_API } from '../providers/dataProvider';
import { httpClient, postJson } from '../providers/httpClient';
import { useHaTinhTime } from '../common/useHaTinhTime';

export interface BellNotification {
  id: string;
  event: string;
  caseId: string | null;
  subject: string | null;
  body: string;
  createdAt: string;
  readAt: string | null;
}

const STREAM_URL = `${ADMIN_API}/notifications/stream`;
const MAX_BACKOFF_MS = 60_000;
const LATEST = 10;

/** The stream, kept open while `enabled`; calls back on each event. */
function useNotificationStream(
  enabled: boolean,
  onUnread: (count: number) => void,
  onNotification: (n: BellNotification) => void,
) {
  const handlers = useRef({ onUnread, onNotification });
  handlers.current = { onUnread, onNotification };
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return undefined;
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let backoff = 1_000;
    let stopped = false;
    const stop = () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      source?.close();
    };
    const connect = () => {
      if (stopped) return;
      const es = new EventSource(STREAM_URL, { withCredentials: true });
      source = es;
      es.onopen = () => {
        backoff = 1_000;
      };
      es.addEventListener('unread', (e) => {
        const { count } = JSON.parse((e as MessageEvent<string>).data) as { count: number };
        handlers.current.onUnread(count);
      });
      es.addEventListener('notification', (e) => {
        handlers.current.onNotification(JSON.parse((e as MessageEvent<string>).data) as BellNotification);
      });
      es.addEventListener('end', () => stop());
      es.onerror = () => {
        // Reconnect ourselves: EventSource gives up on a non-200 answer and retries blindly otherwise.
        es.close();
        if (stopped) return;
        timer = setTimeout(connect, backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      };
    };
    connect();
    return stop;
  }, [enabled]);
}

export function NotificationBell() {
  const time = useHaTinhTime();
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const dataProvider = useDataProvider();
  const me = useMe();
  const [count, setCount] = useState<number | undefined>(undefined);
  const [items, setItems] = useState<BellNotification[]>([]);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);

  const load = useCallback(async () => {
    try {
      const { data } = await dataProvider.getList<BellNotification>('notifications', {
        filter: { mine: true },
        sort: { field: 'createdAt', order: 'DESC' },
        pagination: { page: 1, perPage: LATEST },
      });
      setItems(data);
    } catch {
      // The badge still works from the stream; the list is shown when it loads.
    }
  }, [dataProvider]);

  useNotificationStream(
    Boolean(me?.id) && !me?.mustChangePassword,
    setCount,
    useCallback(
      (n: BellNotification) => setItems((list) => [n, ...list.filter((x) => x.id !== n.id)].slice(0, LATEST)),
      [],
    ),
  );

  useEffect(() => {
    if (me?.id && !me.mustChangePassword) void load();
  }, [me?.id, me?.mustChangePassword, load]);

  if (!me || me.mustChangePassword) return null;

  const open = (event: React.MouseEvent<HTMLElement>) => {
    setAnchor(event.currentTarget);
    void load();
  };

  const markAllRead = async () => {
    try {
      await postJson(`${ADMIN_API}/notifications/read-all`);
      const now = new Date().toISOString();
      setItems((list) => list.map((n) => ({ ...n, readAt: n.readAt ?? now })));
      setCount(0);
      notify('notif.marked_all_read', { type: 'info' });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  const openItem = async (n: BellNotification) => {
    setAnchor(null);
    if (!n.readAt) {
      await httpClient(`${ADMIN_API}/notifications/${encodeURIComponent(n.id)}/read`, { method: 'POST' }).catch(
        () => undefined,
      );
      setItems((list) => list.map((x) => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x)));
    }
    if (n.caseId) void navigate(`/cases/${n.caseId}/show`);
  };

  const label = translate('notif.bell');
  return (
    <>
      <Tooltip title={label}>
        <IconButton
          color="inherit"
          onClick={open}
          aria-label={label}
          data-testid="notification-bell"
          data-count={count ?? ''}
        >
          <Badge color="error" badgeContent={count ?? 0} max={99} data-testid="notification-bell-badge">
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Menu
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        slotProps={{ paper: { sx: { width: 380, maxHeight: 480 } } }}
      >
        <Box sx={{ px: 2, py: 1, display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography variant="subtitle2">{translate('notif.unread', { smart_count: count ?? 0 })}</Typography>
          <Button size="small" onClick={markAllRead} disabled={!count} data-testid="notifications-read-all">
            {translate('notif.mark_all_read')}
          </Button>
        </Box>
        <Divider />
        {items.length === 0 && (
          <MenuItem disabled>
            <ListItemText primary={translate('notif.empty')} />
          </MenuItem>
        )}
        {items.map((n) => (
          <MenuItem
            key={n.id}
            onClick={() => void openItem(n)}
            data-testid="notification-item"
            sx={{ whiteSpace: 'normal', alignItems: 'flex-start', fontWeight: n.readAt ? 'normal' : 'bold' }}
          >
            <ListItemText
              primary={n.subject ?? n.event}
              secondary={`${time.dateTime(n.createdAt)}${n.caseId ? ` · ${translate('notif.open_case')}` : ''}`}
              slotProps={{ primary: { sx: { fontWeight: n.readAt ? 400 : 600 } } }}
            />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
