import {
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  SelectInput,
  TextInput,
  email,
  required,
} from 'react-admin';
import { UNIT_KINDS, choices } from '../common/choices';
import { useCommuneChoices, useUnitChoices } from '../common/useDirectory';

export function UnitInputs({ creating = false }: { creating?: boolean }) {
  const communes = useCommuneChoices();
  const units = useUnitChoices();
  return (
    <>
      <TextInput source="code" validate={required()} disabled={!creating} />
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="nameEn" fullWidth />
      <SelectInput source="kind" choices={choices(UNIT_KINDS, 'domain.unit_kind')} validate={required()} />
      <AutocompleteInput source="parentId" choices={units} translateChoice={false} fullWidth />
      <AutocompleteArrayInput source="communeCodes" choices={communes} translateChoice={false} fullWidth />
      <TextInput source="phone" />
      <TextInput source="email" validate={email()} />
      <TextInput source="address" fullWidth />
      <BooleanInput source="active" defaultValue />
    </>
  );
}
