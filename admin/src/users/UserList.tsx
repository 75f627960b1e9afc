import {
  BooleanField,
  DataTable,
  SearchInput,
  SelectInput,
  useRecordContext,
  useTranslate,
  AutocompleteInput,
} from 'react-admin';
import { ROLES, choices } from '../common/choices';
import { ConfigList } from '../common/ConfigList';
import { useUnitName } from '../common/UnitName';
import { useUnitChoices } from '../common/useDirectory';
import { HaTinhDateField } from '../common/HaTinhDateField';

function MembershipsField() {
  const record = useRecordContext();
  const translate = useTranslate();
  const unitName = useUnitName();
  const list = (record?.memberships ?? []) as { unitId: string; role: string }[];
  return <>{list.map((m) => `${translate(`domain.role.${m.role}`)} · ${unitName(m.unitId) ?? m.unitId}`).join('; ')}</>;
}

function useFilters() {
  const units = useUnitChoices();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <AutocompleteInput key="unitId" source="unitId" choices={units} translateChoice={false} />,
    <SelectInput key="role" source="role" choices={choices(ROLES, 'domain.role')} />,
  ];
}

export function UserList() {
  return (
    <ConfigList filters={useFilters()} sort={{ field: 'username', order: 'ASC' }}>
      <DataTable rowClick="edit">
        <DataTable.Col source="username" />
        <DataTable.Col source="name" />
        <DataTable.Col source="memberships" field={MembershipsField} disableSort />
        <DataTable.Col source="active" field={BooleanField} />
        <DataTable.Col source="lastLoginAt">
          <HaTinhDateField source="lastLoginAt" showTime />
        </DataTable.Col>
      </DataTable>
    </ConfigList>
  );
}
