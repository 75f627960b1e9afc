/** A secret the API returns once (a temporary password, an API key): shown with a copy button. */
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

export function OnceSecretDialog({
  title,
  secret,
  onClose,
}: {
  title: string;
  secret: string | null;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  return (
    <Dialog open={secret !== null} onClose={onClose} data-testid="once-secret">
      <DialogTitle>{translate(title)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography
            component="code"
            sx={{ fontFamily: 'monospace', fontSize: 18, userSelect: 'all', wordBreak: 'break-all' }}
          >
            {secret}
          </Typography>
          <Alert severity="warning">{translate('app.once_only')}</Alert>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button
          startIcon={<ContentCopyIcon />}
          onClick={() => {
            if (secret) void navigator.clipboard?.writeText(secret).then(() => setCopied(true));
          }}
        >
          {translate(copied ? 'app.copied' : 'app.copy')}
        </Button>
        <Button onClick={onClose}>{translate('app.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
