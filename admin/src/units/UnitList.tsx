import { BooleanField, DataTable, SearchInput, SelectInput, useRecordContext, useTranslate } from 'react-admin';
import { UNIT_KINDS, choices } from '../common/choices';
import { ConfigList } from '../common/ConfigList';

function KindField() {
  const record = useRecordContext();
  const translate = useTranslate();
  return <>{record?.kind ? translate(`domain.unit_kind.${record.kind}`) : null}</>;
}

function CommuneCount() {
  const record = useRecordContext();
  return <>{Array.isArray(record?.communeCodes) ? record.communeCodes.length : 0}</>;
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={choices(UNIT_KINDS, 'domain.unit_kind')} />,
];

export function UnitList() {
  return (
    <ConfigList filters={filters} sort={{ field: 'code', order: 'ASC' }}>
      <DataTable rowClick="edit">
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="kind" field={KindField} />
        <DataTable.Col source="communeCodes" field={CommuneCount} disableSort />
        <DataTable.Col source="phone" disableSort />
        <DataTable.Col source="active" field={BooleanField} />
      </DataTable>
    </ConfigList>
  );
}
