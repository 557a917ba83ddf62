import { freeMovementCountries, needsRightToWork } from './right-to-work';

const eu = [
  ['AUT', 'AT'], ['BEL', 'BE'], ['BGR', 'BG'], ['HRV', 'HR'], ['CYP', 'CY'], ['CZE', 'CZ'], ['DNK', 'DK'],
  ['EST', 'EE'], ['FIN', 'FI'], ['FRA', 'FR'], ['DEU', 'DE'], ['GRC', 'GR'], ['HUN', 'HU'], ['IRL', 'IE'],
  ['ITA', 'IT'], ['LVA', 'LV'], ['LTU', 'LT'], ['LUX', 'LU'], ['MLT', 'MT'], ['NLD', 'NL'], ['POL', 'PL'],
  ['PRT', 'PT'], ['ROU', 'RO'], ['SVK', 'SK'], ['SVN', 'SI'], ['ESP', 'ES'], ['SWE', 'SE'],
] as const;
const eea = [['ISL', 'IS'], ['LIE', 'LI'], ['NOR', 'NO']] as const;
const switzerland = [['CHE', 'CH']] as const;

describe('who needs a residence permit to work', () => {
  test('the list is exactly the 27 EU states, Iceland, Liechtenstein, Norway and Switzerland', () => {
    expect(eu).toHaveLength(27);
    expect([...freeMovementCountries].sort()).toEqual([...eu, ...eea, ...switzerland].map(([a3]) => a3).sort());
  });

  test.each([...eu, ...eea, ...switzerland])('%s (%s): free movement, no permit', (a3, a2) => {
    expect(needsRightToWork(a3)).toBe(false);
    expect(needsRightToWork(a2)).toBe(false);
    expect(needsRightToWork(a3.toLowerCase())).toBe(false);
    expect(needsRightToWork(` ${a2.toLowerCase()} `)).toBe(false);
  });

  test.each([
    ['UKR', 'UA'],
    ['GBR', 'GB'],
    ['BLR', 'BY'],
    ['SRB', 'RS'],
    ['TUR', 'TR'],
    ['USA', 'US'],
    ['MDA', 'MD'],
    ['VNM', 'VN'],
  ])('%s (%s): outside the EU/EEA and Switzerland, a permit is needed', (a3, a2) => {
    expect(needsRightToWork(a3)).toBe(true);
    expect(needsRightToWork(a2)).toBe(true);
  });

  test.each(['XXA', 'XXB', 'XXC', 'XXX', 'RKS'])('%s (stateless, refugee, unspecified, Kosovo) needs a permit', (code) => {
    expect(needsRightToWork(code)).toBe(true);
  });

  test('nothing chosen yet asks for nothing', () => {
    expect(needsRightToWork('')).toBe(false);
    expect(needsRightToWork('  ')).toBe(false);
  });
});
