import { Create, SimpleForm } from 'react-admin';
import { CategoryInputs } from './CategoryInputs';

export function CategoryCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <CategoryInputs creating />
      </SimpleForm>
    </Create>
  );
}
