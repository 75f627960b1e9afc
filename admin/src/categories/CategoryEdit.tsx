import { Edit, SimpleForm } from 'react-admin';
import { CategoryInputs } from './CategoryInputs';

export function CategoryEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <CategoryInputs />
      </SimpleForm>
    </Edit>
  );
}
