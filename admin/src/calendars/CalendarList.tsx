import { DataTable, useRecordContext } from 'react-admin';
import { ConfigList } from '../common/ConfigList';
import { HaTinhDateField } from '../common/HaTinhDateField';

function Count({ source }: { source: string }) {
  const record = useRecordContext();
  return <>{Array.isArray(record?.[source]) ? record[source].length : 0}</>;
}

export function CalendarList() {
  return (
    <ConfigList sort={{ field: 'year', order: 'DESC' }}>
      <DataTable rowClick="edit">
        <DataTable.Col source="year" />
        <DataTable.Col source="timeZone" disableSort />
        <DataTable.Col source="holidays" disableSort>
          <Count source="holidays" />
        </DataTable.Col>
        <DataTable.Col source="workingDays" disableSort>
          <Count source="workingDays" />
        </DataTable.Col>
        <DataTable.Col source="updatedAt">
          <HaTinhDateField source="updatedAt" showTime />
        </DataTable.Col>
      </DataTable>
    </ConfigList>
  );
}
