import { cleanup } from '@testing-library/react';
import { resetSessionCheckForTests } from '../lib/auth/session';
import { resetAuthForTests } from '../lib/auth/token';
import { i18n } from '../lib/i18n';

// Every test starts from English, empty storage and nobody signed in: no state leaks between tests.
beforeEach(async () => {
  window.localStorage.clear();
  resetAuthForTests();
  resetSessionCheckForTests();
  await i18n.changeLanguage('en');
});

afterEach(() => {
  cleanup();
});
