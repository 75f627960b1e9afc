import { Edit, ListButton, SimpleForm, TopToolbar } from 'react-admin';
import { ResetPasswordButton } from './ResetPasswordButton';
import { UserInputs } from './UserInputs';

const Actions = () => (
  <TopToolbar>
    <ResetPasswordButton />
    <ListButton />
  </TopToolbar>
);

export function UserEdit() {
  return (
    <Edit mutationMode="pessimistic" actions={<Actions />}>
      <SimpleForm>
        <UserInputs />
      </SimpleForm>
    </Edit>
  );
}
