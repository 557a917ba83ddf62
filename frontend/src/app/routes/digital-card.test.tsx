import { getPublicKeyAsync, signAsync, utils } from '@noble/ed25519';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { loadStoredCard, saveStoredCard, type StoredCard } from '../../lib/offline-card';
import { meFixture, setSessionHint, signedInRefresh, stubApi } from '../../test/api-stub';
import { renderRoute } from '../../test/render-route';

const card = {
  id: 'c1',
  card_number: 'AB1234567890',
  card_number_last4: '7890',
  status: 'active',
  company: { id: 'co1', name: 'Demo Bygg AB' },
  valid_until: '2031-12-06',
  activated_at: '2026-12-06T10:00:00Z',
  order_id: 'o1',
  holder_name: 'Marek Jan Zieliński',
};

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

function stored(overrides: Partial<StoredCard> = {}): StoredCard {
  return {
    card,
    credential: 'stored.credential.jws',
    expires_at: inAnHour(),
    photo: null,
    saved_at: '2026-12-06T09:00:00Z',
    ...overrides,
  };
}

describe('show my card', () => {
  test('signed in: the card with its QR credential, kept on the device for offline use', async () => {
    stubApi({
      'POST /api/v1/auth/refresh': signedInRefresh,
      'GET /api/v1/me': { body: meFixture() },
      'GET /api/v1/me/cards': { body: [card] },
      'GET /api/v1/me/cards/c1/credential': { body: { credential: 'fresh.credential.jws', expires_at: inAnHour() } },
      'GET /api/v1/card-orders/o1/photo': { body: {} },
    });
    renderRoute('/cards/c1/show');

    const qr = await screen.findByTestId('card-qr');
    expect(qr.getAttribute('data-credential')).toBe('fresh.credential.jws');
    expect(screen.getByRole('heading', { level: 2, name: 'Marek Jan Zieliński' })).toBeTruthy();
    expect(screen.getByText('AB 1234 5678 90')).toBeTruthy();
    expect(screen.getByRole('img', { name: /QR code of card AB 1234 5678 90/ })).toBeTruthy();
    expect(screen.queryByTestId('offline-note')).toBeNull();
    await waitFor(() => expect(loadStoredCard('c1')?.credential).toBe('fresh.credential.jws'));
  });

  test('no connection (the session cannot be renewed): the stored card, with an "offline" note', async () => {
    saveStoredCard(stored());
    setSessionHint();
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    renderRoute('/cards/c1/show');

    expect((await screen.findByTestId('offline-note')).textContent).toContain('You are offline');
    expect(screen.getByTestId('card-qr').getAttribute('data-credential')).toBe('stored.credential.jws');
    expect(screen.getByTestId('credential-expiry').textContent).toContain('This code can be checked until');
  });

  test('an expired stored code says so, and how to get a new one', async () => {
    saveStoredCard(stored({ expires_at: '2026-01-01T00:00:00Z' }));
    setSessionHint();
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    renderRoute('/cards/c1/show');
    expect((await screen.findByTestId('credential-expiry')).textContent).toContain('This code expired on');
  });

  test('signed out for real (no session hint): sign-in, not the stored card', async () => {
    saveStoredCard(stored());
    const server = stubApi();
    renderRoute('/cards/c1/show');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(server.requests).toHaveLength(0);
  });

  test('a refused session forgets the stored cards', async () => {
    saveStoredCard(stored());
    setSessionHint();
    stubApi(); // the refresh answers 401
    renderRoute('/cards/c1/show');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(loadStoredCard('c1')).toBeNull();
  });

  test('a blocked card cannot be shown', async () => {
    stubApi({
      'POST /api/v1/auth/refresh': signedInRefresh,
      'GET /api/v1/me': { body: meFixture() },
      'GET /api/v1/me/cards': { body: [{ ...card, status: 'blocked' }] },
    });
    renderRoute('/cards/c1/show');
    expect(await screen.findByText('Only an active card can be shown. Go back to your cards to see its status.')).toBeTruthy();
  });

  test('"My cards" links an active card to it', async () => {
    stubApi({
      'POST /api/v1/auth/refresh': signedInRefresh,
      'GET /api/v1/me': { body: meFixture() },
      'GET /api/v1/me/cards': { body: [card] },
    });
    renderRoute('/cards');
    const link = await screen.findByRole('link', { name: 'Show my card (AB 1234 5678 90)' });
    expect(link.getAttribute('href')).toBe('/cards/c1/show');
  });
});

