/** The figures leaders are judged on, at a glance; each opens the cases behind it. */
import { Card, CardActionArea, CardContent, Grid, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { caseListLink, overdueLink, percent, type Figures, type StatisticsFilters } from './statistics';

function Tile({
  label,
  value,
  detail,
  to,
  testId,
  alert,
}: {
  label: string;
  value: string;
  detail?: string;
  to?: string;
  testId: string;
  alert?: boolean;
}) {
  const content = (
    <CardContent>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h4" color={alert ? 'error' : undefined} data-testid={`${testId}-value`}>
        {value}
      </Typography>
      {detail && (
        <Typography variant="caption" color="text.secondary">
          {detail}
        </Typography>
      )}
    </CardContent>
  );
  return (
    <Grid size={{ xs: 6, md: 4, lg: 2 }}>
      <Card data-testid={testId} sx={{ height: '100%' }}>
        {to ? (
          <CardActionArea component={RouterLink} to={to} sx={{ height: '100%' }}>
            {content}
          </CardActionArea>
        ) : (
          content
        )}
      </Card>
    </Grid>
  );
}

export function KpiTiles({ figures, filters }: { figures: Figures; filters: StatisticsFilters }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const number = (n: number) => n.toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN');
  const overdue = figures.overdueNow?.total ?? 0;
  return (
    <Grid container spacing={2}>
      <Tile
        testId="kpi-received"
        label={translate('statistics.kpi.received')}
        value={number(figures.received)}
        to={caseListLink(filters)}
      />
      <Tile
        testId="kpi-in-progress"
        label={translate('statistics.kpi.in_progress')}
        value={number(figures.inProgress)}
      />
      <Tile
        testId="kpi-processed"
        label={translate('statistics.kpi.processed')}
        value={number(figures.processed)}
        to={caseListLink(filters, { status: ['responded', 'closed'] })}
      />
      <Tile
        testId="kpi-on-time"
        label={translate('statistics.kpi.on_time')}
        value={percent(figures.onTimeShare, locale)}
        detail={translate('statistics.kpi.on_time_detail', { onTime: figures.onTime, late: figures.late })}
      />
      <Tile
        testId="kpi-satisfied"
        label={translate('statistics.kpi.satisfied')}
        value={percent(figures.satisfiedShare, locale)}
        detail={translate('statistics.kpi.satisfied_detail', {
          rated: figures.rated,
          mean:
            figures.meanRating === null ? '—' : figures.meanRating.toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN'),
        })}
      />
      <Tile
        testId="kpi-overdue"
        label={translate('statistics.kpi.overdue_now')}
        value={number(overdue)}
        alert={overdue > 0}
        detail={(figures.overdueNow?.byLevel ?? [])
          .map((l) => translate(`statistics.level.${Math.min(l.level, 2)}`, { count: l.count }))
          .join(' · ')}
        to={overdueLink(filters)}
      />
    </Grid>
  );
}
