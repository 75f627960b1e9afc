import { BooleanField, DataTable, SearchInput, useRecordContext, useTranslate } from 'react-admin';
import { ConfigList } from '../common/ConfigList';
import { CategoryIconField } from './CategoryIconField';

function LevelField() {
  const record = useRecordContext();
  const translate = useTranslate();
  return <>{record?.defaultLevel ? translate(`domain.level.${record.defaultLevel}`) : null}</>;
}

const filters = [<SearchInput key="q" source="q" alwaysOn />];

export function CategoryList() {
  return (
    <ConfigList filters={filters} sort={{ field: 'sortOrder', order: 'ASC' }}>
      <DataTable rowClick="edit">
        <DataTable.Col source="icon" field={CategoryIconField} disableSort />
        <DataTable.Col source="code" />
        <DataTable.Col source="nameVi" />
        <DataTable.Col source="nameEn" />
        <DataTable.Col source="group" />
        <DataTable.Col source="defaultLevel" field={LevelField} disableSort />
        <DataTable.Col source="sortOrder" />
        <DataTable.Col source="active" field={BooleanField} />
      </DataTable>
    </ConfigList>
  );
}
