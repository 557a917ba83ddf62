import { getPublicKeyAsync, signAsync, utils } from '@noble/ed25519';
import { readCredentialClaims, verifyCardCredential, type Jwk } from './credential';

const encoder = new TextEncoder();

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const json = (value: unknown) => base64Url(encoder.encode(JSON.stringify(value)));

const now = 1_796_549_400; // 2026-12-06T09:30:00Z
const claims = {
  iss: 'sitecard',
  sub: 'AB1234567890',
  name: 'Marek Jan Zieliński',
  company: 'Demo Bygg AB',
  valid_until: '2031-12-06',
  iat: now - 600,
  exp: now + 86_000,
};

const secretKey = utils.randomSecretKey();
let keys: Jwk[];

beforeAll(async () => {
  const x = base64Url(await getPublicKeyAsync(secretKey));
  keys = [
    { kty: 'OKP', crv: 'Ed25519', x: base64Url(await getPublicKeyAsync(utils.randomSecretKey())), kid: 'access-1', alg: 'EdDSA', use: 'sig' },
    { kty: 'OKP', crv: 'Ed25519', x, kid: 'card-1', alg: 'EdDSA', use: 'sig' },
  ];
});

async function sign(
  payload: Record<string, unknown> = claims,
  header: Record<string, unknown> = { alg: 'EdDSA', typ: 'sitecard-card+jwt', kid: 'card-1' },
): Promise<string> {
  const input = `${json(header)}.${json(payload)}`;
  return `${input}.${base64Url(await signAsync(encoder.encode(input), secretKey))}`;
}

describe('checking a digital card (compact JWS, EdDSA)', () => {
  test('a card signed with the JWKS key is valid, with its claims (UTF-8 names intact)', async () => {
    await expect(verifyCardCredential(await sign(), keys, now)).resolves.toEqual({ valid: true, claims });
  });

  test('a changed payload breaks the signature and shows nothing of it', async () => {
    const [header, , signature] = (await sign()).split('.');
    const forged = `${header}.${json({ ...claims, name: 'Someone Else' })}.${signature}`;
    await expect(verifyCardCredential(forged, keys, now)).resolves.toEqual({ valid: false, reason: 'bad_signature' });
  });

  test('a changed signature is refused', async () => {
    const token = await sign();
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const forged = `${token.slice(0, -2)}${last}${token.at(-1)}`;
    await expect(verifyCardCredential(forged, keys, now)).resolves.toMatchObject({ valid: false, reason: 'bad_signature' });
  });

  test('a kid the JWKS does not have, or another key of it, is refused', async () => {
    const unknown = await sign(claims, { alg: 'EdDSA', typ: 'sitecard-card+jwt', kid: 'card-9' });
    await expect(verifyCardCredential(unknown, keys, now)).resolves.toEqual({ valid: false, reason: 'unknown_key' });
    const other = await sign(claims, { alg: 'EdDSA', typ: 'sitecard-card+jwt', kid: 'access-1' });
    await expect(verifyCardCredential(other, keys, now)).resolves.toEqual({ valid: false, reason: 'bad_signature' });
  });

  test('an expired card is not valid, though it says whose it was', async () => {
    const expired = await sign({ ...claims, iat: now - 90_000, exp: now - 3_600 });
    await expect(verifyCardCredential(expired, keys, now)).resolves.toMatchObject({
      valid: false,
      reason: 'expired',
      claims: { sub: 'AB1234567890' },
    });
    // A minute's leeway for the phone's clock.
    const justNow = await sign({ ...claims, exp: now - 30 });
    await expect(verifyCardCredential(justNow, keys, now)).resolves.toMatchObject({ valid: true });
  });

  test('another kind of token (an access token) is not a card, even when signed by Sitecard', async () => {
    const accessToken = await sign(claims, { alg: 'EdDSA', typ: 'JWT', kid: 'card-1' });
    await expect(verifyCardCredential(accessToken, keys, now)).resolves.toEqual({ valid: false, reason: 'wrong_type' });
    const noType = await sign(claims, { alg: 'EdDSA', kid: 'card-1' });
    await expect(verifyCardCredential(noType, keys, now)).resolves.toEqual({ valid: false, reason: 'wrong_type' });
    const hmac = await sign(claims, { alg: 'HS256', typ: 'sitecard-card+jwt', kid: 'card-1' });
    await expect(verifyCardCredential(hmac, keys, now)).resolves.toEqual({ valid: false, reason: 'wrong_type' });
  });

  test('another issuer, or a card issued in the future, is refused', async () => {
    await expect(verifyCardCredential(await sign({ ...claims, iss: 'elsewhere' }), keys, now)).resolves.toMatchObject({
      valid: false,
      reason: 'wrong_issuer',
    });
    await expect(verifyCardCredential(await sign({ ...claims, iat: now + 3_600 }), keys, now)).resolves.toMatchObject({
      valid: false,
      reason: 'not_yet_valid',
    });
  });

  test.each(['', 'abc', 'a.b', 'a.b.c', '%%%.e30.AA', `${json({ typ: 'sitecard-card+jwt' })}.not-json.AA`])(
    'garbage (%j) is malformed, never a crash',
    async (token) => {
      await expect(verifyCardCredential(token, keys, now)).resolves.toMatchObject({ valid: false, reason: 'malformed' });
    },
  );

  test('a payload without the card claims is malformed even with a good signature', async () => {
    await expect(verifyCardCredential(await sign({ sub: 'AB1234567890' }), keys, now)).resolves.toEqual({
      valid: false,
      reason: 'malformed',
    });
  });

  test('the claims can be read without checking, for showing a stored card', async () => {
    expect(readCredentialClaims(await sign())).toEqual(claims);
    expect(readCredentialClaims('nonsense')).toBeNull();
  });
});
