/**
 * The i18next instance: English bundled (the fallback), every other language a chunk of its own loaded
 * before it is shown (nine locale files up front would double the first download), the language detected
 * from the stored choice or the browser, and `<html lang dir>` kept in step with it.
 */
import i18next, { type ParseKeys, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectLanguage, fallbackLanguage, type LanguageCode } from './languages';
import en from './locales/en.json';
import { readStoredLanguage, storeLanguage } from './storage';

const otherLocales = import.meta.glob<{ default: ResourceKey }>(['./locales/*.json', '!./locales/en.json']);

/** Fetches a language's texts once; English is always there. */
export async function loadLanguage(code: LanguageCode): Promise<void> {
  if (i18n.hasResourceBundle(code, 'translation')) return;
  const load = otherLocales[`./locales/${code}.json`];
  if (load) i18n.addResourceBundle(code, 'translation', (await load()).default);
}

function browserLanguages(): readonly string[] {
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

export const i18n = i18next.createInstance();

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  document.documentElement.dir = i18n.dir(language);
});

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: fallbackLanguage,
  fallbackLng: fallbackLanguage,
  interpolation: { escapeValue: false }, // React escapes.
  initAsync: false,
});

/** Resolves when the detected language is loaded and shown: render after it, so the first paint is in it. */
export const i18nReady: Promise<void> = (async () => {
  const detected = detectLanguage(readStoredLanguage(), browserLanguages());
  try {
    await loadLanguage(detected);
    await i18n.changeLanguage(detected);
  } catch {
    // Offline or a failed chunk: English still works.
  }
})();

/** Switches the UI language and remembers the choice. */
export async function changeLanguage(code: LanguageCode): Promise<void> {
  await loadLanguage(code);
  await i18n.changeLanguage(code);
  storeLanguage(code);
}

export function currentLanguage(): string {
  return i18n.resolvedLanguage ?? fallbackLanguage;
}

/** A translation key of the English file (all locales have the same keys). */
export type MessageKey = ParseKeys;
