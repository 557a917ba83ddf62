/** Card numbers as printed: two capital letters and ten digits, e.g. `AB1234567890`. */

/** What was typed, without spaces and hyphens, in capitals ("ab 1234-5678 90" → "AB1234567890"). */
export function normaliseCardNumber(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

export function isCardNumber(value: string): boolean {
  return /^[A-Z]{2}[0-9]{10}$/.test(value);
}

/** Grouped for reading aloud and comparing with the card: `AB 1234 5678 90`. */
export function formatCardNumber(value: string): string {
  if (!isCardNumber(value)) return value;
  return `${value.slice(0, 2)} ${value.slice(2, 6)} ${value.slice(6, 10)} ${value.slice(10)}`;
}

/**
 * A card's number as the caller may see it: grouped in full when the API sends it, otherwise its last four
 * digits (`•••• 7890`). The cardholder gets the full number only once the card is active: typing it from the
 * physical card is what proves they hold it.
 */
export function shownCardNumber(card: { card_number?: string | null; card_number_last4: string }): string {
  return card.card_number ? formatCardNumber(card.card_number) : `•••• ${card.card_number_last4}`;
}
