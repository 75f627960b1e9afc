import { BooleanInput, DateField, Edit, Labeled, SimpleForm, TextField, TextInput, required } from 'react-admin';

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
          <DateField source="lastUsedAt" showTime />
        </Labeled>
        <BooleanInput source="active" />
      </SimpleForm>
    </Edit>
  );
}
