import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App, sessionSettled } from './app/App';
import './app/styles.css';
import { i18nReady } from './lib/i18n';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

/**
 * The built index.html only preloads the app's stylesheet (`nonBlockingStylesheet` in vite.config.ts), so
 * the page shell paints without waiting for it; this applies it and resolves once it is in (or failed:
 * the page then shows unstyled rather than not at all). In development Vite injects the styles itself.
 */
function stylesheetReady(): Promise<void> {
  const preloads = document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="style"]');
  return Promise.all(
    [...preloads].map(
      (preload) =>
        new Promise<void>((resolve) => {
          const link = document.createElement('link');
          link.rel = 'stylesheet';
          if (preload.crossOrigin !== null) link.crossOrigin = preload.crossOrigin;
          link.href = preload.href;
          link.addEventListener('load', () => resolve(), { once: true });
          link.addEventListener('error', () => resolve(), { once: true });
          preload.after(link);
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
