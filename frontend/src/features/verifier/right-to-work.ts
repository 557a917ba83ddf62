/**
 * Who needs a residence permit to work on a Swedish site: everyone whose nationality is outside the EU/EEA
 * and Switzerland (free movement of workers). The server decides (`right_to_work_required`); this list
 * only lets the form ask for the permit before a round trip. ISO 3166-1 alpha-3, as in passports; alpha-2
 * is accepted too.
 */
import { countryByAlpha2 } from '../../lib/countries';

/** The 27 EU member states, the other EEA states (Iceland, Liechtenstein, Norway) and Switzerland. */
export const freeMovementCountries: ReadonlySet<string> = new Set([
  // EU
  'AUT', 'BEL', 'BGR', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'IRL',
  'ITA', 'LVA', 'LTU', 'LUX', 'MLT', 'NLD', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE',
  // EEA
  'ISL', 'LIE', 'NOR',
  // Switzerland
  'CHE',
]);

function alpha3(code: string): string {
  const value = code.trim().toUpperCase();
  return value.length === 2 ? (countryByAlpha2(value)?.alpha3 ?? value) : value;
}

/**
 * Whether a worker of this nationality needs a residence permit (alpha-3 or alpha-2). Nothing chosen yet
 * asks for nothing; any other code, including stateless (XXA) and refugee (XXB, XXC) documents, needs one.
 */
export function needsRightToWork(nationality: string): boolean {
  const code = alpha3(nationality);
  if (!code) return false;
  return !freeMovementCountries.has(code);
}
