import { useTranslation } from 'react-i18next';
import { templateHref } from '../csv';

/** The template, made here: semicolons for Excel set to Swedish (and most of Europe), or commas. */
export function TemplateLinks() {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('bulk.template.intro')}</p>
      <ul className="link-list">
        <li>
          <a className="action-link" href={templateHref(';')} download="sitecard-orders.csv" type="text/csv">
            {t('bulk.template.semicolon')}
          </a>
        </li>
        <li>
          <a className="action-link" href={templateHref(',')} download="sitecard-orders-commas.csv" type="text/csv">
            {t('bulk.template.comma')}
          </a>
        </li>
      </ul>
      <p>{t('bulk.template.save')}</p>
    </>
  );
}
