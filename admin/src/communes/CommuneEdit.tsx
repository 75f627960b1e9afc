import DeleteIcon from '@mui/icons-material/Delete';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Stack, Typography } from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  BooleanInput,
  Button,
  Edit,
  NumberInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  SaveButton,
  Toolbar,
  useTranslate,
} from 'react-admin';
import { readJsonFile, summarizeBoundary } from './boundaryFile';

const KINDS = ['ward', 'commune', 'town'].map((id) => ({ id, name: `domain.commune_kind.${id}` }));

/**
 * The boundary is shown as what it amounts to (a polygon of thousands of points is not for
 * reading); it is replaced from a GeoJSON file (a Feature, or its geometry) or removed.
 */
function BoundaryInput() {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  const boundary = useWatch({ name: 'boundary' });
  const [problem, setProblem] = useState<string>();
  const summary = summarizeBoundary(boundary);

  async function replace(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const json = (await readJsonFile(file)) as { type?: string; geometry?: unknown };
      const geometry = json?.type === 'Feature' ? json.geometry : json;
      if (!summarizeBoundary(geometry)) throw new Error('not an area');
      setProblem(undefined);
      setValue('boundary', geometry, { shouldDirty: true });
    } catch {
      setProblem(translate('resources.communes.boundary.unreadable', { name: file.name }));
    }
  }

  return (
    <Stack spacing={1} sx={{ my: 2 }} data-testid="commune-boundary">
      <Typography variant="subtitle2">{translate('resources.communes.fields.boundary')}</Typography>
      <Typography variant="body2">
        {summary
          ? translate('resources.communes.boundary.summary', {
              type: summary.type,
              polygons: summary.polygons,
              points: summary.points,
              bbox: summary.bbox?.map((n) => n.toFixed(4)).join(', ') ?? '',
            })
          : translate('resources.communes.boundary.none')}
      </Typography>
      {problem && <Alert severity="error">{problem}</Alert>}
      <Stack direction="row" spacing={1}>
        <Button component="label" label="resources.communes.boundary.replace">
          <>
            <UploadFileIcon />
            <input
              hidden
              type="file"
              accept=".geojson,.json,application/geo+json,application/json"
              onChange={replace}
            />
          </>
        </Button>
        {summary && (
          <Button
            label="resources.communes.boundary.remove"
            onClick={() => setValue('boundary', null, { shouldDirty: true })}
          >
            <DeleteIcon />
          </Button>
        )}
      </Stack>
    </Stack>
  );
}

export function CommuneEdit() {
  return (
    <Edit mutationMode="pessimistic">
      {/* No delete: the province's communes are set by law; one no longer used is made inactive. */}
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <TextInput source="code" disabled />
        <TextInput source="name" validate={required()} fullWidth />
        <SelectInput source="kind" choices={KINDS} validate={required()} />
        <NumberInput source="sortOrder" />
        <BooleanInput source="active" />
        <BoundaryInput />
      </SimpleForm>
    </Edit>
  );
}
