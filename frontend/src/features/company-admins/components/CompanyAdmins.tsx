import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { TextField } from '../../../components/ui/Field';
import { SkeletonList } from '../../../components/ui/Skeleton';
import { isApiError } from '../../../lib/api';
import { meQueryKey, useMe } from '../../../lib/auth';
import { validateEmail } from '../../../lib/email';
import { describeError, errorFor, fieldErrorsFromProblem, useMessageText, type Message } from '../../../lib/messages';
import {
  useCompanyAdmins,
  useInviteCompanyAdmin,
  useRemoveCompanyAdmin,
  type CompanyAdmin,
} from '../api/admins';

type CompanyAdminsProps = {
  company: { id: string; name: string };
  /** The level of the panel's own headings ("Invite an administrator"): 2 on a page of its own, 3 under a section. */
  headingLevel?: 2 | 3;
};

const emailField = 'admin-email';

/**
 * A company's administrators: who they are and whether they have set up their account, invite one
 * by email, remove one after a confirmation. Used by operators (on the company's page) and by the
 * company's own administrators (their "Administrators" page); the server decides who may.
 */
export function CompanyAdmins({ company, headingLevel = 2 }: CompanyAdminsProps) {
  const { t } = useTranslation();
  const text = useMessageText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const admins = useCompanyAdmins(company.id);
  const remove = useRemoveCompanyAdmin();
  const [asking, setAsking] = useState<CompanyAdmin | null>(null);
  const [result, setResult] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);
  const live = useRef<HTMLDivElement>(null);
  // The message is what to read next; focused after the dialog has closed and given focus back to its opener.
  useEffect(() => {
    if (result) live.current?.focus();
  }, [result]);
  const Heading = `h${headingLevel}` as const;

  function announce(message: string, tone: 'success' | 'error') {
    setResult({ text: message, tone });
  }

  function confirmRemove(admin: CompanyAdmin) {
    const self = admin.account_id === me.data?.id;
    remove.mutate(
      { companyId: company.id, accountId: admin.account_id },
      {
        onSuccess: () => {
          setAsking(null);
          if (self) {
            // No longer theirs: the company area would refuse every page of it.
            void queryClient.invalidateQueries({ queryKey: meQueryKey }).then(() => navigate('/'));
            return;
          }
          announce(t('companyAdmins.removed', { email: admin.email, company: company.name }), 'success');
        },
        onError: (error) => {
          setAsking(null);
          if (isApiError(error) && error.code === 'last_admin') announce(t('companyAdmins.lastAdmin'), 'error');
          else if (isApiError(error) && error.status === 404) announce(t('companyAdmins.gone', { email: admin.email }), 'error');
          else announce(text(describeError(error)), 'error');
        },
      },
    );
  }

  const row = (admin: CompanyAdmin) => {
    const self = admin.account_id === me.data?.id;
    return (
      <tr key={admin.account_id}>
        <td data-label={t('companyAdmins.email')}>
          <span className="table__url">{admin.email}</span>
          {self ? <span className="table__secondary">{t('companyAdmins.you')}</span> : null}
        </td>
        <td data-label={t('companyAdmins.status')}>
          <strong className={`tag tag--${admin.status === 'active' ? 'green' : 'blue'}`} data-status={admin.status}>
            {t(`companyAdmins.statuses.${admin.status}`)}
          </strong>
        </td>
        <td data-label={t('companyAdmins.actions')}>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={remove.isPending}
            onClick={() => {
              setResult(null);
              setAsking(admin);
            }}
          >
            {t('companyAdmins.remove')} <span className="visually-hidden">{admin.email}</span>
          </button>
        </td>
      </tr>
    );
  };

  return (
    <>
      <div
        ref={live}
        tabIndex={-1}
        role="status"
        className={result ? `notice notice--${result.tone === 'success' ? 'success' : 'info'}` : 'live-region'}
      >
        {result ? <p className="notice__title">{result.text}</p> : null}
      </div>
      <p>{t('companyAdmins.intro')}</p>
      {admins.isPending ? <SkeletonList items={2} lines={1} tag /> : null}
      {admins.isError ? <p role="alert">{text(describeError(admins.error))}</p> : null}
      {admins.data && admins.data.length === 0 ? (
        <div className="empty-state">
          <p>{t('companyAdmins.empty')}</p>
        </div>
      ) : null}
      {admins.data && admins.data.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">{t('companyAdmins.caption', { company: company.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('companyAdmins.email')}</th>
              <th scope="col">{t('companyAdmins.status')}</th>
              <th scope="col">{t('companyAdmins.actions')}</th>
            </tr>
          </thead>
          <tbody>{admins.data.map(row)}</tbody>
        </table>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title={t('companyAdmins.confirm.title', { email: asking.email })}
          confirmLabel={t('companyAdmins.confirm.submit')}
          cancelLabel={t('companyAdmins.confirm.cancel')}
          busy={remove.isPending}
          onConfirm={() => confirmRemove(asking)}
          onCancel={() => setAsking(null)}
        >
          <p>
            {asking.account_id === me.data?.id
              ? t('companyAdmins.confirm.bodySelf', { company: company.name })
              : t('companyAdmins.confirm.body', { company: company.name })}
          </p>
        </ConfirmDialog>
      ) : null}
      <Heading>{t('companyAdmins.invite.title')}</Heading>
      <InviteAdminForm company={company} onDone={(message) => announce(message, 'success')} />
    </>
  );
}

function InviteAdminForm({ company, onDone }: { company: { id: string; name: string }; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const invite = useInviteCompanyAdmin();
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const invalid = validateEmail(email, emailField);
    setErrors(invalid);
    if (invalid.length > 0) return;
    invite.mutate(
      { companyId: company.id, email: email.trim() },
      {
        onSuccess: (admin) => {
          setEmail('');
          onDone(
            admin.status === 'active'
              ? t('companyAdmins.invite.added', { email: admin.email, company: company.name })
              : t('companyAdmins.invite.sent', { email: admin.email }),
          );
        },
        onError: (error) => {
          setAttempt((n) => n + 1);
          if (isApiError(error) && error.code === 'validation_failed') {
            const fieldErrors = fieldErrorsFromProblem(error, {
              email: { field: emailField, fallback: 'emailField.errors.format' },
            });
            setErrors(fieldErrors.length > 0 ? fieldErrors : [{ key: 'errors.checkAnswers' }]);
          } else {
            setErrors([describeError(error)]);
          }
        },
      },
    );
  }

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form noValidate onSubmit={submit}>
        <TextField
          id={emailField}
          label={t('companyAdmins.invite.email')}
          hint={t('companyAdmins.invite.hint')}
          type="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={email}
          onValue={setEmail}
          error={errorFor(errors, emailField)}
        />
        <button type="submit" className="button" disabled={invite.isPending}>
          {t('companyAdmins.invite.submit')}
        </button>
      </form>
    </>
  );
}
