/**
 * Card-order and card states (DESIGN.md "States") in words and colour. The words are translation
 * keys; the colour is a tag tone and never the only signal (the words are always shown).
 */
import type { MessageKey } from './i18n';

export const orderStatuses = [
  'awaiting_photo',
  'awaiting_photo_review',
  'photo_rejected',
  'awaiting_cardholder',
  'needs_correction',
  'confirmed',
  'in_production',
  'shipped',
  'delivered',
  'rejected',
  'cancelled',
  'production_failed',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const cardStatuses = ['inactive', 'active', 'blocked', 'terminated', 'expired'] as const;
export type CardStatus = (typeof cardStatuses)[number];

export type Tone = 'green' | 'red' | 'grey' | 'blue' | 'yellow';

export function isOrderStatus(value: string): value is OrderStatus {
  return (orderStatuses as readonly string[]).includes(value);
}

export function isCardStatus(value: string): value is CardStatus {
  return (cardStatuses as readonly string[]).includes(value);
}

const orderTones: Record<OrderStatus, Tone> = {
  awaiting_photo: 'grey',
  awaiting_photo_review: 'grey',
  photo_rejected: 'yellow',
  awaiting_cardholder: 'blue',
  needs_correction: 'yellow',
  confirmed: 'blue',
  in_production: 'blue',
  shipped: 'blue',
  delivered: 'green',
  rejected: 'red',
  cancelled: 'red',
  production_failed: 'red',
};

const cardTones: Record<CardStatus, Tone> = {
  inactive: 'blue',
  active: 'green',
  blocked: 'yellow',
  terminated: 'red',
  expired: 'grey',
};

/** The tag colour of a status; unknown statuses (a newer server) are grey. */
export function statusTone(kind: 'order' | 'card', status: string): Tone {
  if (kind === 'order') return isOrderStatus(status) ? orderTones[status] : 'grey';
  return isCardStatus(status) ? cardTones[status] : 'grey';
}

/** Who reads the status: the worker is "you" where the status is about them. */
export type Audience = 'worker' | 'company';

/** The words for a status, e.g. `needs_correction` → "Needs correction". */
export function statusKey(kind: 'order' | 'card', status: string, audience: Audience = 'company'): MessageKey {
  if (kind === 'order' && audience === 'worker') {
    if (status === 'awaiting_cardholder') return 'status.worker.awaiting_cardholder';
    if (status === 'rejected') return 'status.worker.rejected';
  }
  if (kind === 'order') return isOrderStatus(status) ? `status.order.${status}` : 'status.unknown';
  return isCardStatus(status) ? `status.card.${status}` : 'status.unknown';
}

/** The way an order goes when nothing goes wrong, in order. */
export const orderHappyPath: readonly OrderStatus[] = [
  'awaiting_photo',
  'awaiting_photo_review',
  'awaiting_cardholder',
  'confirmed',
  'in_production',
  'shipped',
  'delivered',
];

/**
 * The steps still ahead of an order on the happy path, for a timeline that shows what comes next.
 * Side branches (needs correction, rejected, cancelled…) have nothing ahead until they return.
 */
export function upcomingStatuses(status: string): OrderStatus[] {
  if (status === 'needs_correction' || status === 'photo_rejected') {
    // Back on the path once the company has fixed the order or the photo.
    const from = status === 'needs_correction' ? 'awaiting_cardholder' : 'awaiting_photo_review';
    return orderHappyPath.slice(orderHappyPath.indexOf(from));
  }
  const index = orderHappyPath.indexOf(status as OrderStatus);
  return index < 0 ? [] : orderHappyPath.slice(index + 1);
}

/** Orders a company may still cancel: up to `confirmed`, before production starts. */
export function isCancellable(status: string): boolean {
  return [
    'awaiting_photo',
    'awaiting_photo_review',
    'photo_rejected',
    'awaiting_cardholder',
    'needs_correction',
    'confirmed',
  ].includes(status);
}

/** Orders whose holder or delivery data a company may correct. */
export function isCorrectable(status: string): boolean {
  return status === 'awaiting_cardholder' || status === 'needs_correction';
}

/** Orders that take a (new) portrait. */
export function takesPhoto(status: string): boolean {
  const open = ['awaiting_photo', 'awaiting_photo_review', 'photo_rejected', 'awaiting_cardholder', 'needs_correction'];
  return open.includes(status);
}
