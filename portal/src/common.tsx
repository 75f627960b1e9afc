/** Small pieces the screens share. */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useI18n } from './i18n';
import { Icon } from './icons';

/** The page's heading: sets the document title and takes focus, so screen readers hear the new page. */
export function PageTitle({ children }: { children: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} — ${t('appName')}`;
    ref.current?.focus({ preventScroll: true });
  }, [children, t]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

function subscribeOnline(callback: () => void) {
  window.addEventListener('online', callback);
  window.addEventListener('offline', callback);
  return () => {
    window.removeEventListener('online', callback);
    window.removeEventListener('offline', callback);
  };
}
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

export type Loaded<T> = { state: 'loading' } | { state: 'ok'; data: T } | { state: 'error'; error: unknown };

/** Loads `load()` again whenever `deps` change; `reload` to try again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Loaded<T>, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setResult({ state: 'loading' });
    load().then(
      (data) => live && setResult({ state: 'ok', data }),
      (error: unknown) => live && setResult({ state: 'error', error }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what `load` depends on (deps), as useEffect's own callers do
  }, [...deps, round]);
  return [result, () => setRound((r) => r + 1)];
}

export function LoadError({ retry }: { retry: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="notice error">
      <p>{t('loadFailed')}</p>
      <button type="button" onClick={retry}>
        {t('retry')}
      </button>
    </div>
  );
}

/** The names the API serves icons for (api/services/get-icon.ts); others get the fallback at once. */
const ICON_NAME = /^[a-z0-9_]{1,64}$/;

/**
 * A category's icon: the Material Symbols name administrators chose, served as SVG by the API
 * (/api/v1/icons/<name>.svg, long cached). Decorative, the category's name is beside it; a name the
 * API does not know shows a generic symbol.
 */
export function CategoryIcon({ icon }: { icon: string }) {
  const [failed, setFailed] = useState<string>();
  if (failed === icon || !ICON_NAME.test(icon)) return <Icon name="category" size={32} className="category-icon" />;
  return (
    <img
      className="category-icon"
      src={`/api/v1/icons/${icon}.svg`}
      alt=""
      width="32"
      height="32"
      onError={() => setFailed(icon)}
    />
  );
}
