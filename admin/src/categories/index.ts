import CategoryIcon from '@mui/icons-material/Category';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./CategoryList').then((m) => ({ default: m.CategoryList }))),
  edit: lazy(() => import('./CategoryEdit').then((m) => ({ default: m.CategoryEdit }))),
  create: lazy(() => import('./CategoryCreate').then((m) => ({ default: m.CategoryCreate }))),
  icon: CategoryIcon,
  recordRepresentation: 'nameVi',
};
