import UnitIcon from '@mui/icons-material/AccountTree';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./UnitList').then((m) => ({ default: m.UnitList }))),
  edit: lazy(() => import('./UnitEdit').then((m) => ({ default: m.UnitEdit }))),
  create: lazy(() => import('./UnitCreate').then((m) => ({ default: m.UnitCreate }))),
  icon: UnitIcon,
  recordRepresentation: 'name',
};
