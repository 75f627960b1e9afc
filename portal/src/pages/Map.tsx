/**
 * The public map (/map): published reports of the area on screen (the public feed with `bbox`),
 * reloaded when the map moves, filtered by category; below it the same reports as a list, the
 * way to read them without the map. The feed carries no personal data, and neither does this page.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, type CaseView, type Category, type FeedPage } from '../api';
import { LoadError, PageTitle, useLoad } from '../common';
import { formatDate, useI18n } from '../i18n';
import { MapBoundary } from '../map/MapUnavailable';
import { FilterSelect } from '../filter-select';

const ReportsMap = lazy(() => import('../map/ReportsMap'));

/** The feed's largest page: the newest reports of the area; zooming in shows the others. */
const MAP_PAGE_SIZE = 100;

export default function MapPage() {
  const { t, language } = useI18n();
  const [categoryCode, setCategoryCode] = useState('');
  /** The area on screen; until the map reports one (or without a map), the whole feed. */
  const [bbox, setBbox] = useState<string>();
  const [categories] = useLoad(() => api<Category[]>('/categories'), [language]);
  const [feed, reload] = useLoad(() => {
    const query = new URLSearchParams({ pageSize: String(MAP_PAGE_SIZE) });
    if (categoryCode) query.set('categoryCode', categoryCode);
    if (bbox) query.set('bbox', bbox);
    return api<FeedPage>(`/reports?${query}`);
  }, [categoryCode, bbox, language]);
  // The last answer stays on the map and in the list while the next area loads.
  const [shown, setShown] = useState<{ items: CaseView[]; total: number }>({ items: [], total: 0 });
  useEffect(() => {
    if (feed.state === 'ok') setShown({ items: feed.data.items, total: feed.data.total });
  }, [feed]);

  return (
    <>
      <PageTitle>{t('mapTitle')}</PageTitle>
      <div className="card filters">
        <FilterSelect
          id="m-category"
          label={t('category')}
          all={t('allCategories')}
          value={categoryCode}
          choices={
            categories.state === 'ok' ? categories.data.map((c) => ({ value: c.code, label: c.name })) : undefined
          }
          onChange={setCategoryCode}
        />
      </div>
      <MapBoundary message={t('mapTilesFailedList')}>
        <Suspense fallback={<div className="map-frame map-frame-tall" role="status" aria-label={t('loading')} />}>
          <ReportsMap reports={shown.items} onArea={setBbox} />
        </Suspense>
      </MapBoundary>

      <section aria-labelledby="map-list-heading">
        <h2 id="map-list-heading">{t('mapListTitle')}</h2>
        {feed.state === 'loading' && <p role="status">{t('loading')}</p>}
        {feed.state === 'error' && <LoadError retry={reload} />}
        <p aria-live="polite" className="hint">
          {shown.total === 0
            ? feed.state === 'ok' && t('mapListEmpty')
            : shown.total > shown.items.length
              ? t('mapListMore', { shown: shown.items.length, total: shown.total })
              : t('mapListCount', { total: shown.total })}
        </p>
        <ul className="plain-list" data-testid="map-list">
          {shown.items.map((item) => (
            <li key={item.trackingCode} className="list-item">
              <Link to={`/track/${item.trackingCode}`} className="map-list-link">
                {item.category?.name ?? item.trackingCode}
              </Link>
              <span>
                <span className={`badge status-${item.status}`}>{item.statusLabel}</span>{' '}
                <small>{formatDate(item.publishedAt ?? item.createdAt, language)}</small>
              </span>
              {item.location?.commune && <small>{item.location.commune.name}</small>}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
