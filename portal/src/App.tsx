import { lazy, Suspense, useMemo, useState } from 'react';
import { NavLink, Route, Routes } from 'react-router';
import { useOnline } from './common';
import { I18nContext, initialLanguage, storeLanguage, translator, type I18n, type Language } from './i18n';
import { Icon } from './icons';
import { Home } from './pages/Home';

// Every screen but the first is loaded when it is opened (tests/portal-size.test.ts).
const Report = lazy(() => import('./pages/Report'));
const Track = lazy(() => import('./pages/Track'));
const Feed = lazy(() => import('./pages/Feed'));
const Help = lazy(() => import('./pages/Help'));
const MapPage = lazy(() => import('./pages/Map'));
const Statistics = lazy(() => import('./pages/Statistics'));
const Alerts = lazy(() => import('./pages/Alerts'));
const SignIn = lazy(() => import('./pages/SignIn'));

export function App() {
  const [language, setLanguageState] = useState<Language>(() => {
    const initial = initialLanguage();
    document.documentElement.lang = initial;
    return initial;
  });
  const i18n = useMemo<I18n>(
    () => ({
      language,
      t: translator(language),
      setLanguage(next) {
        storeLanguage(next);
        setLanguageState(next);
      },
    }),
    [language],
  );
  const { t } = i18n;
  const online = useOnline();

  return (
    <I18nContext.Provider value={i18n}>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand">
          <img src="/icon.svg" alt="" width="32" height="32" />
          <span>
            <strong>{t('appName')}</strong>
            <small>{t('province')}</small>
          </span>
        </NavLink>
        <button
          type="button"
          className="language-switch"
          data-testid="language-switch"
          lang={language === 'vi' ? 'en' : 'vi'}
          aria-label={t('switchLanguageLabel')}
          onClick={() => i18n.setLanguage(language === 'vi' ? 'en' : 'vi')}
        >
          {t('switchLanguage')}
        </button>
      </header>
      {!online && (
        <p className="offline-banner" role="status" data-testid="offline-banner">
          {t('offlineBanner')}
        </p>
      )}
      <main id="main">
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          <Routes>
            <Route path="/" element={<Home />} />
            <Route path="/report" element={<Report />} />
            <Route path="/track/:code" element={<Track />} />
            <Route path="/feed" element={<Feed />} />
            <Route path="/help" element={<Help />} />
            <Route path="/map" element={<MapPage />} />
            <Route path="/statistics" element={<Statistics />} />
            <Route path="/alerts" element={<Alerts />} />
            <Route path="/sign-in" element={<SignIn />} />
            <Route path="*" element={<Home />} />
          </Routes>
        </Suspense>
      </main>
      <nav className="bottom-nav" aria-label={t('mainNav')}>
        <NavLink to="/" end>
          <Icon name="home" />
          {t('navHome')}
        </NavLink>
        <NavLink to="/report">
          <Icon name="add_circle" />
          {t('navReport')}
        </NavLink>
        <NavLink to="/feed">
          <Icon name="fact_check" />
          {t('navFeed')}
        </NavLink>
        <NavLink to="/statistics">
          <Icon name="bar_chart" />
          {t('navStats')}
        </NavLink>
        <NavLink to="/alerts">
          <Icon name="notifications" />
          {t('navAlerts')}
        </NavLink>
        <NavLink to="/help">
          <Icon name="help" />
          {t('navHelp')}
        </NavLink>
      </nav>
    </I18nContext.Provider>
  );
}
