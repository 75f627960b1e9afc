import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api, ApiError, postJson, type CaseView } from '../api';
import { LoadError, PageTitle, useLoad } from '../common';
import { formatDate, useI18n, type MessageKey } from '../i18n';
import { Icon } from '../icons';
import { findReport } from '../outbox';

type Action = 'rate' | 'info' | 'withdraw';

export default function Track() {
  const { code = '' } = useParams();
  const { t, language } = useI18n();
  const [view, reload] = useLoad(async () => {
    const saved = await findReport(code).catch(() => undefined);
    const headers: Record<string, string> = saved ? { 'X-Citizen-Token': saved.citizenToken } : {};
    const data = await api<CaseView>(`/reports/${encodeURIComponent(code)}`, { headers });
    return { data, token: saved?.citizenToken };
  }, [code, language]);

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
  const proof = c.media.filter((m) => m.purpose === 'proof');
  const other = c.media.filter((m) => m.purpose !== 'proof');
  const actions = c.allowedActions ?? [];

  return (
    <>
      <PageTitle>{c.trackingCode}</PageTitle>
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
              <dd>{formatDate(c.deadline, language)}</dd>
            </>
          )}
          <dt>{t('createdAt')}</dt>
          <dd>{formatDate(c.createdAt, language)}</dd>
        </dl>
        {c.description && <p className="description">{c.description}</p>}
        {c.location?.address && (
          <p className="hint with-icon">
            <Icon name="location_on" /> {c.location.address}
          </p>
        )}
      </section>

      {c.reply && (
        <section className="card" aria-labelledby="reply-heading">
          <h2 id="reply-heading">{t('reply')}</h2>
          <p className="description">{c.reply.text}</p>
          <small>{formatDate(c.reply.publishedAt, language)}</small>
        </section>
      )}
      {proof.length > 0 && <Gallery title={t('proof')} items={proof} token={token} />}
      {other.length > 0 && <Gallery title={t('attachments')} items={other} token={token} />}

      {token && actions.includes('info') && (
        <ActionForm code={c.trackingCode} token={token} action="info" onDone={reload} />
      )}
      {token && actions.includes('rate') && (
        <ActionForm code={c.trackingCode} token={token} action="rate" onDone={reload} />
      )}
      {c.rating && <p className="notice">{t('yourRating', { n: c.rating.score })}</p>}

      {c.timeline && c.timeline.length > 0 && (
        <section className="card" aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">{t('timeline')}</h2>
          <ol className="timeline">
            {c.timeline.map((entry, i) => (
              <li key={`${entry.at}-${i}`}>
                <strong>{entry.label}</strong>
                <small>{formatDate(entry.at, language)}</small>
                {entry.note && <p>{entry.note}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}

      {token && actions.includes('withdraw') && (
        <ActionForm code={c.trackingCode} token={token} action="withdraw" onDone={reload} />
      )}
    </>
  );
}

/**
 * The reporter's own files are read with X-Citizen-Token, which an <img> cannot send: they are
 * fetched and shown as data: URLs (the CSP allows data: images, not blob:). Public files are
 * plain links.
 */
function PrivateImage({ url, token, alt }: { url: string; token: string; alt: string }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    void fetch(url, { headers: { 'X-Citizen-Token': token } })
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

function Gallery({ title, items, token }: { title: string; items: CaseView['media']; token: string | undefined }) {
  return (
    <section className="card">
      <h2>{title}</h2>
      <ul className="previews">
        {items.map((m, i) => {
          const alt = `${title} ${i + 1}`;
          const isImage = Boolean(m.thumbnailUrl) || m.contentType.startsWith('image/');
          if (token)
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

const TITLES: Record<Action, MessageKey> = { rate: 'rateTitle', info: 'infoRequested', withdraw: 'withdrawTitle' };
const PATHS: Record<Action, string> = { rate: 'rating', info: 'info', withdraw: 'withdraw' };

/** The reporter's actions, with the token kept on this device; one Idempotency-Key per form. */
function ActionForm({
  code,
  token,
  action,
  onDone,
}: {
  code: string;
  token: string;
  action: Action;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [score, setScore] = useState(0);
  const [state, setState] = useState<'idle' | 'busy' | MessageKey>('idle');
  const [key, setKey] = useState(() => crypto.randomUUID());
  useEffect(() => setKey(crypto.randomUUID()), [action]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (action === 'rate' && score === 0) return;
    if (action === 'info' && !text.trim()) return;
    if (action === 'withdraw' && !window.confirm(t('withdrawConfirm'))) return;
    const body =
      action === 'rate'
        ? { score, ...(text.trim() && { comment: text.trim() }) }
        : action === 'info'
          ? { answer: text.trim() }
          : { ...(text.trim() && { reason: text.trim() }) };
    setState('busy');
    try {
      await postJson(`/reports/${encodeURIComponent(code)}/${PATHS[action]}`, body, {
        'X-Citizen-Token': token,
        'Idempotency-Key': key,
      });
      setState('actionDone');
      onDone();
    } catch (error) {
      setState(error instanceof ApiError && error.status === 409 ? 'actionNotAllowed' : 'actionFailed');
    }
  }

  const id = `action-${action}`;
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t(TITLES[action])}</h2>
      <form onSubmit={submit}>
        {action === 'rate' && (
          <fieldset className="stars">
            <legend>{t('scoreLegend')}</legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className={score >= n ? 'on' : ''}>
                <input type="radio" name="score" value={n} checked={score === n} onChange={() => setScore(n)} />
                <span aria-hidden="true">★</span>
                <span className="visually-hidden">{t('score', { n })}</span>
              </label>
            ))}
          </fieldset>
        )}
        <label htmlFor={`${id}-text`}>
          {t(action === 'rate' ? 'commentLabel' : action === 'info' ? 'answerLabel' : 'withdrawReason')}
        </label>
        <textarea id={`${id}-text`} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className={action === 'withdraw' ? 'danger' : 'primary'} disabled={state === 'busy'}>
          {t(action === 'rate' ? 'sendRating' : action === 'info' ? 'sendAnswer' : 'withdrawButton')}
        </button>
        {state !== 'idle' && state !== 'busy' && (
          <p role="status" className={state === 'actionDone' ? 'notice' : 'notice error'}>
            {t(state)}
          </p>
        )}
      </form>
    </section>
  );
}
