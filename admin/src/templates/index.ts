import TemplateIcon from '@mui/icons-material/Article';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./TemplateList').then((m) => ({ default: m.TemplateList }))),
  edit: lazy(() => import('./TemplateEdit').then((m) => ({ default: m.TemplateEdit }))),
  create: lazy(() => import('./TemplateCreate').then((m) => ({ default: m.TemplateCreate }))),
  icon: TemplateIcon,
  recordRepresentation: 'code',
};
