/**
 * The partner-client form: its values, the checks that mirror the API's rules (the server still
 * decides), the request bodies, and where the server's field errors show.
 */
import { isApiError } from '../../lib/api';
import { describeError, fieldErrorsFromProblem, type FieldError, type Message, type ServerFieldRule } from '../../lib/messages';
import type { CreatePartnerClientBody, PartnerClient, UpdatePartnerClientBody } from './api/partner-clients';
import { webhookEventTypes } from './events';

export type ClientValues = {
  client_id: string;
  name: string;
  webhook_url: string;
  /** "All event types": the client receives every type, including ones added later (`null` to the API). */
  all_events: boolean;
  events: readonly string[];
};

export const emptyClientValues: ClientValues = { client_id: '', name: '', webhook_url: '', all_events: true, events: [] };

/** The form's ids: the error summary links to them. */
export const fieldIds = {
  clientId: 'client_id',
  name: 'name',
  webhookUrl: 'webhook_url',
  allEvents: 'webhook_events',
} as const;

/** The id of one event type's checkbox (`event-order-confirmed`). */
export function eventFieldId(type: string): string {
  return `event-${type.replaceAll('.', '-')}`;
}

const firstEventId = eventFieldId(webhookEventTypes[0]);

export function valuesFromClient(client: PartnerClient): ClientValues {
  return {
    client_id: client.client_id,
    name: client.name,
    webhook_url: client.webhook_url ?? '',
    all_events: !client.webhook_events,
    events: client.webhook_events ?? [],
  };
}

const clientIdPattern = /^[a-z0-9][a-z0-9._-]{2,63}$/;

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The chosen types in the list's order (so comparing and sending do not depend on click order). */
function chosenEvents(values: ClientValues): string[] | null {
  if (values.all_events) return null;
  return webhookEventTypes.filter((type) => values.events.includes(type));
}

function check(values: ClientValues, mode: 'new' | 'edit'): FieldError[] {
  const errors: FieldError[] = [];
  if (mode === 'new') {
    const id = values.client_id.trim();
    if (!id) errors.push({ field: fieldIds.clientId, key: 'operator.form.errors.clientIdRequired' });
    else if (!clientIdPattern.test(id)) errors.push({ field: fieldIds.clientId, key: 'operator.form.errors.clientIdFormat' });
  }
  const name = values.name.trim();
  if (!name) errors.push({ field: fieldIds.name, key: 'operator.form.errors.nameRequired' });
  else if ([...name].length > 100) errors.push({ field: fieldIds.name, key: 'operator.form.errors.nameTooLong' });
  const url = values.webhook_url.trim();
  if (url && !isWebAddress(url)) errors.push({ field: fieldIds.webhookUrl, key: 'operator.form.errors.webhookUrl' });
  if (!values.all_events && (chosenEvents(values) ?? []).length === 0) {
    errors.push({ field: firstEventId, key: 'operator.form.errors.eventsRequired' });
  }
  return errors;
}

export function validateNewClient(values: ClientValues): { errors: FieldError[]; body: CreatePartnerClientBody | null } {
  const errors = check(values, 'new');
  if (errors.length > 0) return { errors, body: null };
  const url = values.webhook_url.trim();
  return {
    errors,
    body: {
      client_id: values.client_id.trim(),
      name: values.name.trim(),
      webhook_url: url || null,
      webhook_events: chosenEvents(values),
    },
  };
}

function sameEvents(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((type) => b.includes(type));
}

/**
 * The PATCH body: only what changed (absent = unchanged; `null` clears the webhook URL or means every
 * event type). `body` is null with no errors when nothing changed: `unchanged` says so.
 */
export function validateClientChanges(
  values: ClientValues,
  client: PartnerClient,
): { errors: Message[]; body: UpdatePartnerClientBody | null } {
  const errors = check(values, 'edit');
  if (errors.length > 0) return { errors, body: null };
  const body: UpdatePartnerClientBody = {};
  const name = values.name.trim();
  if (name !== client.name) body.name = name;
  const url = values.webhook_url.trim();
  if (url !== (client.webhook_url ?? '')) body.webhook_url = url || null;
  const events = chosenEvents(values);
  if (!sameEvents(events, client.webhook_events ?? null)) body.webhook_events = events;
  if (Object.keys(body).length === 0) return { errors: [{ key: 'operator.edit.noChanges' }], body: null };
  return { errors, body };
}

const serverFields: Record<string, ServerFieldRule> = {
  client_id: { field: fieldIds.clientId, fallback: 'operator.form.errors.clientIdFormat' },
  name: { field: fieldIds.name, fallback: 'operator.form.errors.nameTooLong' },
  webhook_url: { field: fieldIds.webhookUrl, fallback: 'operator.form.errors.webhookUrlRefused' },
  webhook_events: { field: fieldIds.allEvents, fallback: 'operator.form.errors.eventsInvalid' },
};

/** A failed create or change, in words at the fields it is about. */
export function clientErrorsFromServer(error: unknown, allEvents: boolean): Message[] {
  if (!isApiError(error)) return [describeError(error)];
  if (error.code === 'validation_failed') {
    // With the types listed, their error goes to the first of them; with "All event types", to that box.
    const rules: Record<string, ServerFieldRule> = allEvents
      ? serverFields
      : { ...serverFields, webhook_events: { field: firstEventId, fallback: 'operator.form.errors.eventsInvalid' } };
    const fieldErrors = fieldErrorsFromProblem(error, rules);
    return fieldErrors.length > 0 ? fieldErrors : [{ key: 'errors.checkAnswers' }];
  }
  if (error.code === 'invalid_webhook_url') {
    return [{ field: fieldIds.webhookUrl, key: 'operator.form.errors.webhookUrlRefused' }];
  }
  if (error.code === 'client_exists') return [{ field: fieldIds.clientId, key: 'operator.form.errors.clientExists' }];
  if (error.status === 404) return [{ key: 'operator.edit.notFound' }];
  return [describeError(error)];
}
