import { Create, SimpleForm } from 'react-admin';
import { TemplateInputs } from './TemplateInputs';

export function TemplateCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <TemplateInputs creating />
      </SimpleForm>
    </Create>
  );
}
