/** A partner's Open311 key: the API answers the key once (only its hash is kept). */
import { useState } from 'react';
import { Create, SimpleForm, TextInput, required, useRedirect } from 'react-admin';
import { OnceSecretDialog } from '../common/OnceSecretDialog';

export function ApiKeyCreate() {
  const [key, setKey] = useState<string | null>(null);
  const redirect = useRedirect();
  return (
    <>
      <Create
        redirect={false}
        mutationOptions={{
          onSuccess: (data: { id: string; key?: string }) =>
            data.key ? setKey(data.key) : redirect('list', 'api-keys'),
        }}
      >
        <SimpleForm>
          <TextInput source="name" validate={required()} fullWidth />
          <TextInput source="channel" validate={required()} helperText="open311:zalo-bot" />
        </SimpleForm>
      </Create>
      <OnceSecretDialog
        title="resources.api-keys.notification.key_created"
        secret={key}
        onClose={() => {
          setKey(null);
          redirect('list', 'api-keys');
        }}
      />
    </>
  );
}
