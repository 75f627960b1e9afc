import { BooleanField, DataTable } from 'react-admin';
import { ConfigList } from '../common/ConfigList';
import { HaTinhDateField } from '../common/HaTinhDateField';

export function ApiKeyList() {
  return (
    <ConfigList sort={{ field: 'createdAt', order: 'DESC' }}>
      <DataTable rowClick="edit">
        <DataTable.Col source="name" />
        <DataTable.Col source="channel" />
        <DataTable.Col source="prefix" disableSort />
        <DataTable.Col source="active" field={BooleanField} />
        <DataTable.Col source="lastUsedAt">
          <HaTinhDateField source="lastUsedAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <HaTinhDateField source="createdAt" showTime />
        </DataTable.Col>
      </DataTable>
    </ConfigList>
  );
}
