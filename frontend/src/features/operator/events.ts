/**
 * The webhook event types a partner client can subscribe to. The API carries them as plain strings,
 * so this is the one list the console knows (the server refuses any other with `invalid_value`).
 */
export const webhookEventTypes = [
  'order.confirmed',
  'order.cancelled',
  'photo.approved',
  'photo.rejected',
  'card.activated',
  'card.blocked',
  'card.unblocked',
  'card.terminated',
  'card.expired',
] as const;

export type WebhookEventType = (typeof webhookEventTypes)[number];

/** Translation keys of the short human labels ("Order confirmed"). */
export const webhookEventLabels = {
  'order.confirmed': 'operator.events.orderConfirmed',
  'order.cancelled': 'operator.events.orderCancelled',
  'photo.approved': 'operator.events.photoApproved',
  'photo.rejected': 'operator.events.photoRejected',
  'card.activated': 'operator.events.cardActivated',
  'card.blocked': 'operator.events.cardBlocked',
  'card.unblocked': 'operator.events.cardUnblocked',
  'card.terminated': 'operator.events.cardTerminated',
  'card.expired': 'operator.events.cardExpired',
} as const satisfies Record<WebhookEventType, string>;

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (webhookEventTypes as readonly string[]).includes(value);
}
