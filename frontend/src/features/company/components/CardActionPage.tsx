import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { TextArea } from '../../../components/ui/Field';
import { Page } from '../../../components/ui/Page';
import { StatusTag } from '../../../components/ui/StatusTag';
import { SummaryList } from '../../../components/ui/SummaryList';
import { shownCardNumber } from '../../../lib/card-number';
import { formatIsoDate } from '../../../lib/date';
import { describeError, errorFor, type Message } from '../../../lib/messages';
import { validateReason } from '../../../lib/validation';
import { useChangeCard, type CardAction } from '../api/change-card';
import type { CompanyCard } from '../api/list-cards';
import { CompanyCardScope, useHolderName } from './CardScope';
import type { CardsListState } from './CardsListPage';
import { useCompany } from './CompanyScope';

const actions: readonly CardAction[] = ['block', 'unblock', 'terminate'];

function isAction(value: string | undefined): value is CardAction {
  return (actions as readonly (string | undefined)[]).includes(value);
}

/**
 * Block, unblock or terminate a card, with a reason. Terminating is permanent, so it takes a
 * second, explicit confirmation step that repeats what will happen.
 */
export function CardActionPage() {
  const { t } = useTranslation();
  const company = useCompany();
  const { action } = useParams();
  const titles: Record<CardAction, string> = {
    block: t('company.cardAction.block.title'),
    unblock: t('company.cardAction.unblock.title'),
    terminate: t('company.cardAction.terminate.title'),
  };
  if (!isAction(action)) {
    return (
      <Page title={t('notFound.title')} error>
        <p>{t('notFound.body')}</p>
      </Page>
    );
  }
  const title = titles[action];
  return (
    <CompanyCardScope title={title}>
      {(card) => (
        <Page title={title} caption={company.name}>
          <CardActionForm card={card} action={action} />
        </Page>
      )}
    </CompanyCardScope>
  );
}

function CardActionForm({ card, action }: { card: CompanyCard; action: CardAction }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const navigate = useNavigate();
  const company = useCompany();
  const change = useChangeCard();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  const confirmation = useRef<HTMLDivElement>(null);
  const number = shownCardNumber(card);
  const holder = useHolderName(card);
  const listPath = `/company/${company.id}/cards`;
  const texts = {
    block: {
      intro: t('company.cardAction.block.intro'),
      submit: t('company.cardAction.block.submit'),
    },
    unblock: {
      intro: t('company.cardAction.unblock.intro'),
      submit: t('company.cardAction.unblock.submit'),
    },
    terminate: {
      intro: t('company.cardAction.terminate.intro'),
      submit: t('company.cardAction.terminate.continue'),
    },
  }[action];

  // The confirmation replaces the form: move focus to it, so it is read out and the next Tab is its button.
  useEffect(() => {
    if (confirming) confirmation.current?.focus();
  }, [confirming]);

  function send() {
    change.mutate(
      { companyId: company.id, id: card.id, action, reason: reason.trim() },
      {
        onSuccess: () => {
          const state: CardsListState = { done: action, number };
          void navigate(listPath, { state });
        },
        onError: (error) => {
          setConfirming(false);
          setAttempt((n) => n + 1);
          setErrors([describeError(error, { invalid_state: 'company.cardAction.invalidState' })]);
        },
      },
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const invalid = validateReason(reason);
    setErrors(invalid);
    if (invalid.length > 0) return;
    if (action === 'terminate') setConfirming(true);
    else send();
  }

  const summary = (
    <SummaryList
      rows={[
        { key: 'number', label: t('company.cards.number'), value: <span className="card-number">{number}</span> },
        { key: 'holder', label: t('company.cardAction.holder'), value: holder },
        { key: 'status', label: t('company.cards.status'), value: <StatusTag kind="card" status={card.status} /> },
        { key: 'valid', label: t('company.cards.validUntil'), value: formatIsoDate(card.valid_until, language) },
      ]}
    />
  );

  if (confirming) {
    return (
      <>
        <div className="warning-box" ref={confirmation} tabIndex={-1}>
          <h2 className="warning-box__title">{t('company.cardAction.terminate.confirmTitle')}</h2>
          <p>{t('company.cardAction.terminate.confirmBody', { number, holder })}</p>
        </div>
        {summary}
        <SummaryList rows={[{ key: 'reason', label: t('company.cardAction.reason'), value: reason.trim() }]} />
        <div className="button-group">
          <button type="button" className="button button--warning" disabled={change.isPending} onClick={send}>
            {t('company.cardAction.terminate.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
            {t('company.cardAction.terminate.back')}
          </button>
        </div>
        <p>
          <Link className="action-link" to={listPath}>
            {t('company.cardAction.keep')}
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      {summary}
      <p>{texts.intro}</p>
      <form noValidate onSubmit={submit}>
        <TextArea
          id="reason"
          label={t('company.cardAction.reason')}
          hint={t('company.cardAction.reasonHint')}
          value={reason}
          onValue={setReason}
          maxLength={500}
          error={errorFor(errors, 'reason')}
        />
        <div className="button-group">
          <button
            type="submit"
            className={`button${action === 'unblock' ? '' : ' button--warning'}`}
            disabled={change.isPending}
          >
            {texts.submit}
          </button>
          <Link className="action-link" to={listPath}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
