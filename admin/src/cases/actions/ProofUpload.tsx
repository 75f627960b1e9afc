/**
 * Proof for a reply: each chosen file is uploaded at once (POST /cases/:id/media, field `file`)
 * and its id added to the form's `attachmentIds`; the API checks type and size by content.
 */
import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Button, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import type { AppDataProvider } from '../../providers/dataProvider';

interface Uploaded {
  id: string;
  url: string;
  name: string;
}

export function ProofUpload() {
  const translate = useTranslate();
  const notify = useNotify();
  const record = useRecordContext();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { setValue, formState } = useFormContext();
  const ids = (useWatch({ name: 'attachmentIds' }) as string[] | undefined) ?? [];
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [busy, setBusy] = useState(false);
  const error = formState.errors.attachmentIds?.message as string | undefined;

  const upload = async (list: FileList | null) => {
    if (!list || !record) return;
    setBusy(true);
    const added: Uploaded[] = [];
    for (const file of Array.from(list)) {
      try {
        const created = await dataProvider.uploadProof(String(record.id), file);
        added.push({ ...created, name: file.name });
      } catch (e) {
        notify('resources.cases.notification.upload_failed', {
          type: 'error',
          messageArgs: { message: (e as Error).message },
        });
      }
    }
    setFiles((f) => [...f, ...added]);
    setValue('attachmentIds', [...ids, ...added.map((a) => a.id)], { shouldDirty: true, shouldValidate: true });
    setBusy(false);
  };

  const remove = (id: string) => {
    setFiles((f) => f.filter((x) => x.id !== id));
    setValue(
      'attachmentIds',
      ids.filter((x) => x !== id),
      { shouldDirty: true, shouldValidate: true },
    );
  };

  return (
    <Stack spacing={1} sx={{ mb: 2 }}>
      <Typography variant="subtitle2">{translate('resources.cases.action.attachments')}</Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {files.map((f) => (
          <Chip
            key={f.id}
            label={f.name}
            onDelete={() => remove(f.id)}
            component="a"
            href={f.url}
            target="_blank"
            clickable
          />
        ))}
      </Stack>
      <Button
        component="label"
        variant="outlined"
        startIcon={<AttachFileIcon />}
        disabled={busy}
        sx={{ alignSelf: 'flex-start' }}
      >
        {busy ? translate('resources.cases.action.uploading') : translate('resources.cases.action.upload')}
        <input
          hidden
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp,image/heic,video/mp4,video/quicktime,application/pdf"
          onChange={(e) => {
            void upload(e.target.files);
            e.target.value = '';
          }}
          data-testid="proof-file"
        />
      </Button>
      {busy && <LinearProgress />}
      <Typography variant="caption" color={error ? 'error' : 'text.secondary'}>
        {error
          ? translate(error, { _: error })
          : translate('resources.cases.action.uploaded_count', { smart_count: ids.length })}
      </Typography>
    </Stack>
  );
}
