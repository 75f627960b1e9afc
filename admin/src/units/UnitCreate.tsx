import { Create, SimpleForm } from 'react-admin';
import { UnitInputs } from './UnitInputs';

export function UnitCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <UnitInputs creating />
      </SimpleForm>
    </Create>
  );
}
