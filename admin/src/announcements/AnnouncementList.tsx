import { BooleanInput, DataTable, SearchInput, SelectInput } from 'react-admin';
import { ConfigList } from '../common/ConfigList';
import { EnumChip, PublishButton, PublishedChip, kindChoices, severityChoices } from './shared';
import { HaTinhDateField } from '../common/HaTinhDateField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={kindChoices} />,
  <SelectInput key="severity" source="severity" choices={severityChoices} />,
  <BooleanInput key="published" source="published" />,
];

export function AnnouncementList() {
  return (
    <ConfigList filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="titleVi" disableSort />
        <DataTable.Col source="kind">
          <EnumChip source="kind" prefix="notif.announcement_kind" />
        </DataTable.Col>
        <DataTable.Col source="severity">
          <EnumChip source="severity" prefix="notif.severity" />
        </DataTable.Col>
        <DataTable.Col source="validFrom">
          <HaTinhDateField source="validFrom" showTime />
        </DataTable.Col>
        <DataTable.Col source="validUntil">
          <HaTinhDateField source="validUntil" showTime emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="published" disableSort>
          <PublishedChip />
        </DataTable.Col>
        <DataTable.Col label="notif.publish">
          <PublishButton />
        </DataTable.Col>
      </DataTable>
    </ConfigList>
  );
}
