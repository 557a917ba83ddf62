/**
 * A card's validity as the people who act on it see it: "expires soon" (a new card should be ordered)
 * and "renewable" (the company may order a new card from this one). `valid_until` is the card's last
 * valid day; the API already reports a card past it as `expired`.
 */
import { todayIso } from './date';

/** How many days ahead a card counts as expiring soon: the API's first reminder goes out then too. */
export const expiresSoonDays = 30;

/** Cards that are still in use (not ended for good, not expired). */
const liveStatuses = ['active', 'inactive', 'blocked'];

/** Whole days from `today` to `iso` (both `YYYY-MM-DD`): 0 on the day itself, negative once past. */
export function daysUntil(iso: string, today = todayIso()): number {
  const day = (value: string) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  };
  return Math.round((day(iso) - day(today)) / 86_400_000);
}

/** A live card whose last valid day is today or within the next 30 days. */
export function expiresSoon(card: { status: string; valid_until: string }, today = todayIso()): boolean {
  if (!liveStatuses.includes(card.status)) return false;
  const days = daysUntil(card.valid_until, today);
  return days >= 0 && days <= expiresSoonDays;
}

/** Cards a company may renew: all but terminated ones (the worker has left the company). */
export function isRenewable(status: string): boolean {
  return [...liveStatuses, 'expired'].includes(status);
}
