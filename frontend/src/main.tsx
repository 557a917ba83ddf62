import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, sessionSettled } from './app/App';
import './app/styles.css';
import { i18nReady } from './lib/i18n';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The page shell from index.html stays until the texts are in the reader's language and the session
// is known, so the first frame React draws has its final header and navigation.
void Promise.all([i18nReady, sessionSettled()]).then(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
