import { cleanup } from '@testing-library/react';
import { resetSessionCheckForTests } from '../lib/auth/session';
import { clearSessionHint } from '../lib/auth/session-hint';
import { resetAuthForTests } from '../lib/auth/token';
import { i18n } from '../lib/i18n';

// Every test starts from English, empty storage and nobody signed in: no state leaks between tests.
beforeEach(async () => {
  window.localStorage.clear();
  clearSessionHint();
  // As the built app: development mode only where the server marks the page (Vitest sets DEV).
  vi.stubEnv('DEV', false);
  resetAuthForTests();
  resetSessionCheckForTests();
  await i18n.changeLanguage('en');
});

afterEach(() => {
  cleanup();
});
