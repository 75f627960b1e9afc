/**
 * Area alerts ("Nhận thông báo khu vực"): a citizen chooses communes (none: the whole province),
 * what to receive (urgent announcements, new reports, resolved reports) and how: Web Push on this
 * browser (when it can, and the server has a VAPID key), email, SMS or Zalo (those confirm by the
 * link sent to the address). With ?token=… (the manage link in every message, or this browser's
 * own push subscription) the page shows that subscription, changes it and unsubscribes it.
 */
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError, type Commune } from '../api';
import { LoadError, PageTitle, useLoad } from '../common';
import { useI18n, type Language, type MessageKey } from '../i18n';
import { pushSupported, subscribePush, storedPushToken } from '../push';

export const TOPICS = ['announcements', 'report_new', 'report_resolved'] as const;
type Topic = (typeof TOPICS)[number];
type Channel = 'web_push' | 'email' | 'sms' | 'zalo';

export interface SubscriptionView {
  channel: Channel;
  address: string;
  communeCodes: string[];
  topics: Topic[];
  kinds: string[];
  language: Language;
  state: 'pending' | 'confirmed' | 'unsubscribed';
}

const TOPIC_LABEL: Record<Topic, MessageKey> = {
  announcements: 'alertTopicAnnouncements',
  report_new: 'alertTopicNew',
  report_resolved: 'alertTopicResolved',
};
const CHANNEL_LABEL: Record<Channel, MessageKey> = {
  web_push: 'alertChannelPush',
  email: 'alertChannelEmail',
  sms: 'alertChannelSms',
  zalo: 'alertChannelZalo',
};

const STATE_LABEL: Record<SubscriptionView['state'], MessageKey> = {
  pending: 'alertStatePending',
  confirmed: 'alertStateConfirmed',
  unsubscribed: 'alertStateUnsubscribed',
};

interface Choice {
  communeCodes: string[];
  topics: Topic[];
}

