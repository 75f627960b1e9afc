/**
 * The official to assign: the unit's officers and leaders (users filtered by unitId). Until the
 * users resource answers, the leader can still assign themselves or paste an official's id.
 */
import { Alert } from '@mui/material';
import { AutocompleteInput, TextInput, required, useGetList, useTranslate } from 'react-admin';
import { useMe } from '../../common/useMe';

interface UserRow {
  id: string;
  name: string;
  username: string;
  memberships?: { unitId: string; role: string }[];
}

export function AssigneeInput({ unitId }: { unitId: string | null }) {
  const translate = useTranslate();
  const me = useMe();
  const { data, error, isPending } = useGetList<UserRow>(
    'users',
    { filter: { unitId, active: true }, pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } },
    { enabled: !!unitId },
  );
  const officials = (data ?? []).filter(
    (u) =>
      !u.memberships || u.memberships.some((m) => m.unitId === unitId && (m.role === 'officer' || m.role === 'leader')),
  );
  const choices = officials.map((u) => ({ id: u.id, name: `${u.name} (${u.username})` }));
  if (me && unitId && me.units.some((u) => u.id === unitId) && !choices.some((c) => c.id === me.id))
    choices.push({ id: me.id, name: `${me.name} (${me.username})` });
  return (
    <>
      {error && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate('app.degraded', { detail: (error as Error).message })}
        </Alert>
      )}
      {error ? (
        <TextInput source="assigneeId" label="resources.cases.action.assignee" validate={required()} fullWidth />
      ) : (
        <AutocompleteInput
          source="assigneeId"
          label="resources.cases.action.assignee"
          choices={choices}
          translateChoice={false}
          isPending={isPending}
          validate={required()}
          fullWidth
        />
      )}
    </>
  );
}
