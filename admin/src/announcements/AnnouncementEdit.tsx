import { Edit, ShowButton, SimpleForm, TopToolbar } from 'react-admin';
import { AnnouncementInputs } from './AnnouncementInputs';
import { PublishButton } from './shared';

function Actions() {
  return (
    <TopToolbar>
      <PublishButton />
      <ShowButton />
    </TopToolbar>
  );
}

export function AnnouncementEdit() {
  return (
    <Edit mutationMode="pessimistic" actions={<Actions />} redirect="show">
      <SimpleForm>
        <AnnouncementInputs />
      </SimpleForm>
    </Edit>
  );
}
