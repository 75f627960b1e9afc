/**
 * For "mark duplicate": similar cases near this one (/cases/:id/similar), and a text search of
 * all cases; choosing one fills `duplicateOf`.
 */
import { Alert, Box, Button, List, ListItemButton, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { useSimilarCases } from '../useCaseHelpers';

function CaseChoices({ cases, exclude }: { cases: Record<string, any>[]; exclude: string }) {
  const translate = useTranslate();
  const { setValue, watch } = useFormContext();
  const chosen = watch('duplicateOf');
  const list = cases.filter((c) => c.id !== exclude);
  if (list.length === 0)
    return <Typography color="text.secondary">{translate('resources.cases.action.similar_empty')}</Typography>;
  return (
    <List dense sx={{ maxHeight: 220, overflow: 'auto' }}>
      {list.map((c) => (
        <ListItemButton
          key={c.id}
          selected={chosen === c.id}
          onClick={() => setValue('duplicateOf', c.id, { shouldValidate: true, shouldDirty: true })}
          data-testid="similar-case"
        >
          <ListItemText
            primary={`${c.trackingCode} · ${translate(`domain.status.${c.status}`, { _: c.status })}${
              typeof c.distanceMeters === 'number' ? ` · ${Math.round(c.distanceMeters)} m` : ''
            }`}
            secondary={String(c.description ?? '').slice(0, 140)}
          />
        </ListItemButton>
      ))}
    </List>
  );
}

export function SimilarCasesPicker() {
  const translate = useTranslate();
  const record = useRecordContext();
  const [radius, setRadius] = useState(500);
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const similar = useSimilarCases(record?.id as string | undefined, radius);
  const search = useGetList(
    'cases',
    { filter: { q }, pagination: { page: 1, perPage: 10 } },
    { enabled: q.length > 1 },
  );
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="subtitle2">{translate('resources.cases.action.similar')}</Typography>
      <Stack direction="row" spacing={1} sx={{ my: 1 }}>
        <TextField
          size="small"
          type="number"
          label={translate('resources.cases.action.radius')}
          value={radius}
          onChange={(e) => setRadius(Math.max(50, Math.min(5000, Number(e.target.value) || 500)))}
          sx={{ width: 140 }}
        />
      </Stack>
      {similar.error ? (
        <Alert severity="info">{translate('app.degraded', { detail: (similar.error as Error).message })}</Alert>
      ) : (
        <CaseChoices cases={similar.data ?? []} exclude={String(record?.id)} />
      )}
      <Stack direction="row" spacing={1} sx={{ my: 1 }}>
        <TextField
          size="small"
          label={translate('resources.cases.filters.q')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), setQ(text.trim()))}
          fullWidth
        />
        <Button onClick={() => setQ(text.trim())}>{translate('resources.cases.action.search')}</Button>
      </Stack>
      {q.length > 1 && <CaseChoices cases={search.data ?? []} exclude={String(record?.id)} />}
    </Box>
  );
}
