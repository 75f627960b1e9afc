import { Create, SimpleForm } from 'react-admin';
import { SlaPolicyInputs } from './SlaPolicyInputs';

export function SlaPolicyCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ durationUnit: 'hours', escalations: [] }}>
        <SlaPolicyInputs />
      </SimpleForm>
    </Create>
  );
}
