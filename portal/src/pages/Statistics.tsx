import { useState } from 'react';
import { api } from '../api';
import { LoadError, PageTitle, useLoad } from '../common';
import { useI18n } from '../i18n';

/** A row of GET /api/v1/statistics: counts and shares only (docs/statistics.md). */
interface PublicRow {
  key: string | null;
  name: string | null;
  nameEn: string | null;
  received: number;
  processed: number;
  onTime: number;
  late: number;
  onTimeShare: number | null;
  rated: number;
  meanRating: number | null;
  satisfiedShare: number | null;
}

interface PublicStatistics {
  period: { from: string; to: string };
  total: PublicRow;
  units: PublicRow[];
  categories: PublicRow[];
}

const PERIODS = { year: 364, month: 29 } as const;

/** Today in Hà Tĩnh (UTC+7, no daylight saving), YYYY-MM-DD. */
function haTinhDay(offsetDays = 0): string {
  return new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** Transparency: how each unit and each field did, as leaders are judged (received, on time, satisfied). */
export default function Statistics() {
  const { t, language } = useI18n();
  const [period, setPeriod] = useState<keyof typeof PERIODS>('year');
  const [figures, reload] = useLoad(() => {
    const query = new URLSearchParams({ from: haTinhDay(-PERIODS[period]), to: haTinhDay() });
    return api<PublicStatistics>(`/statistics?${query}`);
  }, [period, language]);
  const percent = (share: number | null) =>
    share === null
      ? '–'
      : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(share);
  const number = (n: number) => new Intl.NumberFormat(language).format(n);
  const nameOf = (row: PublicRow) => (language === 'en' ? (row.nameEn ?? row.name) : row.name) ?? t('statsNoUnit');

  const table = (id: string, caption: string, first: string, rows: PublicRow[]) => (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{caption}</h2>
      {rows.length === 0 ? (
        <p>{t('statsEmpty')}</p>
      ) : (
        <table className="stats-table" data-testid={id}>
          <thead>
            <tr>
              <th scope="col">{first}</th>
              <th scope="col">{t('statsReceived')}</th>
              <th scope="col">{t('statsProcessed')}</th>
              <th scope="col">{t('statsOnTime')}</th>
              <th scope="col">{t('statsSatisfied')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key ?? ''}>
                <th scope="row">{nameOf(row)}</th>
                <td>{number(row.received)}</td>
                <td>{number(row.processed)}</td>
                <td>{percent(row.onTimeShare)}</td>
                <td>{percent(row.satisfiedShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );

  return (
    <>
      <PageTitle>{t('statsTitle')}</PageTitle>
      <p>{t('statsIntro')}</p>
      <div className="card filters">
        <label htmlFor="stats-period">{t('statsPeriod')}</label>
        <select
          id="stats-period"
          value={period}
          onChange={(event) => setPeriod(event.target.value as keyof typeof PERIODS)}
        >
          <option value="year">{t('statsLastYear')}</option>
          <option value="month">{t('statsLastMonth')}</option>
        </select>
      </div>
      {figures.state === 'loading' && <p role="status">{t('loading')}</p>}
      {figures.state === 'error' && <LoadError retry={reload} />}
      {figures.state === 'ok' && (
        <>
          <section className="card stats-total" aria-labelledby="stats-total-heading" data-testid="stats-total">
            <h2 id="stats-total-heading">{t('statsTotal')}</h2>
            <dl>
              <dt>{t('statsReceived')}</dt>
              <dd>{number(figures.data.total.received)}</dd>
              <dt>{t('statsProcessed')}</dt>
              <dd>{number(figures.data.total.processed)}</dd>
              <dt>{t('statsOnTime')}</dt>
              <dd>{percent(figures.data.total.onTimeShare)}</dd>
              <dt>{t('statsSatisfied')}</dt>
              <dd>{percent(figures.data.total.satisfiedShare)}</dd>
            </dl>
          </section>
          {table('stats-units', t('statsByUnit'), t('statsUnit'), figures.data.units)}
          {table('stats-categories', t('statsByCategory'), t('category'), figures.data.categories)}
          <p className="hint">{t('statsDefinitions')}</p>
        </>
      )}
    </>
  );
}
