import { i18n, loadLanguage } from './i18n';
import {
  cardStatuses,
  isCancellable,
  isCorrectable,
  orderStatuses,
  statusKey,
  statusTone,
  takesPhoto,
  upcomingStatuses,
} from './status';

describe('order and card statuses in words and colour', () => {
  test.each(['en', 'sv', 'pl'])('every status has its own words in %s', (language) => {
    const t = i18n.getFixedT(language);
    const orderWords = orderStatuses.map((status) => t(statusKey('order', status)));
    const cardWords = cardStatuses.map((status) => t(statusKey('card', status)));
    expect(new Set(orderWords).size).toBe(orderStatuses.length);
    expect(new Set(cardWords).size).toBe(cardStatuses.length);
    for (const words of [...orderWords, ...cardWords]) expect(words).not.toMatch(/^status\./);
  });

  test('the words say what happened, per language', async () => {
    await loadLanguage('sv');
    await loadLanguage('pl');
    expect(i18n.getFixedT('en')(statusKey('order', 'needs_correction'))).toBe('Needs correction');
    expect(i18n.getFixedT('sv')(statusKey('order', 'needs_correction'))).toBe('Behöver rättas');
    expect(i18n.getFixedT('pl')(statusKey('order', 'needs_correction'))).toBe('Wymaga poprawki');
    expect(i18n.getFixedT('en')(statusKey('card', 'blocked'))).toBe('Blocked');
    expect(i18n.getFixedT('sv')(statusKey('card', 'active'))).toBe('Aktivt');
    expect(i18n.getFixedT('pl')(statusKey('card', 'terminated'))).toBe('Unieważniona');
  });

  test('the worker reads "you" where the status is about them', () => {
    const t = i18n.getFixedT('en');
    expect(t(statusKey('order', 'awaiting_cardholder', 'worker'))).toBe('Waiting for you to check and accept');
    expect(t(statusKey('order', 'awaiting_cardholder'))).toBe('Waiting for the worker to accept');
    expect(t(statusKey('order', 'rejected', 'worker'))).toBe('Rejected by you');
    expect(t(statusKey('order', 'shipped', 'worker'))).toBe('Card sent');
  });

  test('a status this version does not know is "Other", in grey', () => {
    expect(statusKey('order', 'teleported')).toBe('status.unknown');
    expect(statusTone('order', 'teleported')).toBe('grey');
    expect(statusTone('card', 'melted')).toBe('grey');
  });

  test('colours: green for done and usable, red for ended, yellow for needs attention', () => {
    expect(statusTone('order', 'delivered')).toBe('green');
    expect(statusTone('order', 'cancelled')).toBe('red');
    expect(statusTone('order', 'needs_correction')).toBe('yellow');
    expect(statusTone('order', 'awaiting_cardholder')).toBe('blue');
    expect(statusTone('card', 'active')).toBe('green');
    expect(statusTone('card', 'terminated')).toBe('red');
    expect(statusTone('card', 'blocked')).toBe('yellow');
  });
});

describe('what comes next on an order', () => {
  test('the steps after the current one on the usual path', () => {
    expect(upcomingStatuses('awaiting_cardholder')).toEqual(['confirmed', 'in_production', 'shipped', 'delivered']);
    expect(upcomingStatuses('delivered')).toEqual([]);
  });

  test('after a correction or a new photo the order returns to the path', () => {
    expect(upcomingStatuses('needs_correction')[0]).toBe('awaiting_cardholder');
    expect(upcomingStatuses('photo_rejected')[0]).toBe('awaiting_photo_review');
  });

  test('ended orders have nothing ahead', () => {
    expect(upcomingStatuses('cancelled')).toEqual([]);
    expect(upcomingStatuses('rejected')).toEqual([]);
  });

  test('what the company may still do, as the server allows it', () => {
    expect(isCancellable('confirmed')).toBe(true);
    expect(isCancellable('in_production')).toBe(false);
    expect(isCorrectable('needs_correction')).toBe(true);
    expect(isCorrectable('awaiting_photo')).toBe(false);
    expect(takesPhoto('photo_rejected')).toBe(true);
    expect(takesPhoto('confirmed')).toBe(false);
  });
});
