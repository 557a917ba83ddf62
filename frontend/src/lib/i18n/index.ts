/**
 * The i18next instance: all locale files bundled (they are small), the language detected
 * from the stored choice or the browser, and `<html lang dir>` kept in step with it.
 */
import i18next, { type ParseKeys, type Resource, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectLanguage, fallbackLanguage, type LanguageCode } from './languages';
import { readStoredLanguage, storeLanguage } from './storage';

const localeFiles = import.meta.glob<{ default: ResourceKey }>('./locales/*.json', {
  eager: true,
});

const resources: Resource = Object.fromEntries(
  Object.entries(localeFiles).map(([path, module]) => [
    path.replace(/^.*\/(.+)\.json$/, '$1'),
    { translation: module.default },
  ]),
);

function browserLanguages(): readonly string[] {
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

export const i18n = i18next.createInstance();

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  document.documentElement.dir = i18n.dir(language);
});

void i18n.use(initReactI18next).init({
  resources,
  lng: detectLanguage(readStoredLanguage(), browserLanguages()),
  fallbackLng: fallbackLanguage,
  interpolation: { escapeValue: false }, // React escapes.
  initAsync: false, // Resources are bundled: render in the right language from the first paint.
});

/** Switches the UI language and remembers the choice. */
export async function changeLanguage(code: LanguageCode): Promise<void> {
  await i18n.changeLanguage(code);
  storeLanguage(code);
}

export function currentLanguage(): string {
  return i18n.resolvedLanguage ?? fallbackLanguage;
}

/** A translation key of the English file (all locales have the same keys). */
export type MessageKey = ParseKeys;
