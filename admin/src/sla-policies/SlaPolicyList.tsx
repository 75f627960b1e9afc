import { BooleanField, DataTable, SelectInput, useRecordContext, useTranslate } from 'react-admin';
import { HUMAN_STEPS, choices } from '../common/choices';
import { ConfigList } from '../common/ConfigList';
import { CategoryField } from '../cases/CaseFields';

function DurationField() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return <>{`${record.durationAmount} ${translate(`domain.duration_unit.${record.durationUnit}`)}`}</>;
}

function Enum({ source, prefix }: { source: string; prefix: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[source];
  return <>{value ? translate(`${prefix}.${value}`) : '*'}</>;
}

const filters = [<SelectInput key="step" source="step" choices={choices(HUMAN_STEPS, 'domain.step')} alwaysOn />];

export function SlaPolicyList() {
  return (
    <ConfigList filters={filters}>
      <DataTable rowClick="edit">
        <DataTable.Col source="step">
          <Enum source="step" prefix="domain.step" />
        </DataTable.Col>
        <DataTable.Col source="categoryCode" field={CategoryField} />
        <DataTable.Col source="level">
          <Enum source="level" prefix="domain.level" />
        </DataTable.Col>
        <DataTable.Col source="durationAmount" field={DurationField} />
        <DataTable.Col source="reminderAt" disableSort />
        <DataTable.Col source="active" field={BooleanField} />
      </DataTable>
    </ConfigList>
  );
}
