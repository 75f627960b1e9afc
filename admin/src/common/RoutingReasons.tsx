/** Why the routing rules chose a unit: domain/routing.ts reasons, translated. */
import { List, ListItem, ListItemText } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { RoutingCandidate } from '../providers/dataProvider';

export function RoutingReasons({ candidate }: { candidate: RoutingCandidate }) {
  const translate = useTranslate();
  return (
    <List dense disablePadding>
      {candidate.reasons.map((r, i) => (
        <ListItem key={i} disablePadding>
          <ListItemText secondary={`• ${translate(`domain.routing_reason.${r.code}`, { _: r.code, ...r.params })}`} />
        </ListItem>
      ))}
      {candidate.priority !== undefined && (
        <ListItem disablePadding>
          <ListItemText
            secondary={`• ${translate('domain.routing_reason.priority', { priority: candidate.priority })}`}
          />
        </ListItem>
      )}
    </List>
  );
}
