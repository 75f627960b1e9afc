import { Edit, SimpleForm } from 'react-admin';
import { UnitInputs } from './UnitInputs';

export function UnitEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <UnitInputs />
      </SimpleForm>
    </Edit>
  );
}
