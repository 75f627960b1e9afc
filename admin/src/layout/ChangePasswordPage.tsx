/** The signed-in official's own password (POST /api/auth/password). */
import { Alert, Card, CardContent, CardHeader } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  PasswordInput,
  SaveButton,
  SimpleForm,
  Title,
  Toolbar,
  required,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { useMe } from '../common/useMe';
import { changePassword } from '../providers/authProvider';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const queryClient = useQueryClient();
  const me = useMe();
  const [saving, setSaving] = useState(false);

  const validate = (values: Partial<Values>) =>
    values.confirm && values.newPassword !== values.confirm ? { confirm: translate('password.mismatch') } : {};

  const submit = async (values: Partial<Values>) => {
    setSaving(true);
    try {
      await changePassword(values.currentPassword ?? '', values.newPassword ?? '');
      notify('password.changed', { type: 'success' });
      await queryClient.invalidateQueries();
      redirect('/');
    } catch (error) {
      const body = (error as { body?: { errors?: Record<string, string> } }).body;
      notify((error as Error).message, { type: 'error' });
      return body?.errors;
    } finally {
      setSaving(false);
    }
    return undefined;
  };

  return (
    <Card sx={{ maxWidth: 520, mt: 2 }}>
      <Title title={translate('password.title')} />
      <CardHeader title={translate('password.title')} />
      {me?.mustChangePassword && (
        <Alert severity="warning" sx={{ mx: 2 }}>
          {translate('password.must_change')}
        </Alert>
      )}
      <CardContent>
        <SimpleForm
          onSubmit={submit}
          validate={validate}
          toolbar={
            <Toolbar>
              <SaveButton label="password.submit" disabled={saving} alwaysEnable />
            </Toolbar>
          }
        >
          <PasswordInput source="currentPassword" label="password.current" validate={required()} fullWidth />
          <PasswordInput source="newPassword" label="password.new" validate={required()} fullWidth />
          <PasswordInput source="confirm" label="password.confirm" validate={required()} fullWidth />
        </SimpleForm>
      </CardContent>
    </Card>
  );
}
