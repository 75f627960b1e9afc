/**
 * The supervisors' and leaders' dashboard (their home page): the figures of docs/statistics.md for
 * a period, unit, commune, category and channel: tiles, trend, ratings, overdue by unit, and the
 * units' and categories' ranking, each figure opening the case list behind it, each table
 * exportable. A leader sees their own unit(s): the API narrows every figure (CASL).
 * Loaded lazily (recharts is large), so the inbox of other officials does not pay for it.
 */
import { useState } from 'react';
import { Alert, Box, Grid, LinearProgress, Stack, Typography } from '@mui/material';
import { Title, useLocaleState, useStore, useTranslate } from 'react-admin';
import { useMe } from '../common/useMe';
import { OverdueByUnitChart, RatingsChart, TrendChart } from './Charts';
import { KpiTiles } from './KpiTiles';
import { MonthlyReports } from './MonthlyReports';
import { RankingTable } from './RankingTable';
import { defaultFilters, type Figures, type Row, type StatisticsFilters } from './statistics';
import { StatisticsFiltersBar } from './StatisticsFiltersBar';
import { useStatistics } from './useStatistics';

const IOC_ROLES = ['operator', 'supervisor', 'admin'];

export function StatisticsDashboard() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const me = useMe();
  const [filters, setFilters] = useStore<StatisticsFilters>('statistics.filters', defaultFilters());
  const [interval, setInterval] = useState<'week' | 'month'>('month');
  const summary = useStatistics<Figures>('summary', filters);
  const byUnit = useStatistics<{ rows: Row[] }>('by-unit', filters);
  const byCategory = useStatistics<{ rows: Row[] }>('by-category', filters);
  const trend = useStatistics<{ rows: Row[] }>('trend', filters, { interval });
  // A leader without an IOC role: only their units are offered (and the only ones answered).
  const leaderUnits =
    me && !me.roles.some((r) => IOC_ROLES.includes(r)) ? me.units.filter((u) => u.roles.includes('leader')) : undefined;
  const unitName = (row: Row) =>
    (locale === 'en' ? (row.nameEn ?? row.name) : row.name) ?? translate('statistics.no_unit');
  const error = [summary, byUnit, byCategory, trend].find((q) => q.error)?.error as Error | undefined;
  return (
    <Box data-testid="statistics-dashboard" sx={{ mt: 1 }}>
      <Title title="statistics.title" />
      <Stack spacing={2}>
        <Typography variant="h5">{translate('statistics.title')}</Typography>
        {leaderUnits && (
          <Typography color="text.secondary" data-testid="statistics-scope">
            {translate('statistics.scope', { units: leaderUnits.map((u) => u.name).join(', ') })}
          </Typography>
        )}
        <StatisticsFiltersBar filters={filters} onChange={setFilters} unitIds={leaderUnits?.map((u) => u.id)} />
        {error && <Alert severity="error">{translate('app.load_failed', { detail: error.message })}</Alert>}
        {!summary.data && !error && <LinearProgress />}
        {summary.data && <KpiTiles figures={summary.data} filters={filters} />}
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, lg: 8 }}>
            {trend.data && <TrendChart rows={trend.data.rows} interval={interval} onInterval={setInterval} />}
          </Grid>
          <Grid size={{ xs: 12, lg: 4 }}>{summary.data && <RatingsChart ratings={summary.data.ratings} />}</Grid>
        </Grid>
        {byUnit.data && <OverdueByUnitChart rows={byUnit.data.rows} filters={filters} name={unitName} />}
        {byUnit.data && (
          <RankingTable
            title={translate('statistics.by_unit')}
            rows={byUnit.data.rows}
            filters={filters}
            grouping="unit"
            testId="unit-ranking"
          />
        )}
        {byCategory.data && (
          <RankingTable
            title={translate('statistics.by_category')}
            rows={byCategory.data.rows}
            filters={filters}
            grouping="category"
            testId="category-ranking"
          />
        )}
        <MonthlyReports unitIds={leaderUnits?.map((u) => u.id)} />
      </Stack>
    </Box>
  );
}
