import CampaignIcon from '@mui/icons-material/Campaign';
import { lazy } from 'react';

/** Posts a unit publishes to citizens (GET/POST/PUT/DELETE /api/admin/announcements, publish/unpublish). */
export default {
  list: lazy(() => import('./AnnouncementList').then((m) => ({ default: m.AnnouncementList }))),
  show: lazy(() => import('./AnnouncementShow').then((m) => ({ default: m.AnnouncementShow }))),
  edit: lazy(() => import('./AnnouncementEdit').then((m) => ({ default: m.AnnouncementEdit }))),
  create: lazy(() => import('./AnnouncementCreate').then((m) => ({ default: m.AnnouncementCreate }))),
  icon: CampaignIcon,
  recordRepresentation: 'titleVi',
};
