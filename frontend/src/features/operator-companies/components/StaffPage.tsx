import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { Radios, TextField } from '../../../components/ui/Field';
import { OperatorTabs } from '../../../components/ui/OperatorTabs';
import { Page } from '../../../components/ui/Page';
import { SkeletonList } from '../../../components/ui/Skeleton';
import { isApiError } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { validateEmail } from '../../../lib/email';
import { describeError, errorFor, fieldErrorsFromProblem, useMessageText, type Message } from '../../../lib/messages';
import {
  isStaffRole,
  staffRoles,
  useInviteStaff,
  useRemoveStaffRole,
  useStaff,
  type StaffMember,
  type StaffRole,
} from '../api/staff';

/** Every role an account can hold, by name (a verifier may also hold a card). */
const roleKeys = {
  cardholder: 'staff.roles.cardholder',
  company_admin: 'staff.roles.company_admin',
  verifier: 'staff.roles.verifier',
  operator: 'staff.roles.operator',
} as const;

type Asking = { member: StaffMember; role: StaffRole };

/**
 * Verifiers and operators: who they are, their roles, whether they have set up their account; invite
 * one; take a role away after a confirmation that says they are signed out at once.
 */
export function StaffPage() {
  const { t } = useTranslation();
  const text = useMessageText();
  const me = useMe();
  const staff = useStaff();
  const remove = useRemoveStaffRole();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [result, setResult] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);
  const live = useRef<HTMLDivElement>(null);
  // The message is what to read next; focused after the dialog has closed and given focus back to its opener.
  useEffect(() => {
    if (result) live.current?.focus();
  }, [result]);
  const roleName = (role: string) => (role in roleKeys ? t(roleKeys[role as keyof typeof roleKeys]) : role);

  function announce(message: string, tone: 'success' | 'error') {
    setResult({ text: message, tone });
  }

  function confirmRemove({ member, role }: Asking) {
    remove.mutate(
      { accountId: member.account_id, role },
      {
        onSuccess: () => {
          setAsking(null);
          announce(t('staff.removed', { email: member.email, role: roleName(role) }), 'success');
        },
        onError: (error) => {
          setAsking(null);
          if (isApiError(error) && error.code === 'last_operator') announce(t('staff.lastOperator'), 'error');
          else if (isApiError(error) && error.status === 404) {
            announce(t('staff.gone', { email: member.email, role: roleName(role) }), 'error');
          } else announce(text(describeError(error)), 'error');
        },
      },
    );
  }

  const row = (member: StaffMember) => (
    <tr key={member.account_id}>
      <td data-label={t('staff.email')}>
        <span className="table__url">{member.email}</span>
        {member.account_id === me.data?.id ? <span className="table__secondary">{t('staff.you')}</span> : null}
      </td>
      <td data-label={t('staff.rolesColumn')}>{member.roles.map(roleName).join(', ')}</td>
      <td data-label={t('staff.status')}>
        <strong className={`tag tag--${member.status === 'active' ? 'green' : 'blue'}`} data-status={member.status}>
          {t(`staff.statuses.${member.status}`)}
        </strong>
      </td>
      <td data-label={t('staff.actions')}>
        <ul className="table__actions">
          {member.roles.filter(isStaffRole).map((role) => (
            <li key={role}>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={remove.isPending}
                onClick={() => {
                  setResult(null);
                  setAsking({ member, role });
                }}
              >
                {t(`staff.remove.${role}`)} <span className="visually-hidden">{member.email}</span>
              </button>
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );

  return (
    <Page title={t('staff.title')}>
      <OperatorTabs current="staff" />
      <div
        ref={live}
        tabIndex={-1}
        role="status"
        className={result ? `notice notice--${result.tone === 'success' ? 'success' : 'info'}` : 'live-region'}
      >
        {result ? <p className="notice__title">{result.text}</p> : null}
      </div>
      <p>{t('staff.intro')}</p>
      <div aria-live="polite" className="result-count">
        {staff.data ? t('staff.count', { count: staff.data.length }) : ''}
      </div>
      {staff.isPending ? <SkeletonList items={3} lines={1} tag /> : null}
      {staff.isError ? <p role="alert">{text(describeError(staff.error))}</p> : null}
      {staff.data && staff.data.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">{t('staff.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.email')}</th>
              <th scope="col">{t('staff.rolesColumn')}</th>
              <th scope="col">{t('staff.status')}</th>
              <th scope="col">{t('staff.actions')}</th>
            </tr>
          </thead>
          <tbody>{staff.data.map(row)}</tbody>
        </table>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title={t('staff.confirm.title', { email: asking.member.email, role: roleName(asking.role) })}
          confirmLabel={t('staff.confirm.submit')}
          cancelLabel={t('staff.confirm.cancel')}
          busy={remove.isPending}
          onConfirm={() => confirmRemove(asking)}
          onCancel={() => setAsking(null)}
        >
          <p>
            <strong>
              {asking.member.account_id === me.data?.id
                ? t('staff.confirm.signedOutSelf')
                : t('staff.confirm.signedOut', { email: asking.member.email })}
            </strong>
          </p>
          <p>{t(`staff.confirm.effect.${asking.role}`)}</p>
        </ConfirmDialog>
      ) : null}
      <h2>{t('staff.invite.title')}</h2>
      <InviteStaffForm onDone={(message) => announce(message, 'success')} />
    </Page>
  );
}

const ids = { email: 'staff-email', role: 'staff-role' } as const;

function InviteStaffForm({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const invite = useInviteStaff();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRole | ''>('');
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const invalid: Message[] = validateEmail(email, ids.email);
    if (!role) invalid.push({ field: ids.role, key: 'staff.invite.roleRequired' });
    setErrors(invalid);
    if (invalid.length > 0 || !role) return;
    invite.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (member) => {
          setEmail('');
          setRole('');
          const roleText = t(`staff.roles.${role}`);
          onDone(
            member.status === 'active'
              ? t('staff.invite.added', { email: member.email, role: roleText })
              : t('staff.invite.sent', { email: member.email, role: roleText }),
          );
        },
        onError: (error) => {
          setAttempt((n) => n + 1);
          if (isApiError(error) && error.code === 'validation_failed') {
            const fieldErrors = fieldErrorsFromProblem(error, {
              email: { field: ids.email, fallback: 'emailField.errors.format' },
              role: { field: ids.role, fallback: 'staff.invite.roleRequired' },
            });
            setErrors(fieldErrors.length > 0 ? fieldErrors : [{ key: 'errors.checkAnswers' }]);
          } else setErrors([describeError(error)]);
        },
      },
    );
  }

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form noValidate onSubmit={submit}>
        <TextField
          id={ids.email}
          label={t('staff.invite.email')}
          hint={t('staff.invite.emailHint')}
          type="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={email}
          onValue={setEmail}
          error={errorFor(errors, ids.email)}
        />
        <Radios
          id={ids.role}
          legend={t('staff.invite.role')}
          value={role}
          onValue={(value) => setRole(isStaffRole(value) ? value : '')}
          error={errorFor(errors, ids.role)}
          options={staffRoles.map((value) => ({
            value,
            label: `${t(`staff.roles.${value}`)}: ${t(`staff.invite.roleHint.${value}`)}`,
          }))}
        />
        <button type="submit" className="button" disabled={invite.isPending}>
          {t('staff.invite.submit')}
        </button>
      </form>
    </>
  );
}
