import { lazy, Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { Link } from 'react-router';
import { api, type Category, type Commune } from '../api';
import { CategoryIcon, LoadError, PageTitle, useLoad, useOnline } from '../common';
import { useI18n, type MessageKey } from '../i18n';
import { Icon } from '../icons';
import { MapBoundary } from '../map/MapUnavailable';
import { pointOf } from '../map/point';
import { useCommuneOfPoint } from '../map/useCommuneOfPoint';
import { discard, enqueue } from '../outbox';
import { MediaPicker } from '../media-picker';
import { NearbyHint, type Followed } from '../nearby-hint';
import type { Picked } from '../picked-files';
import { useMyReports } from '../useMyReports';

// Leaflet is loaded only when the form shows its map, after the form itself.
const PointPicker = lazy(() => import('../map/PointPicker'));

type Field = 'category' | 'description' | 'location' | 'latlng' | 'phone' | 'email';

/** A new form for every report (the key remounts it). */
export default function Report() {
  const [round, setRound] = useState(0);
  return <ReportForm key={round} onAnother={() => setRound((r) => r + 1)} />;
}

function ReportForm({ onAnother }: { onAnother: () => void }) {
  const { t, language } = useI18n();
  const online = useOnline();
  const [categories, reloadCategories] = useLoad(() => api<Category[]>('/categories'), [language]);
  const [communes] = useLoad(() => api<Commune[]>('/communes'), [language]);

  const [categoryCode, setCategoryCode] = useState('');
  const [description, setDescription] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [files, setFiles] = useState<Picked[]>([]);
  const [lat, setLat] = useState('');
  const [lng, setLng] = useState('');
  const [address, setAddress] = useState('');
  const [communeCode, setCommuneCode] = useState('');
  /** A commune the citizen chose stays chosen, wherever the point moves afterwards. */
  const [communeByHand, setCommuneByHand] = useState(false);
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed' | { accuracy: number }>('idle');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [confidential, setConfidential] = useState(true);
  const [errors, setErrors] = useState<Partial<Record<Field, MessageKey>>>({});
  const [busy, setBusy] = useState(false);
  const [sentKey, setSentKey] = useState<string>();
  const [followed, setFollowed] = useState<Followed>();

  const point = pointOf(lat, lng);
  const located = useCommuneOfPoint(point, language);
  useEffect(() => {
    if (communeByHand || located === undefined) return;
    setCommuneCode(located === 'none' ? '' : located.code);
  }, [located, communeByHand]);

  function locate() {
    if (!('geolocation' in navigator)) {
      setLocating('failed');
      return;
    }
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLat(position.coords.latitude.toFixed(6));
        setLng(position.coords.longitude.toFixed(6));
        setLocating({ accuracy: Math.round(position.coords.accuracy) });
      },
      () => setLocating('failed'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  function validate(): Partial<Record<Field, MessageKey>> {
    const found: Partial<Record<Field, MessageKey>> = {};
    if (!categoryCode) found.category = 'errCategory';
    if (description.trim().length < 10) found.description = 'errDescription';
    const hasLat = lat.trim() !== '';
    const hasLng = lng.trim() !== '';
    const latN = Number(lat);
    const lngN = Number(lng);
    if (
      hasLat !== hasLng ||
      (hasLat && (!Number.isFinite(latN) || Math.abs(latN) > 90 || !Number.isFinite(lngN) || Math.abs(lngN) > 180))
    )
      found.latlng = 'errLatLng';
    else if (!hasLat && !address.trim()) found.location = 'errLocation';
    if (phone.trim() && !/^\+?[0-9 .-]{8,20}$/.test(phone.trim())) found.phone = 'errPhone';
    if (email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.email = 'errEmail';
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate();
    // Rendered at once, so the first invalid field can take the focus (its error is its description).
    flushSync(() => setErrors(found));
    if (Object.keys(found).length > 0) {
      document.querySelector<HTMLElement>('[data-testid="report-form"] [aria-invalid="true"]')?.focus();
      return;
    }
    const reporter = {
      ...(name.trim() && { name: name.trim() }),
      ...(phone.trim() && { phone: phone.trim() }),
      ...(email.trim() && { email: email.trim() }),
      language,
    };
    const report = {
      categoryCode,
      description: description.trim(),
      level: urgent ? 'urgent' : 'normal',
      confidential,
      location: {
        ...(lat.trim() && { lat: Number(lat), lng: Number(lng) }),
        ...(address.trim() && { address: address.trim() }),
        ...(communeCode && { communeCode }),
      },
      ...(Object.keys(reporter).length > 1 && { reporter }),
    };
    setBusy(true);
    try {
      setSentKey(
        await enqueue(
          report,
          files.map((f) => f.file),
        ),
      );
      window.scrollTo(0, 0);
    } finally {
      setBusy(false);
    }
  }

  if (sentKey) return <Submission entryKey={sentKey} onAnother={onAnother} />;
  if (followed) return <FollowedReport followed={followed} onAnother={onAnother} />;

  const invalid = (field: Field) =>
    errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${field}-error` } : {};
  const errorText = (field: Field) =>
    errors[field] && (
      <p id={`${field}-error`} className="field-error">
        {t(errors[field])}
      </p>
    );

  return (
    <>
      <PageTitle>{t('reportTitle')}</PageTitle>
      <form onSubmit={submit} noValidate data-testid="report-form">
        {Object.keys(errors).length > 0 && (
          <p role="alert" className="notice error">
            {t('formHasErrors')}
          </p>
        )}
        <fieldset className="card" {...(errors.category && { 'aria-describedby': 'category-error' })}>
          <legend>{t('stepCategory')}</legend>
          {categories.state === 'loading' && <p role="status">{t('loading')}</p>}
          {categories.state === 'error' && <LoadError retry={reloadCategories} />}
          {categories.state === 'ok' && (
            <div className="category-grid">
              {categories.data.map((c) => (
                <label key={c.code} className={`category-option${categoryCode === c.code ? ' selected' : ''}`}>
                  <input
                    type="radio"
                    name="category"
                    value={c.code}
                    checked={categoryCode === c.code}
                    onChange={() => setCategoryCode(c.code)}
                    {...invalid('category')}
                  />
                  <CategoryIcon icon={c.icon} />
                  <span>{c.name}</span>
                </label>
              ))}
            </div>
          )}
          {errorText('category')}
        </fieldset>

        <fieldset className="card">
          <legend>{t('stepDescription')}</legend>
          <label htmlFor="description">{t('descriptionLabel')}</label>
          <p id="description-hint" className="hint">
            {t('descriptionHint')}
          </p>
          <textarea
            id="description"
            rows={5}
            maxLength={4000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            aria-describedby={errors.description ? 'description-error description-hint' : 'description-hint'}
            aria-invalid={errors.description ? true : undefined}
          />
          {errorText('description')}
          <label className="check">
            <input type="checkbox" checked={urgent} onChange={(e) => setUrgent(e.target.checked)} />
            {t('urgentLabel')}
          </label>
        </fieldset>

        <fieldset className="card">
          <legend>{t('stepMedia')}</legend>
          <MediaPicker files={files} setFiles={setFiles} />
        </fieldset>

        <fieldset className="card">
          <legend>{t('stepLocation')}</legend>
          <button type="button" onClick={locate} disabled={locating === 'busy'} data-testid="locate">
            <Icon name="my_location" /> {t('useMyLocation')}
          </button>
          <p role="status" className="hint">
            {locating === 'busy' && t('locating')}
            {locating === 'failed' && t('locationFailed')}
            {typeof locating === 'object' && t('locationFound', { accuracy: locating.accuracy })}
          </p>
          <MapBoundary message={t('mapTilesFailed')}>
            <Suspense fallback={<div className="map-frame" role="status" aria-label={t('loading')} />}>
              <PointPicker
                point={point}
                onPick={(picked) => {
                  setLat(picked.lat.toFixed(6));
                  setLng(picked.lng.toFixed(6));
                }}
              />
            </Suspense>
          </MapBoundary>
          <div className="two-columns">
            <div>
              <label htmlFor="lat">{t('latitude')}</label>
              <input
                id="lat"
                inputMode="decimal"
                value={lat}
                onChange={(e) => setLat(e.target.value)}
                {...invalid('latlng')}
              />
            </div>
            <div>
              <label htmlFor="lng">{t('longitude')}</label>
              <input
                id="lng"
                inputMode="decimal"
                value={lng}
                onChange={(e) => setLng(e.target.value)}
                {...invalid('latlng')}
              />
            </div>
          </div>
          {errorText('latlng')}
          <label htmlFor="address">{t('address')}</label>
          <input
            id="address"
            value={address}
            placeholder={t('addressHint')}
            onChange={(e) => setAddress(e.target.value)}
            autoComplete="street-address"
            {...invalid('location')}
          />
          {errorText('location')}
          <label htmlFor="commune">{t('commune')}</label>
          <select
            id="commune"
            value={communeCode}
            onChange={(e) => {
              setCommuneCode(e.target.value);
              setCommuneByHand(e.target.value !== '');
            }}
            aria-describedby="commune-hint"
          >
            <option value="">{t('communeAuto')}</option>
            {communes.state === 'ok' &&
              communes.data.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.fullName}
                </option>
              ))}
          </select>
          <p id="commune-hint" className="hint" aria-live="polite" data-testid="commune-hint">
            {located === 'none' && t('communeNotDetected')}
            {typeof located === 'object' && t('communeDetected', { name: located.fullName })}
          </p>
        </fieldset>

        <NearbyHint point={point} categoryCode={categoryCode} onFollowed={setFollowed} />

        <fieldset className="card">
          <legend>{t('stepReporter')}</legend>
          <label htmlFor="name">{t('name')}</label>
          <input id="name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
          <label htmlFor="phone">{t('phone')}</label>
          <input
            id="phone"
            type="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            autoComplete="tel"
            {...invalid('phone')}
          />
          {errorText('phone')}
          <label htmlFor="email">{t('email')}</label>
          <input
            id="email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="email"
            {...invalid('email')}
          />
          {errorText('email')}
          <label className="check">
            <input
              type="checkbox"
              checked={confidential}
              onChange={(e) => setConfidential(e.target.checked)}
              aria-describedby="confidential-hint"
              data-testid="confidential"
            />
            {t('confidential')}
          </label>
          <p id="confidential-hint" className="hint">
            {t('confidentialHint')}
          </p>
        </fieldset>

        {!online && <p className="notice warn">{t('offlineBanner')}</p>}
        <button type="submit" className="primary big" disabled={busy}>
          {busy ? t('submitting') : t('submit')}
        </button>
      </form>
    </>
  );
}

/** The citizen followed a report nearby ("me too") instead of sending this one. */
function FollowedReport({ followed, onAnother }: { followed: Followed; onAnother: () => void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  return (
    <section className="card" data-testid="followed" aria-live="polite">
      <h1 ref={heading} tabIndex={-1}>
        {t('followedTitle')}
      </h1>
      <p>{t('followedText', { code: followed.trackingCode, n: followed.meTooCount })}</p>
      <Link to={`/track/${followed.trackingCode}`} className="button primary">
        {t('viewReport')}
      </Link>
      <button type="button" onClick={onAnother}>
        {t('newReport')}
      </button>
    </section>
  );
}

/** What became of a report just made: its tracking code, or that it waits on the device. */
function Submission({ entryKey, onAnother }: { entryKey: string; onAnother: () => void }) {
  const { t } = useI18n();
  const { sent, waiting, ready } = useMyReports();
  const saved = sent.find((r) => r.key === entryKey);
  const entry = waiting.find((e) => e.key === entryKey);
  const online = useOnline();
  // Each outcome's heading takes the focus when it shows, so a screen reader says what happened.
  const heading = useRef<HTMLHeadingElement>(null);
  const outcome = saved ? 'saved' : entry?.state === 'rejected' ? 'rejected' : ready ? 'waiting' : 'loading';
  useEffect(() => heading.current?.focus({ preventScroll: true }), [outcome]);

  return (
    <section className="card" data-testid="submission" aria-live="polite">
      {saved ? (
        <>
          <h1 ref={heading} tabIndex={-1} aria-describedby="sent-code">
            {t('sentTitle')}
          </h1>
          <p>{t('sentCodeIntro')}</p>
          <p id="sent-code" className="tracking-code" data-testid="tracking-code">
            {saved.trackingCode}
          </p>
          <p>{t('sentCodeKept')}</p>
          <Link to={`/track/${saved.trackingCode}`} className="button primary">
            {t('viewReport')}
          </Link>
        </>
      ) : entry?.state === 'rejected' ? (
        <>
          <h1 ref={heading} tabIndex={-1}>
            {t('sendFailed')}
          </h1>
          <p role="alert">{t('rejectedText', { reason: entry.lastError ?? '' })}</p>
          <button type="button" onClick={() => void discard(entryKey)}>
            {t('discard')}
          </button>
        </>
      ) : (
        ready && (
          <>
            <h1 ref={heading} tabIndex={-1}>
              {online && entry?.attempts === 0 ? t('submitting') : t('queuedTitle')}
            </h1>
            <p data-testid="queued">{online && entry?.attempts === 0 ? t('sendingText') : t('queuedText')}</p>
          </>
        )
      )}
      <button type="button" onClick={onAnother}>
        {t('newReport')}
      </button>
    </section>
  );
}
