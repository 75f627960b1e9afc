/** Every notification's wording, one row per event and language (GET /api/admin/notification-templates). */
import { BooleanField, BooleanInput, DataTable, SelectInput, TextInput } from 'react-admin';
import { ConfigList } from '../common/ConfigList';
import { HaTinhDateField } from '../common/HaTinhDateField';

export const LOCALE_CHOICES = [
  { id: 'vi', name: 'notif.locale.vi' },
  { id: 'en', name: 'notif.locale.en' },
];

const filters = [
  <TextInput key="event" source="event" alwaysOn />,
  <SelectInput key="locale" source="locale" choices={LOCALE_CHOICES} alwaysOn />,
  <BooleanInput key="edited" source="edited" />,
];

export function NotificationTemplateList() {
  return (
    <ConfigList filters={filters} sort={{ field: 'id', order: 'ASC' }}>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="event" />
        <DataTable.Col source="locale" />
        <DataTable.Col source="audience" disableSort />
        <DataTable.Col source="subject" disableSort />
        <DataTable.Col source="edited" field={BooleanField} disableSort />
        <DataTable.Col source="updatedAt">
          <HaTinhDateField source="updatedAt" showTime emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </ConfigList>
  );
}
