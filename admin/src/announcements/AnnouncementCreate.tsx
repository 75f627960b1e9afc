import { Create, SimpleForm } from 'react-admin';
import { AnnouncementInputs } from './AnnouncementInputs';
import { useAnnouncementUnitChoices } from './shared';

export function AnnouncementCreate() {
  const units = useAnnouncementUnitChoices();
  const defaults = () => ({
    unitId: units.length === 1 ? units[0]!.id : undefined,
    kind: 'notice',
    severity: 'info',
    communeCodes: [],
    validFrom: new Date().toISOString(),
  });
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={defaults} key={units.length}>
        <AnnouncementInputs />
      </SimpleForm>
    </Create>
  );
}
