import { BooleanInput, NumberInput, SelectInput, TextInput, required } from 'react-admin';
import { CASE_LEVELS, choices } from '../common/choices';

export function CategoryInputs({ creating = false }: { creating?: boolean }) {
  return (
    <>
      <TextInput source="code" validate={required()} disabled={!creating} />
      <TextInput source="nameVi" validate={required()} fullWidth />
      <TextInput source="nameEn" validate={required()} fullWidth />
      <TextInput source="descriptionVi" multiline fullWidth />
      <TextInput source="descriptionEn" multiline fullWidth />
      <TextInput source="icon" validate={required()} />
      <TextInput source="group" validate={required()} />
      <SelectInput source="defaultLevel" choices={choices(CASE_LEVELS, 'domain.level')} defaultValue="normal" />
      <NumberInput source="sortOrder" defaultValue={0} />
      <BooleanInput source="active" defaultValue />
    </>
  );
}
