import { daysUntil, expiresSoon, isRenewable } from './card-expiry';

describe('card expiry', () => {
  const today = '2031-11-01';

  test('days are counted between calendar dates, across months and years', () => {
    expect(daysUntil('2031-11-01', today)).toBe(0);
    expect(daysUntil('2031-12-01', today)).toBe(30);
    expect(daysUntil('2032-01-01', today)).toBe(61);
    expect(daysUntil('2031-10-31', today)).toBe(-1);
    // Not thrown off by a daylight-saving change in between (end of March in Europe).
    expect(daysUntil('2032-04-01', '2032-03-01')).toBe(31);
  });

  test('a live card expires soon from 30 days before its last valid day up to that day', () => {
    for (const status of ['active', 'inactive', 'blocked']) {
      expect(expiresSoon({ status, valid_until: '2031-11-01' }, today)).toBe(true);
      expect(expiresSoon({ status, valid_until: '2031-12-01' }, today)).toBe(true);
      expect(expiresSoon({ status, valid_until: '2031-12-02' }, today)).toBe(false);
    }
  });

  test('expired and terminated cards, and unreadable dates, never "expire soon"', () => {
    expect(expiresSoon({ status: 'expired', valid_until: '2031-11-10' }, today)).toBe(false);
    expect(expiresSoon({ status: 'terminated', valid_until: '2031-11-10' }, today)).toBe(false);
    expect(expiresSoon({ status: 'active', valid_until: '2031-10-31' }, today)).toBe(false);
    expect(expiresSoon({ status: 'active', valid_until: 'soon' }, today)).toBe(false);
  });

  test('every card but a terminated one can be renewed', () => {
    expect(['active', 'inactive', 'blocked', 'expired'].every(isRenewable)).toBe(true);
    expect(isRenewable('terminated')).toBe(false);
    expect(isRenewable('something_new')).toBe(false);
  });
});
