import { clearSessionHint, hasSessionHint, sessionHintCookie } from './session-hint';

describe('the session hint cookie', () => {
  test('is named as the server sets it', () => {
    expect(sessionHintCookie).toBe('sitecard_session_hint');
  });

  test.each([
    ['sitecard_session_hint=1', true],
    ['theme=dark; sitecard_session_hint=1', true],
    ['sitecard_session_hint=1;theme=dark', true],
    ['', false],
    ['theme=dark', false],
    ['sitecard_session_hint=', false],
    ['sitecard_session_hint=0', false],
    ['sitecard_session_hint=10', false],
    ['other_sitecard_session_hint=1', false],
  ])('%j → %s', (cookies, expected) => {
    expect(hasSessionHint(cookies)).toBe(expected);
  });

  test('is read from document.cookie, and deleted with the same name and path', () => {
    expect(hasSessionHint()).toBe(false);
    document.cookie = 'sitecard_session_hint=1; Path=/; SameSite=Strict';
    document.cookie = 'unrelated=1; Path=/';
    expect(hasSessionHint()).toBe(true);

    clearSessionHint();

    expect(hasSessionHint()).toBe(false);
    expect(document.cookie).toBe('unrelated=1');
    document.cookie = 'unrelated=; Path=/; Max-Age=0';
  });
});
