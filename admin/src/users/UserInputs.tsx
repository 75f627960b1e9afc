import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  email,
  required,
} from 'react-admin';
import { ROLES, choices } from '../common/choices';
import { useUnitChoices } from '../common/useDirectory';

export function UserInputs({ creating = false }: { creating?: boolean }) {
  const units = useUnitChoices();
  return (
    <>
      <TextInput source="username" validate={required()} disabled={!creating} />
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="email" validate={email()} />
      <TextInput source="phone" />
      {!creating && <BooleanInput source="active" />}
      <ArrayInput source="memberships" validate={required()}>
        <SimpleFormIterator inline disableReordering>
          <AutocompleteInput
            source="unitId"
            label="resources.users.fields.unitId"
            choices={units}
            translateChoice={false}
            validate={required()}
            sx={{ minWidth: 320 }}
          />
          <SelectInput
            source="role"
            label="resources.users.fields.role"
            choices={choices(ROLES, 'domain.role')}
            validate={required()}
          />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
}
