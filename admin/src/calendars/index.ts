import CalendarIcon from '@mui/icons-material/CalendarMonth';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./CalendarList').then((m) => ({ default: m.CalendarList }))),
  edit: lazy(() => import('./CalendarEdit').then((m) => ({ default: m.CalendarEdit }))),
  create: lazy(() => import('./CalendarCreate').then((m) => ({ default: m.CalendarCreate }))),
  icon: CalendarIcon,
  recordRepresentation: 'year',
};
