/** A new official: the API answers the temporary password once; it is shown, then gone. */
import { useState } from 'react';
import { Create, SimpleForm, useRedirect } from 'react-admin';
import { OnceSecretDialog } from '../common/OnceSecretDialog';
import { UserInputs } from './UserInputs';

export function UserCreate() {
  const [secret, setSecret] = useState<{ id: string; password: string } | null>(null);
  const redirect = useRedirect();
  return (
    <>
      <Create
        redirect={false}
        mutationOptions={{
          onSuccess: (data: { id: string; temporaryPassword?: string }) =>
            data.temporaryPassword
              ? setSecret({ id: data.id, password: data.temporaryPassword })
              : redirect('edit', 'users', data.id),
        }}
      >
        <SimpleForm defaultValues={{ memberships: [{}] }}>
          <UserInputs creating />
        </SimpleForm>
      </Create>
      <OnceSecretDialog
        title="resources.users.notification.temporary_password"
        secret={secret?.password ?? null}
        onClose={() => {
          const id = secret?.id;
          setSecret(null);
          if (id) redirect('edit', 'users', id);
        }}
      />
    </>
  );
}
