/**
 * All cases the official may read (the API filters by the CASL rules), with the filters of the
 * issue (status, step, category, unit, level, commune, overdue, date range, full text) and saved
 * filters kept in the browser (react-admin's saved queries).
 */
import { Card, CardContent } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  DataTable,
  DateInput,
  FilterList,
  FilterListItem,
  FilterButton,
  FilterLiveSearch,
  List,
  SavedQueriesList,
  SelectInput,
  TopToolbar,
  useListContext,
  useTranslate,
} from 'react-admin';
import WarningIcon from '@mui/icons-material/WarningAmber';
import { CASE_LEVELS, CASE_STATUSES, CASE_STEPS, REPORT_CHANNELS, choices } from '../common/choices';
import { useCategoryChoices, useCommuneChoices, useUnitChoices } from '../common/useDirectory';
import { CategoryField, CommuneField, LevelField, OverdueField, StatusField, EnumField, UnitField } from './CaseFields';
import { HaTinhDateField } from '../common/HaTinhDateField';
import { endOfHaTinhDay, startOfHaTinhDay, toDayInput } from '../common/ha-tinh-time';
import { ExportMenu } from '../exports/ExportMenu';
import { ADMIN_API } from '../providers/dataProvider';

/**
 * The list's export, by the API (GET /api/admin/cases/export): every row of the current filters
 * and order, as the official may see them, with names and Hà Tĩnh times (react-admin's exporter
 * would write raw JSON fields of the loaded rows only).
 */
function CaseExport() {
  const { filterValues, sort } = useListContext();
  const url = (format: 'xlsx' | 'csv') =>
    `${ADMIN_API}/cases/export?format=${format}` +
    `&filter=${encodeURIComponent(JSON.stringify(filterValues))}` +
    `&sort=${encodeURIComponent(JSON.stringify([sort.field, sort.order]))}`;
  return <ExportMenu url={url} />;
}

function CaseListActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <CaseExport />
    </TopToolbar>
  );
}

function useCaseFilters() {
  const categories = useCategoryChoices();
  const units = useUnitChoices();
  const communes = useCommuneChoices();
  return [
    <SelectInput key="status" source="status" choices={choices(CASE_STATUSES, 'domain.status')} alwaysOn />,
    <SelectInput key="step" source="step" choices={choices(CASE_STEPS, 'domain.step')} />,
    <AutocompleteInput key="categoryCode" source="categoryCode" choices={categories} translateChoice={false} />,
    <AutocompleteInput key="unitId" source="unitId" choices={units} translateChoice={false} />,
    <SelectInput key="level" source="level" choices={choices(CASE_LEVELS, 'domain.level')} />,
    <AutocompleteInput key="communeCode" source="communeCode" choices={communes} translateChoice={false} />,
    <SelectInput key="channel" source="channel" choices={choices(REPORT_CHANNELS, 'statistics.channel')} />,
    <BooleanInput key="overdue" source="overdue" label="resources.cases.filters.only_overdue" />,
    <DateInput
      key="createdFrom"
      source="createdFrom"
      label="resources.cases.filters.createdFrom"
      parse={startOfHaTinhDay}
      format={toDayInput}
    />,
    <DateInput
      key="createdTo"
      source="createdTo"
      label="resources.cases.filters.createdTo"
      parse={endOfHaTinhDay}
      format={toDayInput}
    />,
  ];
}

function CaseSidebar() {
  const translate = useTranslate();
  return (
    <Card sx={{ order: -1, mr: 2, mt: 8, width: 240, flexShrink: 0, display: { xs: 'none', md: 'block' } }}>
      <CardContent>
        <FilterLiveSearch source="q" label="resources.cases.filters.q" />
        <SavedQueriesList />
        <FilterList label="resources.cases.filters.overdue" icon={<WarningIcon />}>
          <FilterListItem label="app.yes" value={{ overdue: true }} />
          <FilterListItem label="app.no" value={{ overdue: false }} />
        </FilterList>
        <FilterList label="resources.cases.filters.status" icon={<span />}>
          {(['verifying', 'routing', 'awaiting_acceptance', 'processing', 'awaiting_approval'] as const).map((s) => (
            <FilterListItem key={s} label={translate(`domain.status.${s}`)} value={{ status: s }} />
          ))}
        </FilterList>
      </CardContent>
    </Card>
  );
}

export function CaseList() {
  const filters = useCaseFilters();
  return (
    <List
      filters={filters}
      actions={<CaseListActions />}
      exporter={false}
      aside={<CaseSidebar />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="trackingCode" />
        <DataTable.Col source="status" field={StatusField} />
        <DataTable.Col source="step">
          <EnumField source="step" prefix="domain.step" />
        </DataTable.Col>
        <DataTable.Col source="categoryCode" field={CategoryField} disableSort />
        <DataTable.Col source="communeCode" field={CommuneField} disableSort />
        <DataTable.Col source="unitId" field={UnitField} disableSort />
        <DataTable.Col source="level" field={LevelField} />
        <DataTable.Col source="deadline">
          <HaTinhDateField source="deadline" showTime />
        </DataTable.Col>
        <DataTable.Col source="overdue" field={OverdueField} disableSort />
        <DataTable.Col source="createdAt">
          <HaTinhDateField source="createdAt" showTime />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
