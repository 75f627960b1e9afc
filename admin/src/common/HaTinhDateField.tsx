/**
 * react-admin's DateField in Hà Tĩnh time: DateField formats in the browser's zone, which is
 * not the province's for an official whose computer is set to another one.
 */
import { Typography } from '@mui/material';
import { useFieldValue, useTranslate } from 'react-admin';
import { useHaTinhTime } from './useHaTinhTime';

export function HaTinhDateField({
  source,
  showTime = false,
  emptyText,
}: {
  source: string;
  showTime?: boolean;
  emptyText?: string;
  /** DataTable reads it for the column's header. */
  label?: string;
}) {
  const value = useFieldValue({ source });
  const time = useHaTinhTime();
  const translate = useTranslate();
  const text = value
    ? showTime
      ? time.dateTime(value)
      : time.date(value)
    : emptyText
      ? translate(emptyText, { _: emptyText })
      : '';
  return (
    <Typography component="span" variant="body2">
      {text}
    </Typography>
  );
}
