/**
 * The languages the UI offers, each named in itself. Adding a language is adding its
 * `locales/<code>.json` file and one line here (a unit test checks the two agree).
 */
export const languages = [
  { code: 'en', nativeName: 'English' },
  { code: 'sv', nativeName: 'Svenska' },
  { code: 'de', nativeName: 'Deutsch' },
  { code: 'et', nativeName: 'Eesti' },
  { code: 'lv', nativeName: 'Latviešu' },
  { code: 'lt', nativeName: 'Lietuvių' },
  { code: 'pl', nativeName: 'Polski' },
  { code: 'ro', nativeName: 'Română' },
  { code: 'uk', nativeName: 'Українська' },
] as const;

export type LanguageCode = (typeof languages)[number]['code'];

export const fallbackLanguage: LanguageCode = 'en';

export function isLanguageCode(value: string): value is LanguageCode {
  return languages.some((language) => language.code === value);
}

/** The language the person picked in the switcher on this device, if any (not one detected from the browser). */
export function chosenLanguage(stored: string | null): LanguageCode | undefined {
  return stored !== null && isLanguageCode(stored) ? stored : undefined;
}

/** Maps a BCP 47 tag such as `sv-SE` or `PL` onto a supported language, if any. */
export function matchLanguage(tag: string | null | undefined): LanguageCode | undefined {
  if (!tag) return undefined;
  const normalised = tag.trim().toLowerCase();
  if (isLanguageCode(normalised)) return normalised;
  const primary = normalised.split(/[-_]/)[0] ?? '';
  return isLanguageCode(primary) ? primary : undefined;
}

/** The stored choice wins, then the browser's preferences in order, then English. */
export function detectLanguage(
  stored: string | null,
  browserPreferences: readonly string[],
): LanguageCode {
  for (const candidate of [stored, ...browserPreferences]) {
    const match = matchLanguage(candidate);
    if (match) return match;
  }
  return fallbackLanguage;
}
