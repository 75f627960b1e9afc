import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { api, type Announcement, type Commune } from '../api';
import { accountReports, signOut, useAccount } from '../citizen-account';
import { LoadError, PageTitle, useLoad } from '../common';
import { formatDate, useI18n } from '../i18n';
import { useMyReports } from '../useMyReports';

const AREA_KEY = 'portal.area';

export function Home() {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [code, setCode] = useState('');
  const [codeMissing, setCodeMissing] = useState(false);
  const { sent, waiting, ready } = useMyReports();
  const account = useAccount();
  const signedIn = account.state === 'signed-in';
  const [mine] = useLoad(
    () => (signedIn ? accountReports() : Promise.resolve({ items: [], total: 0 })),
    [signedIn, language],
  );
  // The account's reports (from any device) with this device's, each once, newest first.
  const accountItems = mine.state === 'ok' ? mine.data.items : [];
  const onDevice = new Set(sent.map((r) => r.trackingCode));
  const reports = [
    ...sent.map((r) => ({
      ...r,
      statusLabel: accountItems.find((a) => a.trackingCode === r.trackingCode)?.statusLabel,
    })),
    ...accountItems.filter((a) => !onDevice.has(a.trackingCode)),
  ].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const arrival = location.state as { signedIn?: boolean; claimed?: number; conflicts?: string[] } | null;
  const [area, setArea] = useState(() => localStorage.getItem(AREA_KEY) ?? '');
  const [communes] = useLoad(() => api<Commune[]>('/communes'), [language]);
  const [announcements, reloadAnnouncements] = useLoad(
    () => api<Announcement[]>(`/announcements${area ? `?communeCode=${encodeURIComponent(area)}` : ''}`),
    [area, language],
  );

  // The link of an alert message (notifications/links.ts) opens the home at its announcements.
  useEffect(() => {
    if (location.hash === '#announcements') document.getElementById('announcements')?.scrollIntoView();
  }, [location.hash]);

  function track(event: FormEvent) {
    event.preventDefault();
    const trimmed = code.trim();
    // An empty search says what is missing instead of doing nothing; the field keeps the focus.
    setCodeMissing(!trimmed);
    if (trimmed) void navigate(`/track/${encodeURIComponent(trimmed)}`);
    else document.getElementById('track-code')?.focus();
  }

  return (
    <>
      <PageTitle>{t('appName')}</PageTitle>
      <p className="lead">{t('homeIntro')}</p>
      <Link to="/report" className="button primary big" data-testid="new-report">
        {t('reportButton')}
      </Link>
      <Link to="/map" className="button big" data-testid="map-link">
        {t('mapLink')}
      </Link>

      <section aria-labelledby="track-heading" className="card">
        <h2 id="track-heading">{t('trackTitle')}</h2>
        <form onSubmit={track} className="inline-form" noValidate>
          <label htmlFor="track-code">{t('trackCodeLabel')}</label>
          <input
            id="track-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder={t('trackCodeHint')}
            autoCapitalize="characters"
            autoComplete="off"
            {...(codeMissing && { 'aria-invalid': true, 'aria-describedby': 'track-code-error' })}
          />
          {codeMissing && (
            <p id="track-code-error" className="field-error" role="alert">
              {t('errTrackCode')}
            </p>
          )}
          <button type="submit">{t('trackButton')}</button>
        </form>
      </section>

      <section aria-labelledby="mine-heading" className="card">
        <h2 id="mine-heading">{signedIn ? t('myReportsAccount') : t('myReports')}</h2>
        {arrival?.signedIn && (
          <div className="notice" role="status" data-testid="signed-in-notice">
            <p>{t('signedIn')}</p>
            {Boolean(arrival.claimed) && <p>{t('claimedReports', { count: arrival.claimed ?? 0 })}</p>}
            {arrival.conflicts?.map((code) => (
              <p key={code}>{t('claimConflict', { code })}</p>
            ))}
          </div>
        )}
        {signedIn ? (
          <p className="inline-form">
            <span data-testid="signed-in-as">{t('signedInAs', { phone: account.phone })}</span>
            <button type="button" onClick={() => void signOut()} data-testid="sign-out">
              {t('signOut')}
            </button>
          </p>
        ) : (
          account.state === 'signed-out' && (
            <Link to="/sign-in" className="button" data-testid="sign-in-link">
              {t('signInLink')}
            </Link>
          )
        )}
        {ready && reports.length === 0 && waiting.length === 0 && (
          <p>{signedIn ? t('myReportsAccountEmpty') : t('myReportsEmpty')}</p>
        )}
        <ul className="plain-list" data-testid="my-reports">
          {waiting.map((entry) => (
            <li key={entry.key} className="list-item">
              <span className={`badge ${entry.state === 'rejected' ? 'danger' : 'warn'}`}>
                {entry.state === 'rejected' ? t('sendFailed') : t('waitingToSend')}
              </span>
              <span className="snippet">{entry.report.description}</span>
              <small>{formatDate(entry.createdAt, language)}</small>
            </li>
          ))}
          {reports.map((report) => (
            <li key={report.trackingCode} className="list-item">
              <Link to={`/track/${report.trackingCode}`} className="code">
                {report.trackingCode}
              </Link>
              {report.statusLabel && <span className="badge">{report.statusLabel}</span>}
              <span className="snippet">{report.description}</span>
              <small>{formatDate(report.createdAt, language)}</small>
            </li>
          ))}
        </ul>
      </section>

      <section id="announcements" aria-labelledby="announcements-heading" className="card">
        <h2 id="announcements-heading">{t('announcements')}</h2>
        <label htmlFor="area">{t('announcementsArea')}</label>
        <select
          id="area"
          value={area}
          onChange={(e) => {
            setArea(e.target.value);
            localStorage.setItem(AREA_KEY, e.target.value);
          }}
        >
          <option value="">{t('allProvince')}</option>
          {communes.state === 'ok' &&
            communes.data.map((c) => (
              <option key={c.code} value={c.code}>
                {c.fullName}
              </option>
            ))}
        </select>
        {announcements.state === 'loading' && <p role="status">{t('loading')}</p>}
        {announcements.state === 'error' && <LoadError retry={reloadAnnouncements} />}
        {announcements.state === 'ok' &&
          (announcements.data.length === 0 ? (
            <p>{t('noAnnouncements')}</p>
          ) : (
            <ul className="plain-list">
              {announcements.data.map((a) => (
                <li key={a.id} className={`announcement severity-${a.severity}`}>
                  <h3>{a.title}</h3>
                  <p className="message-text">{a.body}</p>
                  <small>{formatDate(a.validFrom, language)}</small>
                </li>
              ))}
            </ul>
          ))}
      </section>
    </>
  );
}
