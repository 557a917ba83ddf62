/**
 * Turning API failures into words. Only the problem's stable `code` (and the field codes of a
 * validation problem) are read; the server's `title` and `detail` are English for developers and
 * are never shown. Messages are kept as translation keys until rendered, so they follow a language
 * switch.
 */
import { useTranslation } from 'react-i18next';
import { isApiError } from './api/errors';
import { formatWait } from './date';
import type { MessageKey } from './i18n';

/**
 * A translatable message; `waitSeconds` fills a `{{wait}}` placeholder ("2 minutes"); `field` is
 * the id of the control it is about, if any.
 */
export type Message = { key: MessageKey; waitSeconds?: number; field?: string };

/** A message at one form control; `field` is the control's id (the error summary links to it). */
export type FieldError = Message & { field: string };

/** How one server field's errors show on a form: on which control, and the message per code. */
export type ServerFieldRule = {
  field: string;
  codes?: Partial<Record<string, MessageKey>>;
  fallback: MessageKey;
};

/**
 * The message for a failed call: the caller's message for the problem code if it has one, else a
 * general one by status (too many attempts with the wait, server trouble, no connection).
 */
export function describeError(error: unknown, codes: Partial<Record<string, MessageKey>> = {}): Message {
  if (!isApiError(error)) return { key: 'errors.network' };
  const own = error.code ? codes[error.code] : undefined;
  if (own) {
    // Messages for 429 codes say how long to wait; without a `Retry-After` say it in general.
    if (error.status === 429 && error.retryAfter === undefined) return { key: 'errors.tooManyAttempts' };
    return { key: own, waitSeconds: error.retryAfter };
  }
  if (error.status === 429) {
    return error.retryAfter !== undefined
      ? { key: 'errors.tooManyAttemptsWait', waitSeconds: error.retryAfter }
      : { key: 'errors.tooManyAttempts' };
  }
  if (error.status === 401) return { key: 'errors.signedOut' };
  if (error.status === 403) return { key: 'errors.forbidden' };
  if (error.status >= 500) return { key: 'errors.server' };
  return { key: 'errors.unexpected' };
}

/**
 * The field errors of a validation problem, placed on this form's controls by `rules` (keyed by the
 * API's field name). A field the form has no rule for becomes a general message, so nothing is lost.
 */
export function fieldErrorsFromProblem(error: unknown, rules: Record<string, ServerFieldRule>): Message[] {
  if (!isApiError(error)) return [];
  return error.fieldErrors.map(({ field, code }) => {
    const rule = rules[field];
    if (!rule) return { key: 'errors.checkAnswers' };
    const fieldError: FieldError = { field: rule.field, key: rule.codes?.[code] ?? rule.fallback };
    return fieldError;
  });
}

export function isFieldError(message: Message): message is FieldError {
  return message.field !== undefined;
}

/** The first error for a control, if any. */
export function errorFor(errors: readonly Message[], field: string): Message | undefined {
  return errors.find((error) => isFieldError(error) && error.field === field);
}

/** Renders a `Message` in the current language. */
export function useMessageText(): (message: Message) => string {
  const { t, i18n } = useTranslation();
  return (message) =>
    t(message.key, {
      wait: formatWait(message.waitSeconds ?? 0, i18n.resolvedLanguage ?? 'en'),
    });
}
