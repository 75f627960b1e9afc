import RoutingIcon from '@mui/icons-material/AltRoute';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./RoutingRuleList').then((m) => ({ default: m.RoutingRuleList }))),
  edit: lazy(() => import('./RoutingRuleEdit').then((m) => ({ default: m.RoutingRuleEdit }))),
  create: lazy(() => import('./RoutingRuleCreate').then((m) => ({ default: m.RoutingRuleCreate }))),
  icon: RoutingIcon,
  recordRepresentation: 'name',
};
