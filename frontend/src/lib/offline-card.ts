/**
 * The last digital card shown on this device, kept so the worker can show it at the gate with no
 * connection: the card as `GET /me/cards` described it, the signed credential with its expiry and the
 * portrait, in `localStorage` under one key per card. Nothing here is secret beyond what the card itself
 * shows (the credential is a signed statement, not a key), and it is deleted on sign-out and when the
 * server says the session has ended.
 */
const prefix = 'sitecard-card:';

export type StoredCard = {
  card: {
    id: string;
    card_number?: string | null;
    card_number_last4: string;
    status: string;
    company: { id: string; name: string };
    valid_until: string;
    holder_name?: string | null;
    order_id: string;
  };
  credential: string;
  expires_at: string;
  /** The portrait as a `data:` URL, when it could be loaded. */
  photo: string | null;
  /** When the credential was fetched (ISO 8601). */
  saved_at: string;
};

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function saveStoredCard(value: StoredCard): void {
  try {
    storage()?.setItem(`${prefix}${value.card.id}`, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the card still shows while online.
  }
}

export function loadStoredCard(cardId: string): StoredCard | null {
  try {
    const text = storage()?.getItem(`${prefix}${cardId}`);
    if (!text) return null;
    const value = JSON.parse(text) as Partial<StoredCard> | null;
    if (!value || typeof value.credential !== 'string' || typeof value.expires_at !== 'string' || !value.card) {
      return null;
    }
    return value as StoredCard;
  } catch {
    return null;
  }
}

export function removeStoredCard(cardId: string): void {
  storage()?.removeItem(`${prefix}${cardId}`);
}

/** Forgets every stored card: on sign-out, or when the session is over. */
export function clearStoredCards(): void {
  const store = storage();
  if (!store) return;
  const keys: string[] = [];
  for (let index = 0; index < store.length; index += 1) {
    const key = store.key(index);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  for (const key of keys) store.removeItem(key);
}
