/**
 * Digital cards: the compact JWS a cardholder's phone shows as a QR code (`GET /me/cards/{id}/credential`),
 * checked here in the browser against the public keys of `GET /.well-known/jwks.json`, so a site manager can
 * tell a genuine card from a picture of a forged one even before (or without) asking the server. The
 * signature proves the card was issued; only the live card check says it has not been blocked since.
 *
 * Ed25519 through @noble/ed25519 (audited, small, works on phones whose WebCrypto lacks Ed25519). This
 * module is loaded on demand, never with the public pages' first download.
 */
import { verifyAsync } from '@noble/ed25519';

/** The header `typ` of a Sitecard digital card. */
export const cardCredentialType = 'sitecard-card+jwt';
export const cardCredentialIssuer = 'sitecard';

/** Clock difference between the checking phone and the server that is tolerated, in seconds. */
const leewaySeconds = 60;

export type CardClaims = {
  iss: string;
  sub: string;
  name: string;
  company: string;
  valid_until: string;
  iat: number;
  exp: number;
};

/** One key of the JWKS; only Ed25519 (`OKP`) keys can sign a card. */
export type Jwk = { kty: string; crv?: string; x?: string; kid?: string; alg?: string; use?: string };

export type CredentialFailure =
  | 'malformed'
  | 'wrong_type'
  | 'unknown_key'
  | 'bad_signature'
  | 'wrong_issuer'
  | 'expired'
  | 'not_yet_valid';

export type CredentialCheck =
  | { valid: true; claims: CardClaims }
  /** `claims` only when the signature held (an expired card still says whose it was). */
  | { valid: false; reason: CredentialFailure; claims?: CardClaims };

function base64UrlBytes(part: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) throw new Error('not base64url');
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const binary = atob(base64);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

function jsonPart(part: string): unknown {
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64UrlBytes(part)));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asClaims(value: unknown): CardClaims | null {
  if (!isObject(value)) return null;
  const { iss, sub, name, company, valid_until: validUntil, iat, exp } = value;
  if (
    typeof iss !== 'string' ||
    typeof sub !== 'string' ||
    typeof name !== 'string' ||
    typeof company !== 'string' ||
    typeof validUntil !== 'string' ||
    typeof iat !== 'number' ||
    typeof exp !== 'number'
  ) {
    return null;
  }
  return { iss, sub, name, company, valid_until: validUntil, iat, exp };
}

/** What a credential claims, without checking anything: for showing a stored card, never for trusting it. */
export function readCredentialClaims(token: string): CardClaims | null {
  try {
    return asClaims(jsonPart(token.trim().split('.')[1] ?? ''));
  } catch {
    return null;
  }
}

/**
 * Checks a digital card: compact JWS with header `alg: EdDSA`, `typ: sitecard-card+jwt` and a `kid` found in
 * `keys`; an Ed25519 signature over `header.payload`; issuer `sitecard`; not expired (`exp`) and not issued in
 * the future (`iat`), with a minute's leeway for phone clocks. `now` is in seconds.
 */
export async function verifyCardCredential(
  token: string,
  keys: readonly Jwk[],
  now: number = Date.now() / 1000,
): Promise<CredentialCheck> {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return { valid: false, reason: 'malformed' };
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  let header: unknown;
  let payload: unknown;
  let signature: Uint8Array;
  try {
    header = jsonPart(headerPart);
    payload = jsonPart(payloadPart);
    signature = base64UrlBytes(signaturePart);
  } catch {
    return { valid: false, reason: 'malformed' };
  }
  if (!isObject(header)) return { valid: false, reason: 'malformed' };
  if (header.typ !== cardCredentialType || header.alg !== 'EdDSA') return { valid: false, reason: 'wrong_type' };
  const key = keys.find(
    (candidate) =>
      candidate.kid === header.kid &&
      candidate.kty === 'OKP' &&
      candidate.crv === 'Ed25519' &&
      (candidate.alg === undefined || candidate.alg === 'EdDSA') &&
      (candidate.use === undefined || candidate.use === 'sig'),
  );
  if (typeof header.kid !== 'string' || !key?.x) return { valid: false, reason: 'unknown_key' };

  let verified: boolean;
  try {
    const publicKey = base64UrlBytes(key.x);
    const message = new TextEncoder().encode(`${headerPart}.${payloadPart}`);
    verified =
      signature.length === 64 && publicKey.length === 32 && (await verifyAsync(signature, message, publicKey, { zip215: false }));
  } catch {
    verified = false;
  }
  if (!verified) return { valid: false, reason: 'bad_signature' };

  const claims = asClaims(payload);
  if (!claims) return { valid: false, reason: 'malformed' };
  if (claims.iss !== cardCredentialIssuer) return { valid: false, reason: 'wrong_issuer', claims };
  if (claims.exp + leewaySeconds <= now) return { valid: false, reason: 'expired', claims };
  if (claims.iat - leewaySeconds > now) return { valid: false, reason: 'not_yet_valid', claims };
  return { valid: true, claims };
}
