import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CodeForm } from '../../../components/ui/CodeForm';
import { Page } from '../../../components/ui/Page';
import { Skeleton } from '../../../components/ui/Skeleton';
import { StepUpForm, isStepUpRequired } from '../../../components/ui/StepUpForm';
import { meQueryKey } from '../../../lib/auth';
import { describeError, useMessageText } from '../../../lib/messages';
import { safeNextPath } from '../../../lib/navigation';
import { confirmTotp, removeTotp, startTotp, totpEnrolmentKey, useTotpEnrolment } from '../api/totp';
import { groupSecret, svgDataUrl } from '../qr';

/** Set up an authenticator app: scan the QR code (or type the key), then confirm with a code. */
export function AuthenticatorSetupPage() {
  const { t } = useTranslation();
  const text = useMessageText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const next = searchParams.get('next');
  const enrolment = useTotpEnrolment();

  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: meQueryKey });
    if (next) await navigate(safeNextPath(next), { replace: true });
    else await navigate('/account/security', { replace: true, state: { saved: 'totpAdded' } });
  };

  return (
    <Page title={t('totpSetup.title')}>
      <ol className="steps">
        <li>
          <h2 className="steps__title">{t('totpSetup.install.title')}</h2>
          <p>{t('totpSetup.install.body')}</p>
        </li>
        <li>
          <h2 className="steps__title">{t('totpSetup.scan.title')}</h2>
          {enrolment.isPending ? <Skeleton lines={4} /> : null}
          {enrolment.isError && isStepUpRequired(enrolment.error) ? (
            <StepUpForm
              onPassword={async (password) => {
                queryClient.setQueryData(totpEnrolmentKey, await startTotp(password));
              }}
            />
          ) : null}
          {enrolment.isError && !isStepUpRequired(enrolment.error) ? (
            <p role="alert">{text(describeError(enrolment.error))}</p>
          ) : null}
          {enrolment.data ? (
            <>
              <img className="qr" src={svgDataUrl(enrolment.data.qr_svg)} alt={t('totpSetup.scan.alt')} width={200} height={200} />
              <p>
                {/* A QR code cannot be scanned by the phone showing it: the otpauth link opens the app there. */}
                <a className="action-link" href={enrolment.data.otpauth_uri}>
                  {t('totpSetup.scan.openInApp')}
                </a>
              </p>
              <p>{t('totpSetup.scan.manual')}</p>
              <p className="secret" data-testid="totp-secret">
                <code>{groupSecret(enrolment.data.secret)}</code>
              </p>
            </>
          ) : null}
        </li>
        <li>
          <h2 className="steps__title">{t('totpSetup.confirm.title')}</h2>
          <CodeForm
            label={t('totpSetup.confirm.label')}
            submitLabel={t('totpSetup.confirm.submit')}
            errorCodes={{ invalid_state: 'totpSetup.confirm.notStarted' }}
            onSubmit={async (code) => {
              await confirmTotp(code);
              await done();
            }}
            onExpired={() => void enrolment.refetch()}
          />
        </li>
      </ol>
      <p>
        <Link to={next ? safeNextPath(next) : '/account/security'}>
          {next ? t('offerTotp.skip') : t('common.cancel')}
        </Link>
      </p>
    </Page>
  );
}

/** Remove the app: a fresh code from it proves the person still holds it. */
export function AuthenticatorRemovePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  return (
    <Page title={t('totpRemove.title')}>
      <p>{t('totpRemove.intro')}</p>
      <CodeForm
        label={t('totpSetup.confirm.label')}
        submitLabel={t('totpRemove.submit')}
        warning
        errorCodes={{ invalid_state: 'totpRemove.notEnrolled' }}
        onSubmit={async (code) => {
          await removeTotp(code);
          await queryClient.invalidateQueries({ queryKey: meQueryKey });
          await navigate('/account/security', { replace: true, state: { saved: 'totpRemoved' } });
        }}
        onExpired={() => undefined}
      />
      <p>{t('totpRemove.lost')}</p>
      <p>
        <Link to="/account/security">{t('common.cancel')}</Link>
      </p>
    </Page>
  );
}
