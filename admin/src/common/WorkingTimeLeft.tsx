/**
 * Working time left until a deadline, counted in the working calendar (evenings, weekends and
 * holidays do not count), coloured: red once overdue, orange within half a working day, green
 * otherwise. Re-rendered every minute.
 */
import { Chip, Tooltip } from '@mui/material';
import { useEffect, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { workingTimeRemaining } from '../../../domain/working-time';
import { useWorkingCalendar } from './useWorkingCalendar';
import { formatDateTime } from './ha-tinh-time';

const HOUR = 3_600_000;

export function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Working hours of a day of the calendar (Monday's), to say "2 working days". */
function workingDayMs(periods: { start: string; end: string }[] | undefined): number {
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const total = (periods ?? []).reduce((sum, p) => sum + minutes(p.end) - minutes(p.start), 0);
  return total > 0 ? total * 60_000 : 8 * HOUR;
}

export function useFormatWorkingTime() {
  const translate = useTranslate();
  const { calendar } = useWorkingCalendar();
  const dayMs = workingDayMs(calendar.weeklyHours[1]);
  return (ms: number) => {
    const abs = Math.abs(ms);
    if (abs >= 2 * dayMs) return translate('time.days', { smart_count: Math.floor(abs / dayMs) });
    const hours = Math.floor(abs / HOUR);
    const minutes = Math.floor((abs % HOUR) / 60_000);
    if (hours === 0) return translate('time.minutes', { smart_count: minutes });
    return `${translate('time.hours', { smart_count: hours })} ${translate('time.minutes', { smart_count: minutes })}`;
  };
}

export function WorkingTimeLeft({
  due,
  size = 'small',
}: {
  due: string | null | undefined;
  size?: 'small' | 'medium';
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { calendar, approximate } = useWorkingCalendar();
  const format = useFormatWorkingTime();
  const now = useNow();
  if (!due) return <Chip size={size} label={translate('time.no_deadline')} variant="outlined" />;
  const deadline = new Date(due);
  let left: number;
  try {
    left = workingTimeRemaining(calendar, now, deadline);
  } catch {
    left = deadline.getTime() - now.getTime();
  }
  const color = left <= 0 ? 'error' : left < 4 * HOUR ? 'warning' : 'success';
  const label =
    left <= 0 ? translate('time.overdue_by', { time: format(left) }) : translate('time.left', { time: format(left) });
  const title = `${formatDateTime(deadline, locale)}${
    approximate ? ` — ${translate('app.approximate_calendar')}` : ''
  }`;
  return (
    <Tooltip title={title}>
      <Chip size={size} color={color} label={label} data-testid="time-left" data-overdue={left <= 0} />
    </Tooltip>
  );
}
