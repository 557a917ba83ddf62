import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SummaryList } from '../../../components/ui/SummaryList';
import type { PartnerSecrets } from '../api/partner-clients';

type Which = 'client' | 'webhook';

/** Puts `text` on the clipboard; false where the browser has no clipboard or refuses. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Selects the text of `element`, so a person can copy it with the keyboard when the button cannot. */
function selectText(element: HTMLElement | null): void {
  if (!element) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/**
 * The client secret and the webhook secret, shown this once (after creating a client or rotating its
 * secrets), each with a Copy button. The warning takes focus so it is read first. `onDone` ("I have
 * stored them") leaves; nothing keeps the secrets after that.
 */
export function SecretsView({ secrets, onDone }: { secrets: PartnerSecrets; onDone: () => void }) {
  const { t } = useTranslation();
  const warning = useRef<HTMLDivElement>(null);
  const values = useRef<Record<Which, HTMLElement | null>>({ client: null, webhook: null });
  const [copied, setCopied] = useState<{ which: Which; ok: boolean } | null>(null);

  useEffect(() => {
    warning.current?.focus();
  }, []);

  async function copy(which: Which) {
    const ok = await copyText(which === 'client' ? secrets.client_secret : secrets.webhook_secret);
    if (!ok) selectText(values.current[which]);
    setCopied({ which, ok });
  }

  const secretRow = (which: Which, label: string, value: string, hidden: string) => ({
    key: which,
    label,
    value: (
      <code
        className="secret"
        ref={(element) => {
          values.current[which] = element;
        }}
      >
        {value}
      </code>
    ),
    action: (
      <button type="button" className="button button--secondary button--small" onClick={() => void copy(which)}>
        {t('operator.secrets.copy')} <span className="visually-hidden">{hidden}</span>
      </button>
    ),
  });

  let status = '';
  if (copied && !copied.ok) status = t('operator.secrets.copyFailed');
  else if (copied?.which === 'client') status = t('operator.secrets.copiedClientSecret');
  else if (copied?.which === 'webhook') status = t('operator.secrets.copiedWebhookSecret');

  return (
    <>
      <div className="warning-box" ref={warning} tabIndex={-1}>
        <h2 className="warning-box__title">{t('operator.secrets.warningTitle')}</h2>
        <p>{t('operator.secrets.warning')}</p>
      </div>
      <SummaryList
        rows={[
          { key: 'id', label: t('operator.secrets.clientId'), value: <code className="secret">{secrets.client_id}</code> },
          secretRow('client', t('operator.secrets.clientSecret'), secrets.client_secret, t('operator.secrets.copyClientSecret')),
          secretRow(
            'webhook',
            t('operator.secrets.webhookSecret'),
            secrets.webhook_secret,
            t('operator.secrets.copyWebhookSecret'),
          ),
        ]}
      />
      <p role="status" className="copy-status">
        {status}
      </p>
      <div className="button-group">
        <button type="button" className="button" onClick={onDone}>
          {t('operator.secrets.stored')}
        </button>
      </div>
    </>
  );
}
