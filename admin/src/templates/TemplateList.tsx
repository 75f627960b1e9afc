import { BooleanField, DataTable, SearchInput, SelectInput, useRecordContext, useTranslate } from 'react-admin';
import { TEMPLATE_PURPOSES, choices } from '../common/choices';
import { ConfigList } from '../common/ConfigList';

function PurposeField() {
  const record = useRecordContext();
  const translate = useTranslate();
  return <>{record?.purpose ? translate(`domain.template_purpose.${record.purpose}`, { _: record.purpose }) : null}</>;
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="purpose" source="purpose" choices={choices(TEMPLATE_PURPOSES, 'domain.template_purpose')} />,
];

export function TemplateList() {
  return (
    <ConfigList filters={filters} sort={{ field: 'code', order: 'ASC' }}>
      <DataTable rowClick="edit">
        <DataTable.Col source="code" />
        <DataTable.Col source="purpose" field={PurposeField} />
        <DataTable.Col source="titleVi" />
        <DataTable.Col source="active" field={BooleanField} />
      </DataTable>
    </ConfigList>
  );
}
