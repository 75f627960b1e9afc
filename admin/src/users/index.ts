import UserIcon from '@mui/icons-material/People';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./UserList').then((m) => ({ default: m.UserList }))),
  edit: lazy(() => import('./UserEdit').then((m) => ({ default: m.UserEdit }))),
  create: lazy(() => import('./UserCreate').then((m) => ({ default: m.UserCreate }))),
  icon: UserIcon,
  recordRepresentation: 'name',
};
