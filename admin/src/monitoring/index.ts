import HistoryIcon from '@mui/icons-material/History';
import NotificationsIcon from '@mui/icons-material/Notifications';
import { lazy } from 'react';

export const notifications = {
  list: lazy(() => import('./NotificationList').then((m) => ({ default: m.NotificationList }))),
  icon: NotificationsIcon,
};

export const auditLog = {
  list: lazy(() => import('./AuditLogList').then((m) => ({ default: m.AuditLogList }))),
  icon: HistoryIcon,
};
