/**
 * "Xuất Excel / CSV": a button with the two formats, downloading what the API builds for the
 * given URL (`format=` is added). Used by the case list and the dashboard's tables.
 */
import { useState } from 'react';
import { Button, Menu, MenuItem } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useNotify, useTranslate } from 'react-admin';
import { downloadFile } from '../providers/httpClient';

export function ExportMenu({
  url,
  label = 'exports.export',
}: {
  url: (format: 'xlsx' | 'csv') => string;
  label?: string;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [busy, setBusy] = useState(false);
  const download = async (format: 'xlsx' | 'csv') => {
    setAnchor(null);
    setBusy(true);
    try {
      await downloadFile(url(format));
    } catch (error) {
      notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size="small"
        startIcon={<DownloadIcon />}
        disabled={busy}
        onClick={(event) => setAnchor(event.currentTarget)}
        aria-haspopup="menu"
      >
        {translate(label)}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => download('xlsx')}>{translate('exports.xlsx')}</MenuItem>
        <MenuItem onClick={() => download('csv')}>{translate('exports.csv')}</MenuItem>
      </Menu>
    </>
  );
}
