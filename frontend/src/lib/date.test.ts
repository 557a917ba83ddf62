import { dateFromParts, formatIsoDate, formatWait, todayIso } from './date';

describe('dateFromParts: three fields for a date', () => {
  test('builds an ISO date, padding day and month', () => {
    expect(dateFromParts({ day: '12', month: '4', year: '1990' })).toEqual({ ok: true, value: '1990-04-12' });
    expect(dateFromParts({ day: ' 1 ', month: '01', year: '2031' })).toEqual({ ok: true, value: '2031-01-01' });
  });

  test('all empty is "required"; one part missing says which', () => {
    expect(dateFromParts({ day: '', month: '', year: '' })).toEqual({ ok: false, error: 'required' });
    expect(dateFromParts({ day: '', month: '4', year: '1990' })).toEqual({ ok: false, error: 'missing_day' });
    expect(dateFromParts({ day: '12', month: '', year: '1990' })).toEqual({ ok: false, error: 'missing_month' });
    expect(dateFromParts({ day: '12', month: '4', year: '' })).toEqual({ ok: false, error: 'missing_year' });
  });

  test.each([
    ['31', '4', '1990'],
    ['29', '2', '2023'],
    ['0', '1', '1990'],
    ['12', '13', '1990'],
    ['1a', '4', '1990'],
    ['12', '4', '19x0'],
  ])('%s.%s.%s is not a real date', (day, month, year) => {
    expect(dateFromParts({ day, month, year })).toEqual({ ok: false, error: 'invalid' });
  });

  test.each(['90', '5', '199'])('a year of %s digits is asked for with 4 digits', (year) => {
    expect(dateFromParts({ day: '12', month: '4', year })).toEqual({ ok: false, error: 'missing_year' });
  });

  test('29 February exists in leap years', () => {
    expect(dateFromParts({ day: '29', month: '2', year: '2024' })).toEqual({ ok: true, value: '2024-02-29' });
  });
});

describe('formatting', () => {
  test('dates are written in words, the European way in English', () => {
    expect(formatIsoDate('1990-04-12', 'en')).toBe('12 April 1990');
    expect(formatIsoDate('1990-04-12', 'sv')).toBe('12 april 1990');
    expect(formatIsoDate('1990-04-12', 'pl')).toBe('12 kwietnia 1990');
  });

  test('waits are said in the reader’s language, rounded up', () => {
    expect(formatWait(30, 'en')).toBe('30 seconds');
    expect(formatWait(61, 'en')).toBe('2 minutes');
    expect(formatWait(120, 'sv')).toBe('2 minuter');
    expect(formatWait(300, 'pl')).toBe('5 minut');
  });

  test('today is local and comparable with ISO dates', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
