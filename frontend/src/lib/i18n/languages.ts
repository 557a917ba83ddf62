/**
 * The languages the UI offers, each named in itself. Adding a language is adding its
 * `locales/<code>.json` file and one line here (a unit test checks the two agree).
 */
export const languages = [
  { code: 'en', nativeName: 'English' },
  { code: 'sv', nativeName: 'Svenska' },
  { code: 'pl', nativeName: 'Polski' },
] as const;

export type LanguageCode = (typeof languages)[number]['code'];

export const fallbackLanguage: LanguageCode = 'en';

export function isLanguageCode(value: string): value is LanguageCode {
  return languages.some((language) => language.code === value);
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
