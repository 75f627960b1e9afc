import { Edit, SimpleForm, useRecordContext } from 'react-admin';
import { CalendarInputs } from './CalendarInputs';
import { calendarToApi, weeklyHoursToRows } from './weeklyHours';

function Form() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <SimpleForm record={{ ...record, weekdays: weeklyHoursToRows(record.weeklyHours) }}>
      <CalendarInputs />
    </SimpleForm>
  );
}

export function CalendarEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={calendarToApi}>
      <Form />
    </Edit>
  );
}
