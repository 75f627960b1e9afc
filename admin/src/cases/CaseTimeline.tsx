/** The case's timeline, public and internal entries together, with a filter by visibility. */
import { Box, Chip, List, ListItem, ListItemText, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import { LinearProgress, useRecordContext, useTranslate } from 'react-admin';
import { Degraded } from '../common/Degraded';
import { useCaseTimeline } from './useCaseHelpers';
import { useHaTinhTime } from '../common/useHaTinhTime';

type Filter = 'all' | 'public' | 'internal';

export function CaseTimeline({ caseId }: { caseId: string }) {
  const translate = useTranslate();
  const time = useHaTinhTime();
  const [filter, setFilter] = useState<Filter>('all');
  const channel = String(useRecordContext()?.channel ?? '');
  const { data, error, isPending } = useCaseTimeline(caseId);
  if (isPending) return <LinearProgress />;
  if (error) return <Degraded error={error} />;
  const entries = (data ?? [])
    .filter(
      (e) => filter === 'all' || (filter === 'public' ? e.visibility !== 'internal' : e.visibility === 'internal'),
    )
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <Box data-testid="case-timeline">
      <ToggleButtonGroup size="small" exclusive value={filter} onChange={(_, v: Filter | null) => v && setFilter(v)}>
        {(['all', 'public', 'internal'] as const).map((f) => (
          <ToggleButton key={f} value={f}>
            {translate(`resources.cases.timeline.filter_${f}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {entries.length === 0 ? (
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          {translate('resources.cases.timeline.empty')}
        </Typography>
      ) : (
        <List dense>
          {entries.map((e) => (
            <ListItem
              key={e.id}
              alignItems="flex-start"
              divider
              data-testid="timeline-entry"
              data-kind={e.kind}
              data-visibility={e.visibility}
            >
              <ListItemText
                primary={
                  <>
                    {translate(`domain.timeline.${e.kind}`, { _: e.kind })}{' '}
                    <Chip
                      size="small"
                      variant="outlined"
                      color={e.visibility === 'internal' ? 'warning' : 'default'}
                      label={translate(`domain.visibility.${e.visibility}`)}
                    />
                  </>
                }
                secondary={
                  <>
                    {time.dateTime(e.at)}
                    {e.kind === 'received' && e.actorName
                      ? ` · ${translate('resources.intake.recorded_by', {
                          name: e.actorName,
                          channel: translate(`resources.intake.channels.${channel}`, { _: channel }),
                        })}`
                      : e.actorName
                        ? ` · ${e.actorName}`
                        : ''}
                    {e.note && (
                      <Typography component="span" variant="body2" sx={{ display: 'block', whiteSpace: 'pre-wrap' }}>
                        {e.note}
                      </Typography>
                    )}
                  </>
                }
              />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
