/**
 * "Đăng nhập / Sign in": the phone number, then the code the SMS brings; once signed in, the
 * reports this device sent are added to the account and the citizen goes back to "my reports".
 * Signing in is optional: reporting never asks for it.
 */
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api';
import { claimDeviceReports, sendSignInCode, signIn, signOut, useAccount } from '../citizen-account';
import { PageTitle } from '../common';
import { useI18n } from '../i18n';

const MOBILE = /^\+?[0-9 .()-]{9,20}$/;

export default function SignIn() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const account = useAccount();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string>();
  const [problem, setProblem] = useState<{ field: 'phone' | 'code' | 'form'; message: string }>();
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setProblem(undefined);
    try {
      await work();
    } catch (error) {
      // The API's message is in the chosen language (Accept-Language) and says what to do.
      const message = error instanceof ApiError ? error.message : t('loadFailed');
      setProblem({
        field: sentTo ? 'code' : error instanceof ApiError && error.status === 422 ? 'phone' : 'form',
        message,
      });
    } finally {
      setBusy(false);
    }
  }

  function askCode(event?: FormEvent) {
    event?.preventDefault();
    if (!MOBILE.test(phone.trim())) {
      setProblem({ field: 'phone', message: t('errMobile') });
      document.getElementById('sign-in-phone')?.focus(); // the field keeps the focus, as on the home page
      return;
    }
    void run(async () => {
      const sent = await sendSignInCode(phone.trim());
      setSentTo(sent.phone);
      setCode('');
    });
  }

  function confirm(event: FormEvent) {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) {
      setProblem({ field: 'code', message: t('errCode') });
      document.getElementById('sign-in-code')?.focus();
      return;
    }
    void run(async () => {
      await signIn(phone.trim(), code.trim());
      const claims = await claimDeviceReports().catch(() => ({ claimed: 0, conflicts: [] }));
      void navigate('/', { state: { signedIn: true, ...claims } });
    });
  }

  const error = (field: 'phone' | 'code' | 'form') =>
    problem?.field === field && (
      <p id={`${field}-error`} className="field-error" role="alert">
        {problem.message}
      </p>
    );

  if (account.state === 'signed-in')
    return (
      <>
        <PageTitle>{t('signInTitle')}</PageTitle>
        <p data-testid="signed-in-as">{t('signedInAs', { phone: account.phone })}</p>
        <button type="button" onClick={() => void signOut()} data-testid="sign-out">
          {t('signOut')}
        </button>
      </>
    );

  return (
    <>
      <PageTitle>{t('signInTitle')}</PageTitle>
      <p className="lead">{t('signInIntro')}</p>
      {!sentTo ? (
        <form onSubmit={askCode} className="card" noValidate>
          <label htmlFor="sign-in-phone">{t('phoneLabel')}</label>
          <input
            id="sign-in-phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            value={phone}
            placeholder={t('phoneHint')}
            onChange={(e) => setPhone(e.target.value)}
            {...(problem?.field === 'phone' && { 'aria-invalid': true, 'aria-describedby': 'phone-error' })}
          />
          {error('phone')}
          {error('form')}
          <button type="submit" className="primary" disabled={busy}>
            {t('sendCode')}
          </button>
        </form>
      ) : (
        <form onSubmit={confirm} className="card" noValidate>
          <p role="status" data-testid="code-sent">
            {t('codeSentTo', { phone: sentTo })}
          </p>
          <label htmlFor="sign-in-code">{t('codeLabel')}</label>
          <input
            id="sign-in-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            {...(problem?.field === 'code' && { 'aria-invalid': true, 'aria-describedby': 'code-error' })}
          />
          {error('code')}
          <button type="submit" className="primary" disabled={busy}>
            {t('signInButton')}
          </button>
          <button type="button" disabled={busy} onClick={() => askCode()}>
            {t('resendCode')}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              setSentTo(undefined);
              setProblem(undefined);
            }}
          >
            {t('changePhone')}
          </button>
        </form>
      )}
    </>
  );
}
