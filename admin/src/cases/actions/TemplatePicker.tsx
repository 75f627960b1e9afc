/**
 * Reply templates (administrators' texts) for a purpose: choosing one fills the form's text field
 * with the template in the UI's language, placeholders filled from the case; the official then
 * adapts it. Without the templates resource, the field is simply typed.
 */
import { Alert, MenuItem, TextField } from '@mui/material';
import { useGetList, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { useUnitName } from '../../common/UnitName';
import { formatDate } from '../../common/ha-tinh-time';

export interface ReplyTemplate {
  id: string;
  code: string;
  purpose: string;
  titleVi: string;
  titleEn: string;
  bodyVi: string;
  bodyEn: string;
  active?: boolean;
}

export function fillTemplate(body: string, values: Record<string, string | undefined | null>): string {
  return body.replace(/\{\{(\w+)\}\}/g, (match, name: string) => {
    const value = values[name];
    return value === undefined || value === null ? match : value;
  });
}

export function TemplatePicker({
  purpose,
  target,
  codeField,
}: {
  purpose: string;
  target: string;
  codeField?: string;
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const record = useRecordContext();
  const unitName = useUnitName();
  const { setValue } = useFormContext();
  const { data, error } = useGetList<ReplyTemplate>('templates', {
    filter: { purpose, active: true },
    pagination: { page: 1, perPage: 50 },
    sort: { field: 'code', order: 'ASC' },
  });
  if (error)
    return (
      <Alert severity="info" sx={{ mb: 1 }} data-testid="templates-degraded">
        {translate('app.degraded', { detail: (error as Error).message })}
      </Alert>
    );
  if (!data?.length) return null;
  return (
    <TextField
      select
      size="small"
      fullWidth
      label={translate('resources.cases.action.template')}
      helperText={translate('resources.cases.action.template_hint')}
      defaultValue=""
      sx={{ mb: 2 }}
      onChange={(e) => {
        const template = data.find((t) => t.id === e.target.value);
        if (!template) return;
        const body = locale === 'en' ? template.bodyEn : template.bodyVi;
        const text = fillTemplate(body, {
          trackingCode: record?.trackingCode,
          reporterName: record?.reporter?.name ?? '',
          unitName: unitName(record?.unitId) ?? '',
          description: record?.description,
          receivedDate: record?.receivedAt ? formatDate(record.receivedAt, 'vi') : undefined,
        });
        setValue(target, text, { shouldDirty: true, shouldValidate: true });
        if (codeField) setValue(codeField, template.code, { shouldDirty: true });
      }}
    >
      {data.map((t) => (
        <MenuItem key={t.id} value={t.id}>
          {locale === 'en' ? t.titleEn : t.titleVi}
        </MenuItem>
      ))}
    </TextField>
  );
}
