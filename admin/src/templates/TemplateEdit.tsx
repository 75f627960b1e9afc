import { Edit, SimpleForm } from 'react-admin';
import { TemplateInputs } from './TemplateInputs';

export function TemplateEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <TemplateInputs />
      </SimpleForm>
    </Edit>
  );
}
