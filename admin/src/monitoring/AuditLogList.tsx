/** Who did or read what (read-only): logins, personal-data reads, configuration changes. */
import { DataTable, TextInput } from 'react-admin';
import { ConfigList } from '../common/ConfigList';
import { HaTinhDateField } from '../common/HaTinhDateField';

const filters = [<TextInput key="action" source="action" alwaysOn />];

export function AuditLogList() {
  return (
    <ConfigList filters={filters} sort={{ field: 'at', order: 'DESC' }}>
      <DataTable bulkActionButtons={false}>
        <DataTable.Col source="at">
          <HaTinhDateField source="at" showTime />
        </DataTable.Col>
        <DataTable.Col source="actorKind" disableSort />
        <DataTable.Col source="actorId" disableSort />
        <DataTable.Col source="action" />
        <DataTable.Col source="subjectType" disableSort />
        <DataTable.Col source="subjectId" disableSort />
        <DataTable.Col source="ip" disableSort />
      </DataTable>
    </ConfigList>
  );
}
