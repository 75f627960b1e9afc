/**
 * Duplicate hints in the report form: once a point and a category are chosen, the open reports
 * of that category nearby (GET /api/v1/reports/nearby: distance, status, photo where public), each
 * with "I see this too" (POST /api/v1/reports/{code}/me-too), which follows it instead of sending
 * a new report. The device's follower key is random and kept on the device, so the count is once
 * per device whatever the taps and retries.
 */
import { useEffect, useState } from 'react';
import { api, ApiError } from './api';
import { useI18n } from './i18n';

export interface NearbyReport {
  trackingCode: string;
  status: string;
  statusLabel: string;
  distanceMeters: number;
  description: string;
  address: string | null;
  thumbnailUrl: string | null;
  meTooCount: number;
}

export interface Followed {
  trackingCode: string;
  meTooCount: number;
}

const FOLLOWER_KEY = 'ihatinh-follower';

/** The device's follower key, made once (not a secret: it only makes a second tap count once). */
function followerKey(): string {
  let key = localStorage.getItem(FOLLOWER_KEY);
  if (!key) {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    key = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem(FOLLOWER_KEY, key);
  }
  return key;
}

export function NearbyHint({
  point,
  categoryCode,
  onFollowed,
}: {
  point: { lat: number; lng: number } | undefined;
  categoryCode: string;
  onFollowed: (followed: Followed) => void;
}) {
  const { t, language } = useI18n();
  const [reports, setReports] = useState<NearbyReport[]>([]);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const lat = point?.lat;
  const lng = point?.lng;

  useEffect(() => {
    setReports([]);
    if (lat === undefined || lng === undefined || !categoryCode) return;
    let live = true;
    // A hint is a help, not a step: if it cannot be had, the form goes on without it.
    const timer = setTimeout(() => {
      const query = new URLSearchParams({ lat: String(lat), lng: String(lng), category: categoryCode });
      api<NearbyReport[]>(`/reports/nearby?${query}`).then(
        (found) => live && setReports(found),
        () => undefined,
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [lat, lng, categoryCode, language]);

  async function follow(trackingCode: string) {
    setBusy(trackingCode);
    setFailure(undefined);
    try {
      const followed = await api<Followed>(`/reports/${encodeURIComponent(trackingCode)}/me-too`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ follower: followerKey() }),
      });
      onFollowed(followed);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusy(undefined);
    }
  }

  if (reports.length === 0) return null;
  return (
    <section className="card nearby" aria-labelledby="nearby-title" data-testid="nearby-hint">
      <h2 id="nearby-title">{t('nearbyTitle')}</h2>
      <p className="hint">{t('nearbyIntro')}</p>
      <ul className="nearby-list">
        {reports.map((r) => (
          <li key={r.trackingCode} data-testid="nearby-report" data-code={r.trackingCode}>
            {r.thumbnailUrl && <img src={r.thumbnailUrl} alt="" loading="lazy" width={72} height={72} />}
            <div>
              <p>
                <strong>{r.trackingCode}</strong> · {r.statusLabel} ·{' '}
                {t('nearbyDistance', { metres: r.distanceMeters })}
              </p>
              <p>{r.description}</p>
              {r.address && <p className="hint">{r.address}</p>}
              <p className="hint">{t('meTooCount', { n: r.meTooCount })}</p>
              <button
                type="button"
                onClick={() => void follow(r.trackingCode)}
                disabled={busy !== undefined}
                data-testid="me-too"
              >
                {t('meToo')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {failure && (
        <p role="alert" className="notice error">
          {t('meTooFailed', { reason: failure })}
        </p>
      )}
    </section>
  );
}
