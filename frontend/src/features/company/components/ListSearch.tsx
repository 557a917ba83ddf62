import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { filterParams } from '../../../lib/paging';

/** The API refuses a longer `q` (422 `validation_failed`). */
export const maxQueryLength = 100;

/** How long typing must pause before the list is asked for again. */
export const searchDelayMs = 300;

/** `?q=` from the URL, as it is sent: trimmed and at most 100 characters. */
export function readQuery(params: URLSearchParams): string {
  return (params.get('q') ?? '').trim().slice(0, maxQueryLength);
}

/** The search parameters with `q` set to `text` (page one), or unchanged if that is already the search. */
function withQuery(params: URLSearchParams, text: string): URLSearchParams {
  const query = text.trim().slice(0, maxQueryLength);
  return readQuery(params) === query ? params : filterParams(params, 'q', query);
}

/**
 * The search box of a company list: names (any spelling), email, card number or its last digits.
 * What is typed goes into the URL (`?q=`) once typing pauses, replacing the history entry rather
 * than adding one per letter, and starts at page one; the status filter stays. Enter searches at
 * once; "Clear" empties it.
 */
export function ListSearch({ id = 'q' }: { id?: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const current = readQuery(params);
  const [value, setValue] = useState(current);
  const [shown, setShown] = useState(current);
  const input = useRef<HTMLInputElement>(null);

  // The URL changed by other means (back button, "Clear the search" link): show what it says,
  // unless it is what was typed (the typed text may have a space at the end).
  if (current !== shown) {
    setShown(current);
    if (current !== value.trim()) setValue(current);
  }

  const apply = (text: string) => setParams((previous) => withQuery(previous, text), { replace: true });

  useEffect(() => {
    if (value.trim().slice(0, maxQueryLength) === current) return;
    const timer = window.setTimeout(
      () => setParams((previous) => withQuery(previous, value), { replace: true }),
      searchDelayMs,
    );
    return () => window.clearTimeout(timer);
  }, [value, current, setParams]);

  function submit(event: FormEvent) {
    event.preventDefault();
    apply(value);
  }

  function clear() {
    setValue('');
    apply('');
    input.current?.focus();
  }

  return (
    <form className="search" role="search" onSubmit={submit} aria-label={t('company.search.region')}>
      <div className="form-group">
        <label className="label" htmlFor={id}>
          {t('company.search.label')}
        </label>
        <div id={`${id}-hint`} className="hint">
          {t('company.search.hint')}
        </div>
        <div className="search__row">
          <input
            ref={input}
            id={id}
            name="q"
            type="text"
            className="input search__input"
            value={value}
            maxLength={maxQueryLength}
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
            aria-describedby={`${id}-hint`}
            onChange={(event) => setValue(event.target.value)}
          />
          <button type="submit" className="button button--secondary search__button">
            {t('company.search.submit')}
          </button>
          {value ? (
            <button type="button" className="button button--secondary search__button" onClick={clear}>
              {t('company.search.clear')}
            </button>
          ) : null}
        </div>
      </div>
    </form>
  );
}
