import SlaIcon from '@mui/icons-material/Timer';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./SlaPolicyList').then((m) => ({ default: m.SlaPolicyList }))),
  edit: lazy(() => import('./SlaPolicyEdit').then((m) => ({ default: m.SlaPolicyEdit }))),
  create: lazy(() => import('./SlaPolicyCreate').then((m) => ({ default: m.SlaPolicyCreate }))),
  icon: SlaIcon,
};