describe('checking a pasted digital card', () => {
  const encoder = new TextEncoder();
  const base64Url = (bytes: Uint8Array) =>
    btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const json = (value: unknown) => base64Url(encoder.encode(JSON.stringify(value)));
  const secretKey = utils.randomSecretKey();

  async function credential() {
    const now = Math.floor(Date.now() / 1000);
    const input = `${json({ alg: 'EdDSA', typ: 'sitecard-card+jwt', kid: 'card-1' })}.${json({
      iss: 'sitecard',
      sub: 'AB1234567890',
      name: 'Marek Jan Zieliński',
      company: 'Demo Bygg AB',
      valid_until: '2031-12-06',
      iat: now - 60,
      exp: now + 3_600,
    })}`;
    return `${input}.${base64Url(await signAsync(encoder.encode(input), secretKey))}`;
  }

  async function jwks() {
    return { keys: [{ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: 'card-1', x: base64Url(await getPublicKeyAsync(secretKey)) }] };
  }

  function paste(text: string) {
    fireEvent.change(screen.getByLabelText('Paste a credential'), { target: { value: text } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the credential' }));
  }

  test('a good signature and a valid card: valid, with whose card it is', async () => {
    stubApi({
      'GET /.well-known/jwks.json': { body: await jwks() },
      'GET /api/v1/card-check/AB1234567890': { body: { status: 'valid', valid_until: '2031-12-06', company_name: 'Demo Bygg AB' } },
    });
    renderRoute('/check');
    paste(await credential());
    const result = await screen.findByTestId('credential-result');
    await within(result).findByText('Current status: valid.');
    expect(within(result).getByRole('heading', { name: /Valid/ })).toBeTruthy();
    expect(within(result).getByText(/^Signature verified/)).toBeTruthy();
    expect(within(result).getByText('Marek Jan Zieliński')).toBeTruthy();
  });

  test('a good signature on a blocked card reads as not valid', async () => {
    stubApi({
      'GET /.well-known/jwks.json': { body: await jwks() },
      'GET /api/v1/card-check/AB1234567890': { body: { status: 'not_valid', reason: 'blocked' } },
    });
    renderRoute('/check');
    paste(await credential());
    const result = await screen.findByTestId('credential-result');
    await within(result).findByText(/^Current status: not valid\. The card is blocked/);
    expect(within(result).getByRole('heading', { name: /Not valid/ })).toBeTruthy();
  });

  test('a changed credential is not valid and the live status is not asked', async () => {
    const server = stubApi({ 'GET /.well-known/jwks.json': { body: await jwks() } });
    renderRoute('/check');
    const [header, , signature] = (await credential()).split('.');
    paste(`${header}.${json({ iss: 'sitecard', sub: 'ZZ0000000000', name: 'X', company: 'Y', valid_until: '2031-01-01', iat: 1, exp: 9e9 })}.${signature}`);
    const result = await screen.findByTestId('credential-result');
    expect(within(result).getByText(/The signature does not match/)).toBeTruthy();
    expect(server.requests.filter((r) => r.path.startsWith('/api/v1/card-check'))).toHaveLength(0);
  });

  test('nothing pasted: the error summary asks for it', async () => {
    stubApi();
    renderRoute('/check');
    paste('  ');
    expect(await screen.findByRole('link', { name: 'Paste the credential from the digital card.' })).toBeTruthy();
  });
});
