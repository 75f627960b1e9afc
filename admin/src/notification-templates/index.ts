import MarkEmailReadIcon from '@mui/icons-material/MarkEmailRead';
import { lazy } from 'react';

/** The wording of the notifications (no create: the events are the platform's). */
export default {
  list: lazy(() => import('./NotificationTemplateList').then((m) => ({ default: m.NotificationTemplateList }))),
  edit: lazy(() => import('./NotificationTemplateEdit').then((m) => ({ default: m.NotificationTemplateEdit }))),
  icon: MarkEmailReadIcon,
  recordRepresentation: 'id',
};
