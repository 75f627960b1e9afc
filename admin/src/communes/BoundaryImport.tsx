/**
 * Importing every commune's boundary from one GeoJSON file (what the province's GIS exports):
 * a preview first (what changes, which communes would still have none), then the import. The API
 * refuses a file with any problem as a whole and names each feature; those lines are shown here.
 */
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Button, useCanAccess, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider, CommuneBoundaryImportSummary } from '../providers/dataProvider';
import { readJsonFile } from './boundaryFile';

interface Failure {
  message: string;
  lines: string[];
}

function failureOf(error: unknown): Failure {
  const e = error as { message?: string; body?: { errors?: Record<string, string> } };
  const lines = Object.entries(e.body?.errors ?? {}).map(([field, text]) => {
    const index = /features\.(\d+)/.exec(field)?.[1];
    return index === undefined ? text : `#${Number(index) + 1}: ${text}`;
  });
  return { message: e.message ?? String(error), lines };
}

export function BoundaryImportButton() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'communes', action: 'edit' });
  const [open, setOpen] = useState(false);
  const [geojson, setGeojson] = useState<unknown>();
  const [fileName, setFileName] = useState('');
  const [codeProperty, setCodeProperty] = useState('code');
  const [preview, setPreview] = useState<CommuneBoundaryImportSummary>();
  const [failure, setFailure] = useState<Failure>();
  const [busy, setBusy] = useState(false);
  if (!canAccess) return null;

  function reset() {
    setGeojson(undefined);
    setFileName('');
    setPreview(undefined);
    setFailure(undefined);
  }

  async function pick(file: File | undefined) {
    reset();
    if (!file) return;
    setFileName(file.name);
    try {
      setGeojson(await readJsonFile(file));
    } catch {
      setFailure({ message: translate('resources.communes.boundary.unreadable', { name: file.name }), lines: [] });
    }
  }

  async function send(dryRun: boolean) {
    setBusy(true);
    setFailure(undefined);
    try {
      const summary = await dataProvider.importCommuneBoundaries({ geojson, codeProperty, dryRun });
      if (dryRun) setPreview(summary);
      else {
        notify('resources.communes.import.done', { type: 'info', messageArgs: { count: summary.updated.length } });
        setOpen(false);
        reset();
        refresh();
      }
    } catch (error) {
      setPreview(undefined);
      setFailure(failureOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button label="resources.communes.import.button" onClick={() => setOpen(true)} data-testid="import-boundaries">
        <UploadFileIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('resources.communes.import.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography variant="body2">{translate('resources.communes.import.help')}</Typography>
            <MuiButton variant="outlined" component="label" startIcon={<UploadFileIcon />}>
              {fileName || translate('resources.communes.import.choose')}
              <input
                hidden
                type="file"
                accept=".geojson,.json,application/geo+json,application/json"
                data-testid="boundary-file"
                onChange={(e) => void pick(e.target.files?.[0])}
              />
            </MuiButton>
            <TextField
              label={translate('resources.communes.import.code_property')}
              value={codeProperty}
              onChange={(e) => (setCodeProperty(e.target.value), setPreview(undefined))}
              size="small"
            />
            {failure && (
              <Alert severity="error" data-testid="import-problems">
                {failure.message}
                {failure.lines.length > 0 && (
                  <List dense>
                    {failure.lines.map((line) => (
                      <ListItem key={line}>{line}</ListItem>
                    ))}
                  </List>
                )}
              </Alert>
            )}
            {preview && (
              <Alert severity="info" data-testid="import-preview">
                {translate('resources.communes.import.preview', {
                  updated: preview.updated.length,
                  unchanged: preview.unchanged.length,
                })}
                {preview.stillWithout.length > 0 &&
                  ` ${translate('resources.communes.import.still_without', {
                    count: preview.stillWithout.length,
                    codes: preview.stillWithout.join(', '),
                  })}`}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton disabled={!geojson || busy} onClick={() => void send(true)}>
            {translate('resources.communes.import.check')}
          </MuiButton>
          <MuiButton
            variant="contained"
            disabled={!preview || busy || preview.updated.length === 0}
            onClick={() => void send(false)}
            data-testid="import-apply"
          >
            {translate('resources.communes.import.apply')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
