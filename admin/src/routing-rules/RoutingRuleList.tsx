import ScienceIcon from '@mui/icons-material/Science';
import {
  AutocompleteInput,
  BooleanField,
  Button,
  CreateButton,
  DataTable,
  SearchInput,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { ConfigList } from '../common/ConfigList';
import { useCategoryChoices, useUnitChoices } from '../common/useDirectory';
import { UnitField } from '../cases/CaseFields';

function CodesField({ source }: { source: string }) {
  const record = useRecordContext();
  const codes = (record?.[source] ?? []) as string[];
  return <>{codes.length ? codes.join(', ') : '*'}</>;
}

function Actions() {
  return (
    <TopToolbar>
      <Button
        component={Link}
        to="/routing-test"
        label="resources.routing-rules.test.button"
        data-testid="routing-test-button"
      >
        <ScienceIcon />
      </Button>
      <CreateButton />
    </TopToolbar>
  );
}

function useFilters() {
  const units = useUnitChoices();
  const categories = useCategoryChoices();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <AutocompleteInput key="unitId" source="unitId" choices={units} translateChoice={false} />,
    <AutocompleteInput
      key="categoryCode"
      source="categoryCode"
      label="resources.routing-rules.fields.categoryCodes"
      choices={categories}
      translateChoice={false}
    />,
  ];
}

export function RoutingRuleList() {
  return (
    <ConfigList filters={useFilters()} actions={<Actions />} sort={{ field: 'priority', order: 'DESC' }}>
      <DataTable rowClick="edit">
        <DataTable.Col source="name" />
        <DataTable.Col source="priority" />
        <DataTable.Col source="unitId" field={UnitField} disableSort />
        <DataTable.Col source="categoryCodes" disableSort>
          <CodesField source="categoryCodes" />
        </DataTable.Col>
        <DataTable.Col source="communeCodes" disableSort>
          <CodesField source="communeCodes" />
        </DataTable.Col>
        <DataTable.Col source="keywords" disableSort>
          <CodesField source="keywords" />
        </DataTable.Col>
        <DataTable.Col source="active" field={BooleanField} />
      </DataTable>
    </ConfigList>
  );
}
