/**
 * The dashboard's filters: period (Hà Tĩnh days), unit, commune, category, channel. A leader's
 * units are the only ones offered (the API narrows every figure to them anyway, CASL decides).
 */
import { Autocomplete, Button, MenuItem, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { REPORT_CHANNELS } from '../common/choices';
import { useCategoryChoices, useCommuneChoices, useUnitChoices } from '../common/useDirectory';
import { defaultFilters, type StatisticsFilters } from './statistics';

interface Choice {
  id: string;
  name: string;
}

function ChoiceFilter(props: {
  label: string;
  choices: Choice[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  testId: string;
}) {
  const selected = props.choices.find((c) => c.id === props.value) ?? null;
  return (
    <Autocomplete
      size="small"
      sx={{ minWidth: 220 }}
      options={props.choices}
      value={selected}
      getOptionLabel={(c) => c.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_, choice) => props.onChange(choice?.id)}
      renderInput={(params) => <TextField {...params} label={props.label} data-testid={props.testId} />}
    />
  );
}

export function StatisticsFiltersBar({
  filters,
  onChange,
  unitIds,
}: {
  filters: StatisticsFilters;
  onChange: (filters: StatisticsFilters) => void;
  /** The units the official may choose from; undefined: all. */
  unitIds?: string[];
}) {
  const translate = useTranslate();
  const units = useUnitChoices().filter((u) => !unitIds || unitIds.includes(u.id));
  const communes = useCommuneChoices();
  const categories = useCategoryChoices();
  const set = (patch: Partial<StatisticsFilters>) => onChange({ ...filters, ...patch });
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      sx={{ flexWrap: 'wrap', alignItems: 'center' }}
      data-testid="statistics-filters"
    >
      <TextField
        size="small"
        type="date"
        label={translate('statistics.filters.from')}
        value={filters.from}
        onChange={(e) => e.target.value && set({ from: e.target.value })}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'filter-from' } }}
      />
      <TextField
        size="small"
        type="date"
        label={translate('statistics.filters.to')}
        value={filters.to}
        onChange={(e) => e.target.value && set({ to: e.target.value })}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'filter-to' } }}
      />
      {(!unitIds || unitIds.length > 1) && (
        <ChoiceFilter
          label={translate('statistics.filters.unit')}
          choices={units}
          value={filters.unitId}
          onChange={(unitId) => set({ unitId })}
          testId="filter-unit"
        />
      )}
      <ChoiceFilter
        label={translate('statistics.filters.commune')}
        choices={communes}
        value={filters.communeCode}
        onChange={(communeCode) => set({ communeCode })}
        testId="filter-commune"
      />
      <ChoiceFilter
        label={translate('statistics.filters.category')}
        choices={categories}
        value={filters.categoryCode}
        onChange={(categoryCode) => set({ categoryCode })}
        testId="filter-category"
      />
      <TextField
        select
        size="small"
        sx={{ minWidth: 160 }}
        label={translate('statistics.filters.channel')}
        value={filters.channel ?? ''}
        onChange={(e) => set({ channel: e.target.value || undefined })}
      >
        <MenuItem value="">{translate('statistics.filters.all')}</MenuItem>
        {REPORT_CHANNELS.map((channel) => (
          <MenuItem key={channel} value={channel}>
            {translate(`statistics.channel.${channel}`)}
          </MenuItem>
        ))}
      </TextField>
      <Button size="small" onClick={() => onChange(defaultFilters())}>
        {translate('statistics.filters.reset')}
      </Button>
    </Stack>
  );
}
