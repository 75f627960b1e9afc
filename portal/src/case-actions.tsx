/**
 * The reporter's actions on their case page: rate, answer a request for information (with
 * photos), withdraw. Nothing is sent from here: each action goes to the outbox (./outbox.ts),
 * which keeps it on the device until the API has it, so an action made offline is not lost.
 */
import { useState, type FormEvent } from 'react';
import { useOnline } from './common';
import { useI18n, type MessageKey } from './i18n';
import { discardAction, type ActionEntry, type ActionKind } from './outbox-actions';
import { enqueueAction } from './outbox';
import { MediaPicker } from './media-picker';
import type { Picked } from './picked-files';

const TITLES: Record<ActionKind, MessageKey> = { rate: 'rateTitle', info: 'infoRequested', withdraw: 'withdrawTitle' };

export function ActionForm({
  trackingCode,
  token,
  action,
  question,
}: {
  trackingCode: string;
  /** The case's token on this device; undefined when the signed-in account holds the case. */
  token: string | undefined;
  action: ActionKind;
  /** The operator's question, for an answer. */
  question?: string | null;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [score, setScore] = useState(0);
  const [files, setFiles] = useState<Picked[]>([]);
  const [busy, setBusy] = useState(false);

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
    setBusy(true);
    try {
      // Once stored, the case page shows it as waiting in place of this form.
      await enqueueAction({ trackingCode, citizenToken: token, kind: action, body, files: files.map((f) => f.file) });
    } finally {
      setBusy(false);
    }
  }

  const id = `action-${action}`;
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid={id}>
      <h2 id={`${id}-heading`}>{t(TITLES[action])}</h2>
      {action === 'info' && question && (
        <blockquote className="question message-text" data-testid="info-question">
          <strong>{t('infoQuestion')}:</strong> {question}
        </blockquote>
      )}
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
        <textarea
          id={`${id}-text`}
          rows={3}
          maxLength={action === 'info' ? 4000 : action === 'rate' ? 2000 : 1000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {action === 'info' && (
          <fieldset>
            <legend>{t('answerPhotos')}</legend>
            <MediaPicker files={files} setFiles={setFiles} name="answer-media" />
          </fieldset>
        )}
        <button type="submit" className={action === 'withdraw' ? 'danger' : 'primary'} disabled={busy}>
          {t(action === 'rate' ? 'sendRating' : action === 'info' ? 'sendAnswer' : 'withdrawButton')}
        </button>
      </form>
    </section>
  );
}

/** An action that waits on the device: being sent, kept until the connection returns, or refused. */
export function WaitingAction({ entry, onDiscard }: { entry: ActionEntry; onDiscard: (key: string) => void }) {
  const { t } = useI18n();
  const online = useOnline();
  const what =
    entry.kind === 'rate'
      ? t('waitingRate', { n: Number(entry.body.score) })
      : t(entry.kind === 'info' ? 'waitingInfo' : 'waitingWithdraw');
  if (entry.state === 'rejected')
    return (
      <section className="card notice error" data-testid="action-rejected">
        <p role="alert">
          <strong>{what}</strong>: {t('actionRejected', { reason: entry.lastError ?? '' })}
        </p>
        <button
          type="button"
          onClick={() => {
            onDiscard(entry.key);
            void discardAction(entry.key);
          }}
        >
          {t('discardAction')}
        </button>
      </section>
    );
  const sending = online && entry.attempts === 0;
  return (
    <section className="card notice warn" role="status" data-testid={sending ? 'action-sending' : 'action-queued'}>
      <p>
        <strong>{what}</strong>: {sending ? t('submitting') : t('actionQueued')}
      </p>
    </section>
  );
}
