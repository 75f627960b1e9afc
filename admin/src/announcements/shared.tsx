/** What the announcement screens share: enums, the unit choices, the publish buttons. */
import PublishIcon from '@mui/icons-material/Publish';
import UnpublishedIcon from '@mui/icons-material/Unpublished';
import { Chip } from '@mui/material';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useUnitChoices } from '../common/useDirectory';
import { useMe } from '../common/useMe';
import { ADMIN_API } from '../providers/dataProvider';
import { postJson } from '../providers/httpClient';

export const ANNOUNCEMENT_KINDS = ['weather', 'disaster', 'traffic', 'notice', 'other'] as const;
export const SEVERITIES = ['info', 'warning', 'critical'] as const;

export const kindChoices = ANNOUNCEMENT_KINDS.map((id) => ({ id, name: `notif.announcement_kind.${id}` }));
export const severityChoices = SEVERITIES.map((id) => ({ id, name: `notif.severity.${id}` }));

/** A leader writes for the units they lead; the IOC (manage Announcement) for any unit. */
export function useAnnouncementUnitChoices() {
  const me = useMe();
  const all = useUnitChoices();
  if (!me) return [];
  if (me.ability.can('manage', 'Announcement')) return all;
  return me.units.filter((u) => u.roles.includes('leader')).map((u) => ({ id: u.id, name: `${u.name} (${u.code})` }));
}

export function EnumChip({ source, prefix }: { source: string; prefix: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[source] as string | undefined;
  if (!value) return null;
  const color = value === 'critical' ? 'error' : value === 'warning' ? 'warning' : 'default';
  return <Chip size="small" color={color} label={translate(`${prefix}.${value}`, { _: value })} />;
}

export function PublishedChip() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return record.publishedAt ? (
    <Chip size="small" color="success" label={translate('resources.announcements.fields.published')} />
  ) : null;
}

/** Publish (alerts queued for a critical disaster post) or unpublish the record in context. */
export function PublishButton() {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const published = Boolean(record.publishedAt);
  const act = async () => {
    setBusy(true);
    try {
      const { json } = await postJson<{ alertsQueued?: number }>(
        `${ADMIN_API}/announcements/${encodeURIComponent(String(record.id))}/${published ? 'unpublish' : 'publish'}`,
      );
      if (published) notify('notif.unpublished', { type: 'info' });
      else notify('notif.published', { type: 'success', messageArgs: { smart_count: json.alertsQueued ?? 0 } });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      label={published ? 'notif.unpublish' : 'notif.publish'}
      onClick={act}
      disabled={busy}
      data-testid={published ? 'announcement-unpublish' : 'announcement-publish'}
    >
      {published ? <UnpublishedIcon /> : <PublishIcon />}
    </Button>
  );
}
