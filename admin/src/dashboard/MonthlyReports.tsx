/**
 * The units' monthly reports (xlsx, the province's layout): generated on demand for a unit and
 * month, and those the monthly schedule stored on the 1st, for download.
 */
import { useState } from 'react';
import { Button, Card, CardContent, CardHeader, Link, List, ListItem, MenuItem, Stack, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useNotify, useTranslate } from 'react-admin';
import { useUnitChoices } from '../common/useDirectory';
import { downloadFile, httpClient } from '../providers/httpClient';

interface StoredReport {
  id: string;
  unitId: string;
  unitName: string | null;
  month: string;
}

/** The month before this one, in Hà Tĩnh (UTC+7). */
function lastMonth(now = new Date()): string {
  const local = new Date(now.getTime() + 7 * 3600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

export function MonthlyReports({ unitIds }: { unitIds?: string[] }) {
  const translate = useTranslate();
  const notify = useNotify();
  const units = useUnitChoices().filter((u) => !unitIds || unitIds.includes(u.id));
  const [month, setMonth] = useState(lastMonth());
  const [unitId, setUnitId] = useState(unitIds?.[0] ?? '');
  const stored = useQuery({
    queryKey: ['monthly-reports', month],
    queryFn: () => httpClient<StoredReport[]>(`/api/admin/monthly-reports?month=${month}`).then((r) => r.json),
  });
  const download = (url: string) =>
    downloadFile(url).catch((error: Error) => notify(error.message || 'ra.notification.http_error', { type: 'error' }));
  return (
    <Card data-testid="monthly-reports">
      <CardHeader title={translate('statistics.monthly.title')} titleTypographyProps={{ variant: 'h6' }} />
      <CardContent>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          <TextField
            size="small"
            type="month"
            label={translate('statistics.monthly.month')}
            value={month}
            onChange={(e) => e.target.value && setMonth(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            select
            size="small"
            sx={{ minWidth: 280 }}
            label={translate('statistics.filters.unit')}
            value={unitId}
            onChange={(e) => setUnitId(e.target.value)}
          >
            {units.map((u) => (
              <MenuItem key={u.id} value={u.id}>
                {u.name}
              </MenuItem>
            ))}
          </TextField>
          <Button
            variant="contained"
            size="small"
            disabled={!unitId}
            onClick={() => void download(`/api/admin/reports/monthly?unitId=${unitId}&month=${month}`)}
          >
            {translate('statistics.monthly.generate')}
          </Button>
        </Stack>
        <List dense>
          {(stored.data ?? []).slice(0, 50).map((r) => (
            <ListItem key={r.id} disableGutters>
              <Link component="button" onClick={() => void download(`/api/admin/monthly-reports/${r.id}/file`)}>
                {translate('statistics.monthly.stored', { unit: r.unitName ?? r.unitId, month: r.month })}
              </Link>
            </ListItem>
          ))}
          {stored.data?.length === 0 && <ListItem disableGutters>{translate('statistics.monthly.none')}</ListItem>}
        </List>
      </CardContent>
    </Card>
  );
}
