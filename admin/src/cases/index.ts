import CaseIcon from '@mui/icons-material/ReportProblem';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./CaseList').then((m) => ({ default: m.CaseList }))),
  show: lazy(() => import('./CaseShow').then((m) => ({ default: m.CaseShow }))),
  icon: CaseIcon,
  recordRepresentation: 'trackingCode',
};
