/**
 * Units (or categories) ranked: received, processed, on time, satisfaction, overdue now. A name
 * opens the case list of its cases in the period; the overdue figure, its overdue cases.
 */
import { useState } from 'react';
import {
  Card,
  CardHeader,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TableSortLabel,
} from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { ExportMenu } from '../exports/ExportMenu';
import { caseListLink, overdueLink, percent, statisticsQuery, type Row, type StatisticsFilters } from './statistics';
import { STATISTICS_API } from './useStatistics';

type Column = 'received' | 'processed' | 'onTimeShare' | 'satisfiedShare' | 'overdue';
const value = (row: Row, column: Column) => (column === 'overdue' ? (row.overdueNow?.total ?? 0) : (row[column] ?? -1));

export function RankingTable({
  title,
  rows,
  filters,
  grouping,
  testId,
}: {
  title: string;
  rows: Row[];
  filters: StatisticsFilters;
  grouping: 'unit' | 'category';
  testId: string;
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [sort, setSort] = useState<Column>('received');
  const sorted = [...rows].sort((a, b) => value(b, sort) - value(a, sort));
  const filterOf = (row: Row) => (grouping === 'unit' ? { unitId: row.key } : { categoryCode: row.key });
  const name = (row: Row) =>
    (locale === 'en' ? (row.nameEn ?? row.name) : row.name) ?? translate(`statistics.no_${grouping}`);
  const header = (column: Column, label: string) => (
    <TableCell align="right" sortDirection={sort === column ? 'desc' : false}>
      <TableSortLabel active={sort === column} direction="desc" onClick={() => setSort(column)}>
        {translate(label)}
      </TableSortLabel>
    </TableCell>
  );
  return (
    <Card data-testid={testId}>
      <CardHeader
        title={title}
        titleTypographyProps={{ variant: 'h6' }}
        action={
          <ExportMenu
            url={(format) =>
              `${STATISTICS_API}/export?${statisticsQuery(filters, { table: `by-${grouping}`, format })}`
            }
          />
        }
      />
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate(`statistics.columns.${grouping}`)}</TableCell>
            {header('received', 'statistics.columns.received')}
            {header('processed', 'statistics.columns.processed')}
            {header('onTimeShare', 'statistics.columns.on_time')}
            {header('satisfiedShare', 'statistics.columns.satisfied')}
            {header('overdue', 'statistics.columns.overdue_now')}
          </TableRow>
        </TableHead>
        <TableBody>
          {sorted.map((row) => {
            const overdue = row.overdueNow?.total ?? 0;
            return (
              <TableRow key={row.key ?? 'none'} data-testid={`${testId}-row`} data-key={row.key ?? ''}>
                <TableCell>
                  {row.key ? (
                    <Link component={RouterLink} to={caseListLink(filters, filterOf(row))}>
                      {name(row)}
                    </Link>
                  ) : (
                    name(row)
                  )}
                </TableCell>
                <TableCell align="right">{row.received}</TableCell>
                <TableCell align="right">{row.processed}</TableCell>
                <TableCell align="right">
                  {percent(row.onTimeShare, locale)}
                  {row.onTime + row.late > 0 && ` (${row.onTime}/${row.onTime + row.late})`}
                </TableCell>
                <TableCell align="right">
                  {percent(row.satisfiedShare, locale)}
                  {row.rated > 0 && ` (${row.rated})`}
                </TableCell>
                <TableCell align="right" sx={{ color: overdue ? 'error.main' : undefined }} data-testid="overdue-cell">
                  {overdue && row.key ? (
                    <Link component={RouterLink} to={overdueLink(filters, filterOf(row))} color="error">
                      {overdue}
                    </Link>
                  ) : (
                    overdue
                  )}
                </TableCell>
              </TableRow>
            );
          })}
          {sorted.length === 0 && (
            <TableRow>
              <TableCell colSpan={6}>{translate('statistics.empty')}</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </Card>
  );
}
