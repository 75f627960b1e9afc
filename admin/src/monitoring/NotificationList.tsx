/** The notification outbox and its delivery state; administrators send a failed row again. */
import { DataTable, SelectInput, useRecordContext, useTranslate } from 'react-admin';
import { CHANNELS, NOTIFICATION_STATES, choices } from '../common/choices';
import { ConfigList } from '../common/ConfigList';
import { RetryButton } from './RetryButton';
import { HaTinhDateField } from '../common/HaTinhDateField';

function Enum({ source, prefix }: { source: string; prefix: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  return <>{record?.[source] ? translate(`${prefix}.${record[source]}`, { _: record[source] }) : null}</>;
}

const filters = [
  <SelectInput
    key="state"
    source="state"
    choices={choices(NOTIFICATION_STATES, 'domain.notification_state')}
    alwaysOn
  />,
  <SelectInput key="channel" source="channel" choices={choices(CHANNELS, 'domain.channel')} />,
];

export function NotificationList() {
  return (
    <ConfigList filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <DataTable bulkActionButtons={false}>
        <DataTable.Col source="createdAt">
          <HaTinhDateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="event" disableSort />
        <DataTable.Col source="channel">
          <Enum source="channel" prefix="domain.channel" />
        </DataTable.Col>
        <DataTable.Col source="recipient" disableSort />
        <DataTable.Col source="state">
          <Enum source="state" prefix="domain.notification_state" />
        </DataTable.Col>
        <DataTable.Col source="attempts" />
        <DataTable.Col source="lastError" disableSort />
        <DataTable.Col label="notif.retry">
          <RetryButton />
        </DataTable.Col>
      </DataTable>
    </ConfigList>
  );
}
