/**
 * One notification's wording (subject, body, short text for SMS/Zalo), with its `{{variables}}`
 * and a live preview rendered by the API with sample values (POST /:id/preview, debounced), and
 * "reset to default" (DELETE /:id answers the default wording).
 */
import RestoreIcon from '@mui/icons-material/Restore';
import { Alert, Box, Card, CardContent, Chip, Divider, Stack, Tooltip, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  Button,
  Confirm,
  Edit,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { ADMIN_API } from '../providers/dataProvider';
import { postJson } from '../providers/httpClient';

interface Variable {
  name: string;
  description?: string;
}

interface Preview {
  subject: string;
  body: string;
  html: string;
  shortBody: string;
  shortBodyLength: number;
}

function Variables() {
  const record = useRecordContext();
  const translate = useTranslate();
  const variables = (record?.variables ?? []) as Variable[];
  if (variables.length === 0) return null;
  return (
    <Box sx={{ mb: 2 }} data-testid="template-variables">
      <Typography variant="subtitle2" gutterBottom>
        {translate('notif.variables')}
      </Typography>
      <Stack direction="row" useFlexGap spacing={0.5} sx={{ flexWrap: 'wrap' }}>
        {variables.map((v) => (
          <Tooltip key={v.name} title={v.description ?? ''}>
            <Chip size="small" label={`{{${v.name}}}`} />
          </Tooltip>
        ))}
      </Stack>
    </Box>
  );
}

function PreviewPanel() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [subject, body, shortBody] = useWatch({ name: ['subject', 'body', 'shortBody'] }) as [
    string | undefined,
    string | undefined,
    string | undefined,
  ];
  const [preview, setPreview] = useState<Preview | undefined>();
  const [error, setError] = useState<string | undefined>();
  const id = record?.id;

  useEffect(() => {
    if (!id) return undefined;
    let cancelled = false;
    const timer = setTimeout(() => {
      postJson<Preview>(`${ADMIN_API}/notification-templates/${encodeURIComponent(String(id))}/preview`, {
        subject: subject || undefined,
        body: body || undefined,
        shortBody: shortBody || undefined,
      }).then(
        ({ json }) => {
          if (cancelled) return;
          setPreview(json);
          setError(undefined);
        },
        (e: Error) => {
          if (!cancelled) setError(e.message);
        },
      );
    }, 400);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [id, subject, body, shortBody]);

  return (
    <Card variant="outlined" sx={{ flex: 1, minWidth: 320 }} data-testid="template-preview">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('notif.preview')}
        </Typography>
        {error && <Alert severity="warning">{error}</Alert>}
        {preview && (
          <>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }} data-testid="preview-subject">
              {preview.subject}
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 1 }} data-testid="preview-body">
              {preview.body}
            </Typography>
            <Divider sx={{ my: 2 }} />
            <Typography variant="caption" color="text.secondary">
              {translate('notif.preview_html')}
            </Typography>
            <Box
              sx={{ border: 1, borderColor: 'divider', p: 1, fontSize: 14 }}
              // The API escapes the whole text (template and variables) before making links.
              dangerouslySetInnerHTML={{ __html: preview.html }}
            />
            <Divider sx={{ my: 2 }} />
            <Typography variant="caption" color="text.secondary">
              {translate('notif.preview_short', { smart_count: preview.shortBodyLength })}
            </Typography>
            <Typography variant="body2" data-testid="preview-short">
              {preview.shortBody}
            </Typography>
          </>
        )}
      </CardContent>
    </Card>
  );
}

function ResetButton() {
  const record = useRecordContext();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!record?.edited) return null;
  return (
    <>
      <Button label="notif.reset_default" onClick={() => setOpen(true)} data-testid="template-reset">
        <RestoreIcon />
      </Button>
      <Confirm
        isOpen={open}
        title="notif.reset_confirm_title"
        content="notif.reset_confirm_content"
        onClose={() => setOpen(false)}
        onConfirm={async () => {
          setOpen(false);
          try {
            await dataProvider.delete('notification-templates', { id: record.id, previousData: record });
            notify('notif.reset_done', { type: 'success' });
            refresh();
          } catch (error) {
            notify((error as Error).message, { type: 'error' });
          }
        }}
      />
    </>
  );
}

function EditToolbar() {
  return (
    <Toolbar sx={{ display: 'flex', justifyContent: 'space-between' }}>
      <SaveButton />
      <ResetButton />
    </Toolbar>
  );
}

function Heading() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ mb: 2, alignItems: 'center' }}>
      <Typography variant="h6">{String(record.id)}</Typography>
      <Chip
        size="small"
        color={record.edited ? 'warning' : 'default'}
        label={translate(record.edited ? 'notif.edited' : 'notif.default')}
      />
    </Stack>
  );
}

export function NotificationTemplateEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect={false}>
      <SimpleForm toolbar={<EditToolbar />}>
        <Heading />
        <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ width: '100%' }}>
          <Box sx={{ flex: 1, minWidth: 320 }}>
            <Variables />
            <TextInput source="subject" fullWidth validate={required()} />
            <TextInput source="body" fullWidth multiline minRows={6} validate={required()} />
            <TextInput source="shortBody" fullWidth multiline minRows={2} validate={required()} />
          </Box>
          <PreviewPanel />
        </Stack>
      </SimpleForm>
    </Edit>
  );
}
