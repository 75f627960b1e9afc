import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { api, ApiError, type CaseView } from '../api';
import { ActionForm, WaitingAction } from '../case-actions';
import { LoadError, PageTitle, useLoad } from '../common';
import { formatDate, useI18n, type MessageKey } from '../i18n';
import { Icon } from '../icons';
import { findReport } from '../outbox';
import { useWaitingActions } from '../useWaitingActions';

export default function Track() {
  const { code = '' } = useParams();
  const { t, language } = useI18n();
  const [view, reload] = useLoad(async () => {
    const saved = await findReport(code).catch(() => undefined);
    const headers: Record<string, string> = saved ? { 'X-Citizen-Token': saved.citizenToken } : {};
    const data = await api<CaseView>(`/reports/${encodeURIComponent(code)}`, { headers });
    return { data, token: saved?.citizenToken };
  }, [code, language]);
  const waiting = useWaitingActions(code);
  const sent = useSentActions(
    waiting.map((e) => e.key),
    reload,
  );

  if (view.state === 'loading')
    return (
      <>
        <PageTitle>{code.toUpperCase()}</PageTitle>
        <p role="status">{t('loading')}</p>
      </>
    );
  if (view.state === 'error') {
    const error = view.error;
    const message: MessageKey | undefined =
      error instanceof ApiError && error.status === 404
        ? 'notFound'
        : error instanceof ApiError && error.code === 'CITIZEN_TOKEN_INVALID'
          ? 'tokenInvalid'
          : undefined;
    return (
      <>
        <PageTitle>{code.toUpperCase()}</PageTitle>
        {message ? (
          <p role="alert" className="notice error">
            {t(message)}
          </p>
        ) : (
          <LoadError retry={reload} />
        )}
      </>
    );
  }
  const { data: c, token } = view.data;
  const reporter = c.allowedActions !== undefined;
  const proof = c.media.filter((m) => m.purpose === 'proof');
  const other = c.media.filter((m) => m.purpose !== 'proof');
  const waitingKinds = new Set(waiting.map((e) => e.kind));
  // An action made on this device and not yet sent takes the place of its form.
  const offered = (c.allowedActions ?? []).filter((a) => !waitingKinds.has(a));
  const question = c.timeline?.findLast((e) => e.kind === 'info_requested')?.note;
  // allowedActions come with the reporter's view only: a token on this device, or the account's case.
  const form = (action: 'rate' | 'info' | 'withdraw') =>
    offered.includes(action) && (
      <ActionForm trackingCode={c.trackingCode} token={token} action={action} question={question} />
    );

  return (
    <>
      <PageTitle>{c.trackingCode}</PageTitle>
      {sent.done && (
        <p className="notice" role="status" data-testid="action-sent">
          {t('actionDone')}
        </p>
      )}
      <section className="card" data-testid="case-summary">
        <dl className="facts">
          <dt>{t('status')}</dt>
          <dd>
            <span className={`badge status-${c.status}`} data-testid="case-status">
              {c.statusLabel}
            </span>
          </dd>
          {c.category && (
            <>
              <dt>{t('category')}</dt>
              <dd>{c.category.name}</dd>
            </>
          )}
          {c.unit && (
            <>
              <dt>{t('unit')}</dt>
              <dd>{c.unit.name}</dd>
            </>
          )}
          {c.deadline && (
            <>
              <dt>{t('deadline')}</dt>
              <dd data-testid="case-deadline">{formatDate(c.deadline, language)}</dd>
            </>
          )}
          <dt>{t('createdAt')}</dt>
          <dd>{formatDate(c.createdAt, language)}</dd>
          {c.publishedAt && (
            <>
              <dt>{t('publishedAt')}</dt>
              <dd data-testid="case-published">{formatDate(c.publishedAt, language)}</dd>
            </>
          )}
          {c.closedAt && (
            <>
              <dt>{t('closedAt')}</dt>
              <dd data-testid="case-closed">{formatDate(c.closedAt, language)}</dd>
            </>
          )}
        </dl>
        {c.description && <p className="description">{c.description}</p>}
        {c.location?.address && (
          <p className="hint with-icon">
            <Icon name="location_on" /> {c.location.address}
          </p>
        )}
      </section>

      {c.reply && (
        <section className="card" aria-labelledby="reply-heading" data-testid="case-reply">
          <h2 id="reply-heading">{t('reply')}</h2>
          <p className="description">{c.reply.text}</p>
          <small>{formatDate(c.reply.publishedAt, language)}</small>
        </section>
      )}
      {proof.length > 0 && <Gallery title={t('proof')} items={proof} token={token} reporter={reporter} />}
      {other.length > 0 && <Gallery title={t('attachments')} items={other} token={token} reporter={reporter} />}

      {waiting.map((entry) => (
        <WaitingAction key={entry.key} entry={entry} onDiscard={sent.discarded} />
      ))}
      {form('info')}
      {form('rate')}
      {c.rating && (
        <div className="notice" data-testid="case-rating">
          <p>{t('yourRating', { n: c.rating.score })}</p>
          {c.rating.comment && <p>{t('ratingComment', { comment: c.rating.comment })}</p>}
        </div>
      )}

      {c.timeline && c.timeline.length > 0 && (
        <section className="card" aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">{t('timeline')}</h2>
          <ol className="timeline" data-testid="timeline">
            {c.timeline.map((entry, i) => (
              <li key={`${entry.at}-${i}`}>
                <strong>{entry.label}</strong>
                <small>{formatDate(entry.at, language)}</small>
                {entry.note && <p className="message-text">{entry.note}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}

      {form('withdraw')}
    </>
  );
}

/**
 * Notices when one of this case's waiting actions has left the device because the API has it
 * (not because the citizen dropped it), and loads the case again to show what it changed.
 */
function useSentActions(keys: string[], reload: () => void): { done: boolean; discarded: (key: string) => void } {
  const [done, setDone] = useState(false);
  const previous = useRef<string[]>([]);
  const dropped = useRef(new Set<string>());
  const current = keys.join(' ');
  useEffect(() => {
    const now = new Set(keys);
    const arrived = previous.current.filter((k) => !now.has(k) && !dropped.current.has(k));
    previous.current = keys;
    if (arrived.length > 0) {
      setDone(true);
      reload();
    } else if (keys.length > 0) setDone(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `current` is `keys` as a value; `reload` only bumps a counter, any render's copy does
  }, [current]);
  return { done, discarded: (key) => dropped.current.add(key) };
}

/**
 * The reporter's own files are read with X-Citizen-Token (or the signed-in account's cookie), which an <img> cannot send: they are
 * fetched and shown as data: URLs (the CSP allows data: images, not blob:). Public files are
 * plain links.
 */
function PrivateImage({ url, token, alt }: { url: string; token: string | undefined; alt: string }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    // Without a token on this device, the signed-in account's cookie proves the reporter.
    void fetch(url, { headers: token ? { 'X-Citizen-Token': token } : {} })
      .then((r) => (r.ok ? r.blob() : Promise.reject(new Error(String(r.status)))))
      .then(
        (blob) =>
          new Promise<string>((resolve, reject) => {
            const reader = new FileReader();
            reader.onload = () => resolve(String(reader.result));
            reader.onerror = () => reject(reader.error ?? new Error('read failed'));
            reader.readAsDataURL(blob);
          }),
      )
      .then((data) => live && setSrc(data))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [url, token]);
  return src ? <img src={src} alt={alt} /> : <span className="video-tile" aria-label={alt} role="img" />;
}

function Gallery({
  title,
  items,
  token,
  reporter,
}: {
  title: string;
  items: CaseView['media'];
  token: string | undefined;
  /** The reporter's view: their own files are not public, fetched with the token or the session. */
  reporter: boolean;
}) {
  return (
    <section className="card">
      <h2>{title}</h2>
      <ul className="previews">
        {items.map((m, i) => {
          const alt = `${title} ${i + 1}`;
          const isImage = Boolean(m.thumbnailUrl) || m.contentType.startsWith('image/');
          if (reporter)
            return (
              <li key={m.id}>
                {isImage ? (
                  <PrivateImage url={m.thumbnailUrl ?? m.url} token={token} alt={alt} />
                ) : (
                  <span className="video-tile">
                    <Icon name="movie" />
                  </span>
                )}
              </li>
            );
          return (
            <li key={m.id}>
              <a href={m.url} target="_blank" rel="noreferrer">
                {isImage ? (
                  <img src={m.thumbnailUrl ?? m.url} alt={alt} loading="lazy" />
                ) : (
                  <span className="video-tile">
                    <Icon name="movie" /> {alt}
                  </span>
                )}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
