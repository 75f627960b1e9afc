import { BooleanInput, Edit, Labeled, SimpleForm, TextField, TextInput, required } from 'react-admin';
import { HaTinhDateField } from '../common/HaTinhDateField';

export function ApiKeyEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <TextInput source="name" validate={required()} fullWidth />
        <Labeled source="channel">
          <TextField source="channel" />
        </Labeled>
        <Labeled source="prefix">
          <TextField source="prefix" />
        </Labeled>
        <Labeled source="lastUsedAt">
          <HaTinhDateField source="lastUsedAt" showTime />
        </Labeled>
        <BooleanInput source="active" />
      </SimpleForm>
    </Edit>
  );
}
