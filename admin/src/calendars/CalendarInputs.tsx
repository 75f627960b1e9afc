import {
  ArrayInput,
  BooleanInput,
  NumberInput,
  SelectInput,
  SimpleFormIterator,
  TextArrayInput,
  TextInput,
  regex,
  required,
} from 'react-admin';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ id: d, name: `domain.weekday.${d}` }));
const time = regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'ra.validation.regex');
const date = regex(/^\d{4}-\d{2}-\d{2}$/, 'ra.validation.regex');

function Periods() {
  return (
    <ArrayInput source="periods" label="resources.calendars.fields.periods">
      <SimpleFormIterator inline disableReordering>
        <TextInput
          source="start"
          label="resources.calendars.fields.start"
          validate={[required(), time]}
          helperText="HH:mm"
        />
        <TextInput
          source="end"
          label="resources.calendars.fields.end"
          validate={[required(), time]}
          helperText="HH:mm"
        />
      </SimpleFormIterator>
    </ArrayInput>
  );
}

export function CalendarInputs() {
  return (
    <>
      <NumberInput source="year" validate={required()} />
      <TextInput source="timeZone" defaultValue="Asia/Ho_Chi_Minh" />
      <ArrayInput source="weekdays" label="resources.calendars.fields.weeklyHours">
        <SimpleFormIterator disableReordering>
          <SelectInput
            source="weekday"
            label="resources.calendars.fields.weekday"
            choices={WEEKDAYS}
            validate={required()}
          />
          <Periods />
        </SimpleFormIterator>
      </ArrayInput>
      <ArrayInput source="holidays">
        <SimpleFormIterator inline>
          <TextInput
            source="date"
            label="resources.calendars.fields.date"
            validate={[required(), date]}
            helperText="YYYY-MM-DD"
          />
          <TextInput source="name" label="resources.calendars.fields.holiday_name" validate={required()} />
          <TextInput source="source" label="resources.calendars.fields.source" />
          <BooleanInput source="confirmed" label="resources.calendars.fields.confirmed" />
        </SimpleFormIterator>
      </ArrayInput>
      <ArrayInput source="workingDays">
        <SimpleFormIterator inline>
          <TextInput
            source="date"
            label="resources.calendars.fields.date"
            validate={[required(), date]}
            helperText="YYYY-MM-DD"
          />
          <TextInput source="name" label="resources.calendars.fields.holiday_name" />
          <TextInput source="source" label="resources.calendars.fields.source" />
        </SimpleFormIterator>
      </ArrayInput>
      <TextArrayInput source="sources" fullWidth />
    </>
  );
}
