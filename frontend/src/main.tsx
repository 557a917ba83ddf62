import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App, sessionSettled } from './app/App';
import './app/styles.css';
import { i18nReady } from './lib/i18n';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

/**
 * The built index.html loads the app's stylesheet with `media="print"` (`nonBlockingStylesheet` in
 * vite.config.ts), so the page shell paints without waiting for it; this switches it on and resolves once it
 * is in (or has failed: the page then shows unstyled rather than not at all). In development Vite injects
 * the styles itself and there is no such link.
 */
function stylesheetReady(): Promise<void> {
  const links = document.querySelectorAll<HTMLLinkElement>('link[data-app-stylesheet]');
  return Promise.all(
    [...links].map(
      (link) =>
        new Promise<void>((resolve) => {
          const apply = () => {
            link.media = 'all';
            resolve();
          };
          // Loaded already (or failed already: its fetch has finished without a sheet).
          if (link.sheet || performance.getEntriesByName(link.href).length > 0) {
            apply();
            return;
          }
          link.addEventListener('load', apply, { once: true });
          link.addEventListener('error', apply, { once: true });
        }),
    ),
  ).then(() => undefined);
}

// The page shell from index.html stays until the styles are in, the texts are in the reader's language
// and the session is known, so the first frame React draws has its final header and navigation. The first
// render is a transition, so React works on it in slices of a few milliseconds instead of one long task:
// a phone's main thread stays free for taps and scrolling meanwhile, and the shell stays until it is done.
void Promise.all([stylesheetReady(), i18nReady, sessionSettled()]).then(() => {
  const root = createRoot(container);
  startTransition(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
});
