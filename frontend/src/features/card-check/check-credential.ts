/** Checks a pasted or scanned digital card against Sitecard's keys; the Ed25519 code loads only now. */
import { signingKeys } from './api/jwks';
import type { CredentialCheck } from './credential';

export async function checkCredential(token: string): Promise<CredentialCheck> {
  const [{ keys }, { verifyCardCredential }] = await Promise.all([signingKeys(), import('./credential')]);
  return verifyCardCredential(token, keys);
}
