import KeyIcon from '@mui/icons-material/VpnKey';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./ApiKeyList').then((m) => ({ default: m.ApiKeyList }))),
  edit: lazy(() => import('./ApiKeyEdit').then((m) => ({ default: m.ApiKeyEdit }))),
  create: lazy(() => import('./ApiKeyCreate').then((m) => ({ default: m.ApiKeyCreate }))),
  icon: KeyIcon,
  recordRepresentation: 'name',
};
