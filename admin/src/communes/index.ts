import PlaceIcon from '@mui/icons-material/Place';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./CommuneList').then((m) => ({ default: m.CommuneList }))),
  edit: lazy(() => import('./CommuneEdit').then((m) => ({ default: m.CommuneEdit }))),
  icon: PlaceIcon,
  recordRepresentation: 'name',
};
