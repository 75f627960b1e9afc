import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { startOutbox } from './outbox';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);

startOutbox();

// The app shell offline (public/sw.js); not in development, where Vite serves the sources.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    // The build's entry file names the build: a new build registers a new URL, so the browser
    // installs the worker again and it keeps the new build's files (public/sw.js).
    const build = new URL(import.meta.url).pathname.split('/').pop() ?? '';
    navigator.serviceWorker.register(`/sw.js?build=${encodeURIComponent(build)}`).catch(() => {
      // No service worker (private mode, old browser): the app works, only not offline.
    });
  });
}
