import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Category, type Commune, type FeedPage } from '../api';
import { CategoryIcon, LoadError, PageTitle, useLoad } from '../common';
import { formatDate, useI18n } from '../i18n';
import { Icon } from '../icons';
import { FilterSelect } from '../filter-select';

const PAGE_SIZE = 10;
const STATUSES = ['responded', 'closed'] as const;

/** Published reports only (the API reads no personal data for them), with filters. */
export default function Feed() {
  const { t, language } = useI18n();
  const [categoryCode, setCategoryCode] = useState('');
  const [communeCode, setCommuneCode] = useState('');
  const [status, setStatus] = useState('');
  // Days (YYYY-MM-DD, as <input type="date"> gives them); the API reads them in Hà Tĩnh's time.
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const datesInverted = Boolean(from && to && from > to);
  const [categories] = useLoad(() => api<Category[]>('/categories'), [language]);
  const [communes] = useLoad(() => api<Commune[]>('/communes'), [language]);
  const [feed, reload] = useLoad(() => {
    const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
    if (categoryCode) query.set('categoryCode', categoryCode);
    if (communeCode) query.set('communeCode', communeCode);
    if (status) query.set('status', status);
    // An inverted range is explained beside the dates and not asked for (the API would refuse it).
    if (from && !datesInverted) query.set('from', from);
    if (to && !datesInverted) query.set('to', to);
    return api<FeedPage>(`/reports?${query}`);
  }, [categoryCode, communeCode, status, from, to, page, language]);
  const icons = new Map(categories.state === 'ok' ? categories.data.map((c) => [c.code, c.icon]) : []);
  const pages = feed.state === 'ok' ? Math.max(1, Math.ceil(feed.data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <PageTitle>{t('feedTitle')}</PageTitle>
      <fieldset className="card filters">
        <legend>{t('filters')}</legend>
        <FilterSelect
          id="f-category"
          label={t('category')}
          all={t('allCategories')}
          value={categoryCode}
          choices={
            categories.state === 'ok' ? categories.data.map((c) => ({ value: c.code, label: c.name })) : undefined
          }
          onChange={(v) => (setCategoryCode(v), setPage(1))}
        />
        <FilterSelect
          id="f-commune"
          label={t('commune')}
          all={t('allCommunes')}
          value={communeCode}
          choices={
            communes.state === 'ok' ? communes.data.map((c) => ({ value: c.code, label: c.fullName })) : undefined
          }
          onChange={(v) => (setCommuneCode(v), setPage(1))}
        />
        <FilterSelect
          id="f-status"
          label={t('status')}
          all={t('allStatuses')}
          value={status}
          choices={STATUSES.map((s) => ({
            value: s,
            label: t(s === 'responded' ? 'statusResponded' : 'statusClosed'),
          }))}
          onChange={(v) => (setStatus(v), setPage(1))}
        />
        <div className="two-columns">
          <div>
            <label htmlFor="f-from">{t('dateFrom')}</label>
            <input
              id="f-from"
              type="date"
              value={from}
              max={to || undefined}
              onChange={(e) => (setFrom(e.target.value), setPage(1))}
              {...(datesInverted && { 'aria-invalid': true, 'aria-describedby': 'f-dates-error' })}
            />
          </div>
          <div>
            <label htmlFor="f-to">{t('dateTo')}</label>
            <input
              id="f-to"
              type="date"
              value={to}
              min={from || undefined}
              onChange={(e) => (setTo(e.target.value), setPage(1))}
              {...(datesInverted && { 'aria-invalid': true, 'aria-describedby': 'f-dates-error' })}
            />
          </div>
        </div>
        {datesInverted && (
          <p id="f-dates-error" className="field-error" role="alert">
            {t('errDateRange')}
          </p>
        )}
        {(from || to) && (
          <button type="button" className="clear-dates" onClick={() => (setFrom(''), setTo(''), setPage(1))}>
            {t('clearDates')}
          </button>
        )}
      </fieldset>
      <Link to="/map" className="button" data-testid="map-link">
        {t('mapLink')}
      </Link>
      {feed.state === 'loading' && <p role="status">{t('loading')}</p>}
      {feed.state === 'error' && <LoadError retry={reload} />}
      {feed.state === 'ok' && (
        <>
          {feed.data.items.length === 0 && <p>{t('feedEmpty')}</p>}
          <ul className="plain-list" data-testid="feed">
            {feed.data.items.map((item) => (
              <li key={item.trackingCode} className="card feed-item">
                <h2>
                  {item.category && <CategoryIcon icon={icons.get(item.category.code) ?? ''} />}
                  <Link to={`/track/${item.trackingCode}`}>{item.category?.name ?? item.trackingCode}</Link>
                </h2>
                <p>
                  <span className={`badge status-${item.status}`}>{item.statusLabel}</span>{' '}
                  <small>{formatDate(item.publishedAt ?? item.createdAt, language)}</small>
                </p>
                {item.description && <p className="snippet">{item.description}</p>}
                {item.location?.commune && (
                  <p className="hint with-icon">
                    <Icon name="location_on" /> {item.location.commune.name}
                  </p>
                )}
                {item.reply && (
                  <p className="reply message-text">
                    <strong>{t('reply')}:</strong> {item.reply.text}
                  </p>
                )}
                {item.viewCount !== undefined && <small>{t('views', { n: item.viewCount })}</small>}
              </li>
            ))}
          </ul>
          <nav className="pager" aria-label={t('pageOf', { page, pages })}>
            <button type="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
              {t('previous')}
            </button>
            <span>{t('pageOf', { page, pages })}</span>
            <button type="button" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
              {t('next')}
            </button>
          </nav>
        </>
      )}
    </>
  );
}
