/** Small fields the case screens share: translated enums, directory names, the level chip. */
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useCategories, useCommunes } from '../common/useDirectory';
import { UnitName } from '../common/UnitName';

interface FieldProps {
  source: string;
  label?: string;
  sortable?: boolean;
  sortBy?: string;
}

/** A value translated under `prefix`, e.g. status "processing" → domain.status.processing. */
export function EnumField({ source, prefix }: FieldProps & { prefix: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[source];
  if (value === null || value === undefined || value === '') return null;
  return <span>{translate(`${prefix}.${value}`, { _: String(value) })}</span>;
}

export function StatusField(props: FieldProps) {
  const record = useRecordContext();
  const translate = useTranslate();
  const status = record?.[props.source] as string | undefined;
  if (!status) return null;
  const color =
    status === 'closed' || status === 'responded'
      ? 'success'
      : ['rejected', 'duplicate', 'withdrawn'].includes(status)
        ? 'default'
        : status === 'info_requested'
          ? 'warning'
          : 'info';
  return (
    <Chip
      size="small"
      color={color}
      label={translate(`domain.status.${status}`)}
      data-testid="case-status"
      data-status={status}
    />
  );
}

export function LevelField(props: FieldProps) {
  const record = useRecordContext();
  const translate = useTranslate();
  const level = record?.[props.source] as string | undefined;
  if (!level) return null;
  return (
    <Chip
      size="small"
      variant={level === 'normal' ? 'outlined' : 'filled'}
      color={level === 'urgent' ? 'error' : level === 'complex' ? 'warning' : 'default'}
      label={translate(`domain.level.${level}`)}
    />
  );
}

export function CategoryField(props: FieldProps) {
  const record = useRecordContext();
  const { data } = useCategories();
  const code = record?.[props.source] as string | undefined;
  return <span>{data?.find((c) => c.code === code)?.name ?? code ?? ''}</span>;
}

export function CommuneField(props: FieldProps) {
  const record = useRecordContext();
  const { data } = useCommunes();
  const code = record?.[props.source] as string | undefined;
  return <span>{data?.find((c) => c.code === code)?.fullName ?? code ?? ''}</span>;
}

export function UnitField(props: FieldProps) {
  const record = useRecordContext();
  return <UnitName id={record?.[props.source] as string | undefined} />;
}

export function OverdueField(props: FieldProps) {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.[props.source]) return null;
  return <Chip size="small" color="error" label={translate('resources.cases.fields.overdue')} />;
}
