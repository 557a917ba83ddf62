import { stubApi } from '../../../test/api-stub';
import { isDevMode } from './get-outbox';

function page(head: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body></body></html>`, 'text/html');
}

describe('development mode, from the page rather than a request', () => {
  test('the server\'s <meta name="sitecard-dev" content="1"> means development mode', () => {
    expect(isDevMode(page('<meta name="sitecard-dev" content="1">'), false)).toBe(true);
  });

  test('without the mark (or with another value) it is not', () => {
    expect(isDevMode(page('<meta name="description" content="Sitecard">'), false)).toBe(false);
    expect(isDevMode(page('<meta name="sitecard-dev" content="0">'), false)).toBe(false);
  });

  test('the Vite dev server counts as development mode', () => {
    expect(isDevMode(page(''), true)).toBe(true);
  });

  test('reads the page this runs in, and asks the server nothing', () => {
    const server = stubApi();
    expect(isDevMode()).toBe(false);
    const meta = document.createElement('meta');
    meta.name = 'sitecard-dev';
    meta.content = '1';
    document.head.append(meta);
    try {
      expect(isDevMode()).toBe(true);
    } finally {
      meta.remove();
    }
    expect(server.requests).toHaveLength(0);
  });
});
