import { appPathFromLink, safeNextPath, signInPath } from './navigation';

describe('where to go after signing in', () => {
  test('only paths on this site are followed', () => {
    expect(safeNextPath('/account')).toBe('/account');
    expect(safeNextPath('/verifier?x=1')).toBe('/verifier?x=1');
    expect(safeNextPath('//evil.example/')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example/')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });

  test('the sign-in path carries the wanted page', () => {
    expect(signInPath('/account')).toBe('/sign-in?next=%2Faccount');
    expect(signInPath('/')).toBe('/sign-in');
  });
});

describe('links from emails in the dev outbox', () => {
  test('a link to the public URL becomes a path on this origin', () => {
    expect(appPathFromLink('http://127.0.0.1:8080/register?token=abc')).toBe('/register?token=abc');
    expect(appPathFromLink('https://sitecard.example/reset-password?token=x')).toBe('/reset-password?token=x');
  });

  test('other sites stay links elsewhere', () => {
    expect(appPathFromLink('https://example.com/help')).toBeNull();
  });
});
