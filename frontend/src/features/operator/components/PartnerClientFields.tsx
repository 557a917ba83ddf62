import { useTranslation } from 'react-i18next';
import { describedBy, ErrorMessage, TextField } from '../../../components/ui/Field';
import { errorFor, type Message } from '../../../lib/messages';
import { webhookEventLabels, webhookEventTypes } from '../events';
import { eventFieldId, fieldIds, type ClientValues } from '../validation';

type PartnerClientFieldsProps = {
  values: ClientValues;
  onValues: (update: (current: ClientValues) => ClientValues) => void;
  errors: readonly Message[];
  /** A new client also asks for its id; an existing client's id cannot change. */
  mode: 'new' | 'edit';
};

/**
 * Client id, name, webhook URL and the event types. "All event types" is checked by default;
 * unchecking it reveals one checkbox per type, right below it (the next Tab reaches them).
 */
export function PartnerClientFields({ values, onValues, errors, mode }: PartnerClientFieldsProps) {
  const { t } = useTranslation();
  const set =
    <K extends keyof ClientValues>(field: K) =>
    (value: ClientValues[K]) =>
      onValues((current) => ({ ...current, [field]: value }));
  const toggle = (type: string, checked: boolean) =>
    onValues((current) => ({
      ...current,
      events: checked ? [...current.events.filter((e) => e !== type), type] : current.events.filter((e) => e !== type),
    }));
  const eventsError = errorFor(errors, fieldIds.allEvents) ?? errorFor(errors, eventFieldId(webhookEventTypes[0]));
  const eventsId = 'webhook-events';

  return (
    <>
      {mode === 'new' ? (
        <TextField
          id={fieldIds.clientId}
          label={t('operator.form.clientId')}
          hint={t('operator.form.clientIdHint')}
          width={20}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={values.client_id}
          onValue={set('client_id')}
          error={errorFor(errors, fieldIds.clientId)}
        />
      ) : null}
      <TextField
        id={fieldIds.name}
        label={t('operator.form.name')}
        hint={t('operator.form.nameHint')}
        autoComplete="off"
        maxLength={200}
        value={values.name}
        onValue={set('name')}
        error={errorFor(errors, fieldIds.name)}
      />
      <TextField
        id={fieldIds.webhookUrl}
        label={t('operator.form.webhookUrl')}
        hint={t('operator.form.webhookUrlHint')}
        type="url"
        inputMode="url"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        value={values.webhook_url}
        onValue={set('webhook_url')}
        error={errorFor(errors, fieldIds.webhookUrl)}
      />
      <div className={`form-group${eventsError ? ' form-group--error' : ''}`}>
        <fieldset className="fieldset" aria-describedby={describedBy(eventsId, true, eventsError)}>
          <legend className="fieldset__legend">{t('operator.form.events')}</legend>
          <div id={`${eventsId}-hint`} className="hint">
            {t('operator.form.eventsHint')}
          </div>
          <ErrorMessage id={`${eventsId}-error`} error={eventsError} />
          <div className="checkboxes">
            <div className="checkboxes__item">
              <input
                className="checkboxes__input"
                id={fieldIds.allEvents}
                name={fieldIds.allEvents}
                type="checkbox"
                checked={values.all_events}
                aria-describedby={`${fieldIds.allEvents}-hint`}
                onChange={(event) => set('all_events')(event.target.checked)}
              />
              <div className="checkboxes__text">
                <label className="checkboxes__label" htmlFor={fieldIds.allEvents}>
                  {t('operator.form.allEvents')}
                </label>
                <span id={`${fieldIds.allEvents}-hint`} className="checkboxes__hint">
                  {t('operator.form.allEventsHint')}
                </span>
              </div>
            </div>
            {values.all_events ? null : (
              <div className="checkboxes__conditional">
                {webhookEventTypes.map((type) => {
                  const id = eventFieldId(type);
                  return (
                    <div className="checkboxes__item" key={type}>
                      <input
                        className="checkboxes__input"
                        id={id}
                        name="webhook_event"
                        type="checkbox"
                        value={type}
                        checked={values.events.includes(type)}
                        aria-describedby={`${id}-hint`}
                        onChange={(event) => toggle(type, event.target.checked)}
                      />
                      <div className="checkboxes__text">
                        <label className="checkboxes__label" htmlFor={id}>
                          {t(webhookEventLabels[type])}
                        </label>
                        <code id={`${id}-hint`} className="checkboxes__hint">
                          {type}
                        </code>
                      </div>
                    </div>
                  );
                })}
              </div>
            )}
          </div>
        </fieldset>
      </div>
    </>
  );
}