/** Communes (added from a list, removed one by one) and topics: the part subscribing and managing share. */
function ChoiceFields({
  choice,
  onChange,
  communes,
}: {
  choice: Choice;
  onChange(choice: Choice): void;
  communes: Commune[];
}) {
  const { t } = useI18n();
  const [adding, setAdding] = useState('');
  const names = new Map(communes.map((c) => [c.code, c.fullName]));
  return (
    <>
      <fieldset className="card">
        <legend>{t('alertAreas')}</legend>
        <p id="alert-areas-hint">{t('alertAreasHint')}</p>
        <div className="inline-form">
          <label htmlFor="alert-commune">{t('commune')}</label>
          <select
            id="alert-commune"
            value={adding}
            aria-describedby="alert-areas-hint"
            onChange={(e) => setAdding(e.target.value)}
          >
            <option value="">{t('alertChooseCommune')}</option>
            {communes
              .filter((c) => !choice.communeCodes.includes(c.code))
              .map((c) => (
                <option key={c.code} value={c.code}>
                  {c.fullName}
                </option>
              ))}
          </select>
          <button
            type="button"
            disabled={!adding}
            onClick={() => {
              onChange({ ...choice, communeCodes: [...choice.communeCodes, adding] });
              setAdding('');
            }}
          >
            {t('alertAddCommune')}
          </button>
        </div>
        {choice.communeCodes.length === 0 ? (
          <p data-testid="alert-whole-province">{t('alertWholeProvince')}</p>
        ) : (
          <ul className="alert-communes" data-testid="alert-communes">
            {choice.communeCodes.map((code) => (
              <li key={code}>
                <span>{names.get(code) ?? code}</span>
                <button
                  type="button"
                  aria-label={t('alertRemoveCommune', { name: names.get(code) ?? code })}
                  onClick={() => onChange({ ...choice, communeCodes: choice.communeCodes.filter((c) => c !== code) })}
                >
                  {t('alertRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <fieldset className="card">
        <legend>{t('alertWhat')}</legend>
        {TOPICS.map((topic) => (
          <label key={topic} className="check">
            <input
              type="checkbox"
              name="topics"
              value={topic}
              checked={choice.topics.includes(topic)}
              onChange={(e) =>
                onChange({
                  ...choice,
                  topics: e.target.checked
                    ? TOPICS.filter((x) => x === topic || choice.topics.includes(x))
                    : choice.topics.filter((x) => x !== topic),
                })
              }
            />
            {t(TOPIC_LABEL[topic])}
          </label>
        ))}
      </fieldset>
    </>
  );
}

function problem(error: unknown, t: ReturnType<typeof useI18n>['t']): string {
  return error instanceof ApiError ? error.message : t('alertFailed');
}

function Subscribe({ communes }: { communes: Commune[] }) {
  const { t, language } = useI18n();
  const [publicKey] = useLoad(() => api<{ publicKey: string | null }>('/push/public-key'), []);
  const pushAvailable = pushSupported() && publicKey.state === 'ok' && publicKey.data.publicKey !== null;
  const [choice, setChoice] = useState<Choice>({ communeCodes: [], topics: ['announcements'] });
  const [channel, setChannel] = useState<Channel>('email');
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<{ channel: Channel; token?: string }>();
  const channels: Channel[] = pushAvailable ? ['web_push', 'email', 'sms', 'zalo'] : ['email', 'sms', 'zalo'];
  const myPushToken = storedPushToken();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (choice.topics.length === 0) return setError(t('alertChooseTopic'));
    setBusy(true);
    try {
      const body = { communeCodes: choice.communeCodes, topics: choice.topics, language };
      if (channel === 'web_push' && publicKey.state === 'ok' && publicKey.data.publicKey) {
        const token = await subscribePush(publicKey.data.publicKey, body);
        setDone({ channel, token });
      } else {
        await api('/subscriptions', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...body, channel, address }),
        });
        setDone({ channel });
      }
    } catch (e) {
      setError(
        e instanceof ApiError
          ? e.message
          : e instanceof Error && e.name === 'NotAllowedError'
            ? t('alertPushDenied')
            : channel === 'web_push'
              ? t('alertPushFailed')
              : t('alertFailed'),
      );
    } finally {
      setBusy(false);
    }
  }

  if (done)
    return (
      <div role="status" className="notice" data-testid="alert-done">
        {done.channel === 'web_push' ? (
          <>
            <p>{t('alertPushOn')}</p>
            <Link to={`/alerts?token=${encodeURIComponent(done.token ?? '')}`}>{t('alertManageThis')}</Link>
          </>
        ) : (
          <p>{t('alertConfirmSent', { address })}</p>
        )}
      </div>
    );

  return (
    <form onSubmit={submit} noValidate>
      {myPushToken && (
        <p className="notice">
          <Link to={`/alerts?token=${encodeURIComponent(myPushToken)}`}>{t('alertManageThis')}</Link>
        </p>
      )}
      <ChoiceFields choice={choice} onChange={setChoice} communes={communes} />
      <fieldset className="card">
        <legend>{t('alertHow')}</legend>
        {channels.map((c) => (
          <label key={c} className="check">
            <input type="radio" name="channel" value={c} checked={channel === c} onChange={() => setChannel(c)} />
            {t(CHANNEL_LABEL[c])}
          </label>
        ))}
        {!pushAvailable && publicKey.state !== 'loading' && <p>{t('alertPushUnavailable')}</p>}
        {channel !== 'web_push' && (
          <>
            <label htmlFor="alert-address">{t(channel === 'email' ? 'alertEmail' : 'alertPhone')}</label>
            <input
              id="alert-address"
              type={channel === 'email' ? 'email' : 'tel'}
              autoComplete={channel === 'email' ? 'email' : 'tel'}
              required
              value={address}
              onChange={(e) => setAddress(e.target.value)}
            />
            <p>{t('alertConfirmHint')}</p>
          </>
        )}
      </fieldset>
      {error && (
        <p role="alert" className="notice error">
          {error}
        </p>
      )}
      <button type="submit" className="primary big" disabled={busy}>
        {t('alertSubscribe')}
      </button>
    </form>
  );
}

function Manage({ token, communes }: { token: string; communes: Commune[] }) {
  const { t, language } = useI18n();
  const query = `?token=${encodeURIComponent(token)}`;
  const [loaded, reload] = useLoad(() => api<SubscriptionView>(`/subscriptions/manage${query}`), [token, language]);
  const [edit, setEdit] = useState<Choice>();
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (loaded.state === 'loading') return <p role="status">{t('loading')}</p>;
  if (loaded.state === 'error')
    return loaded.error instanceof ApiError && loaded.error.status === 404 ? (
      <p role="alert" className="notice error">
        {t('alertUnknownLink')}
      </p>
    ) : (
      <LoadError retry={reload} />
    );
  const subscription = loaded.data;
  const choice = edit ?? { communeCodes: subscription.communeCodes, topics: subscription.topics };

  async function act(run: () => Promise<unknown>, done: string) {
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    try {
      await run();
      setMessage(done);
      setEdit(undefined);
      reload();
    } catch (e) {
      setError(problem(e, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <section className="card" aria-labelledby="alert-mine">
        <h2 id="alert-mine">{t('alertYours')}</h2>
        <p data-testid="alert-subscription">
          {t(CHANNEL_LABEL[subscription.channel])}: {subscription.address}
        </p>
        <p data-testid="alert-state">{t(STATE_LABEL[subscription.state])}</p>
      </section>
      {message && (
        <p role="status" className="notice" data-testid="alert-message">
          {message}
        </p>
      )}
      {error && (
        <p role="alert" className="notice error">
          {error}
        </p>
      )}
      {subscription.state === 'unsubscribed' ? (
        <Link to="/alerts">{t('alertSubscribeAgain')}</Link>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (choice.topics.length === 0) return setError(t('alertChooseTopic'));
            void act(
              () =>
                api(`/subscriptions/manage${query}`, {
                  method: 'PUT',
                  headers: { 'Content-Type': 'application/json' },
                  body: JSON.stringify({ ...choice, kinds: subscription.kinds, language }),
                }),
              t('alertSaved'),
            );
          }}
        >
          <ChoiceFields choice={choice} onChange={setEdit} communes={communes} />
          <div className="button-row">
            <button type="submit" className="primary" disabled={busy}>
              {t('alertSave')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void act(() => api(`/subscriptions/unsubscribe${query}`, { method: 'POST' }), t('alertUnsubscribed'))
              }
            >
              {t('alertUnsubscribe')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}

export default function Alerts() {
  const { t, language } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token');
  const [communes, reload] = useLoad(() => api<Commune[]>('/communes'), [language]);
  return (
    <>
      <PageTitle>{t('alertsTitle')}</PageTitle>
      <p>{t('alertsIntro')}</p>
      {communes.state === 'loading' && <p role="status">{t('loading')}</p>}
      {communes.state === 'error' && <LoadError retry={reload} />}
      {communes.state === 'ok' &&
        (token ? <Manage token={token} communes={communes.data} /> : <Subscribe communes={communes.data} />)}
    </>
  );
}
