/**
 * The dashboard's charts (recharts): received and processed by week or month, the ratings given,
 * and overdue cases by unit and escalation level.
 */
import { Card, CardContent, CardHeader, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  ComposedChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { overdueLink, type Row, type StatisticsFilters } from './statistics';

const COLORS = {
  received: '#1565c0',
  processed: '#2e7d32',
  late: '#c62828',
  level0: '#f9a825',
  level1: '#ef6c00',
  level2: '#b71c1c',
};

export function TrendChart({
  rows,
  interval,
  onInterval,
}: {
  rows: Row[];
  interval: 'week' | 'month';
  onInterval: (interval: 'week' | 'month') => void;
}) {
  const translate = useTranslate();
  const data = rows.map((r) => ({ key: r.key, received: r.received, processed: r.processed, late: r.late }));
  return (
    <Card data-testid="trend-chart">
      <CardHeader
        title={translate('statistics.trend.title')}
        titleTypographyProps={{ variant: 'h6' }}
        action={
          <ToggleButtonGroup size="small" exclusive value={interval} onChange={(_, v) => v && onInterval(v)}>
            <ToggleButton value="week">{translate('statistics.trend.week')}</ToggleButton>
            <ToggleButton value="month">{translate('statistics.trend.month')}</ToggleButton>
          </ToggleButtonGroup>
        }
      />
      <CardContent sx={{ height: 280 }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="key" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar dataKey="received" name={translate('statistics.columns.received')} fill={COLORS.received} />
            <Bar dataKey="processed" name={translate('statistics.columns.processed')} fill={COLORS.processed} />
            <Line dataKey="late" name={translate('statistics.columns.late')} stroke={COLORS.late} />
          </ComposedChart>
        </ResponsiveContainer>
      </CardContent>
    </Card>
  );
}

export function RatingsChart({ ratings }: { ratings: number[] }) {
  const translate = useTranslate();
  const data = ratings.map((count, i) => ({ score: `${i + 1}★`, count }));
  return (
    <Card data-testid="ratings-chart">
      <CardHeader title={translate('statistics.ratings.title')} titleTypographyProps={{ variant: 'h6' }} />
      <CardContent sx={{ height: 280 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="score" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="count" name={translate('statistics.ratings.count')} fill={COLORS.processed} />
          </BarChart>
        </ResponsiveContainer>
      </CardContent>
    </Card>
  );
}

/** Overdue now by unit, stacked by escalation level; a bar opens that unit's overdue cases. */
export function OverdueByUnitChart({
  rows,
  filters,
  name,
}: {
  rows: Row[];
  filters: StatisticsFilters;
  name: (row: Row) => string;
}) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const level = (row: Row, l: number) =>
    (row.overdueNow?.byLevel ?? []).filter((b) => Math.min(b.level, 2) === l).reduce((sum, b) => sum + b.count, 0);
  const data = rows
    .filter((r) => (r.overdueNow?.total ?? 0) > 0)
    .sort((a, b) => (b.overdueNow?.total ?? 0) - (a.overdueNow?.total ?? 0))
    .slice(0, 12)
    .map((r) => ({ key: r.key, name: name(r), level0: level(r, 0), level1: level(r, 1), level2: level(r, 2) }));
  return (
    <Card data-testid="overdue-chart">
      <CardHeader title={translate('statistics.overdue.title')} titleTypographyProps={{ variant: 'h6' }} />
      <CardContent sx={{ height: Math.max(160, 40 * data.length + 80) }}>
        {data.length === 0 ? (
          translate('statistics.overdue.none')
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} layout="vertical">
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="name" width={220} />
              <Tooltip />
              <Legend />
              {[0, 1, 2].map((l) => (
                <Bar
                  key={l}
                  dataKey={`level${l}`}
                  stackId="overdue"
                  name={translate(`statistics.level_name.${l}`)}
                  fill={COLORS[`level${l}` as 'level0']}
                  cursor="pointer"
                  onClick={(entry) => {
                    const key = (entry?.payload as { key?: string } | undefined)?.key;
                    if (key) void navigate(overdueLink(filters, { unitId: key }));
                  }}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        )}
      </CardContent>
    </Card>
  );
}
