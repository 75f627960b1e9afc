import { Create, SimpleForm } from 'react-admin';
import { CalendarInputs } from './CalendarInputs';
import { calendarToApi } from './weeklyHours';
import { haTinhYear } from '../common/ha-tinh-time';

const OFFICE_DAY = [
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:00' },
];

export function CalendarCreate() {
  return (
    <Create redirect="list" transform={calendarToApi}>
      <SimpleForm
        defaultValues={{
          year: haTinhYear() + 1,
          timeZone: 'Asia/Ho_Chi_Minh',
          weekdays: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, periods: OFFICE_DAY })),
          holidays: [],
          workingDays: [],
          sources: [],
        }}
      >
        <CalendarInputs />
      </SimpleForm>
    </Create>
  );
}
