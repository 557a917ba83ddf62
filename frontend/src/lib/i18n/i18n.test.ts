import en from './locales/en.json';
import { chosenLanguage, detectLanguage, languages, matchLanguage } from './languages';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

function placeholders(tree: Tree): Record<string, string[]> {
  const flat: Record<string, string[]> = {};
  const walk = (node: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') {
        flat[`${prefix}${key}`] = [...value.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1] ?? '').sort();
      } else {
        walk(value, `${prefix}${key}.`);
      }
    }
  };
  walk(tree, '');
  return flat;
}

function lookup(tree: Tree, key: string): string | undefined {
  const value = key.split('.').reduce<Tree | string | undefined>(
    (node, part) => (typeof node === 'object' ? node[part] : undefined),
    tree,
  );
  return typeof value === 'string' ? value : undefined;
}

const localeFiles = import.meta.glob<{ default: Tree }>('./locales/*.json', { eager: true });
const locales = Object.fromEntries(
  Object.entries(localeFiles).map(([path, module]) => [path.replace(/^.*\/(.+)\.json$/, '$1'), module.default]),
);

describe('locale files', () => {
  test.each(Object.entries(locales))('%s has exactly the keys of en, none empty', (_code, locale) => {
    expect(keys(locale).sort()).toEqual(keys(en).sort());
    for (const key of keys(locale)) {
      const value = key.split('.').reduce<Tree | string | undefined>(
        (node, part) => (typeof node === 'object' ? node[part] : undefined),
        locale,
      );
      expect(value, key).toBeTruthy();
    }
  });

  test.each(Object.entries(locales))('%s uses the same {{placeholders}} as en', (_code, locale) => {
    expect(placeholders(locale)).toEqual(placeholders(en));
  });

  // Names and codes read the same in every language; anything else equal to English is an untranslated copy.
  const sameInEveryLanguage = new Set(['app.name', 'country.icao.RKS']);

  test.each(Object.entries(locales).filter(([code]) => code !== 'en'))(
    '%s is translated, not a copy of the English text',
    (_code, locale) => {
      const english = Object.fromEntries(keys(en).map((key) => [key, lookup(en, key)]));
      const copied = keys(locale).filter((key) => !sameInEveryLanguage.has(key) && lookup(locale, key) === english[key]);
      expect(copied).toEqual([]);
    },
  );

  test('all nine languages are there', () => {
    expect(Object.keys(locales).sort()).toEqual(['de', 'en', 'et', 'lt', 'lv', 'pl', 'ro', 'sv', 'uk']);
  });

  test('every locale file is offered in the switcher and every offered language has a file', () => {
    expect(Object.keys(locales).sort()).toEqual(languages.map((language) => language.code).sort());
  });
});

describe('language detection', () => {
  test('a stored choice wins over the browser', () => {
    expect(detectLanguage('pl', ['sv-SE', 'en'])).toBe('pl');
  });

  test('the first supported browser language is used, by its primary subtag', () => {
    expect(detectLanguage(null, ['fr-FR', 'uk-UA', 'en'])).toBe('uk');
  });

  test('an unsupported stored value is ignored', () => {
    expect(detectLanguage('xx', ['pl-PL'])).toBe('pl');
  });

  test('falls back to English', () => {
    expect(detectLanguage(null, ['fr-FR', 'ru'])).toBe('en');
  });

  test('only a language picked on this device counts as chosen', () => {
    expect(chosenLanguage('lt')).toBe('lt');
    expect(chosenLanguage(null)).toBeUndefined();
    expect(chosenLanguage('xx')).toBeUndefined();
  });

  test('matches case-insensitively', () => {
    expect(matchLanguage('SV')).toBe('sv');
    expect(matchLanguage('pl_PL')).toBe('pl');
    expect(matchLanguage('')).toBeUndefined();
  });
});
