import { cleanup } from '@testing-library/react';
import { i18n } from '../lib/i18n';

// Every test starts from English and empty storage: no state leaks between tests.
beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('en');
});

afterEach(() => {
  cleanup();
});
