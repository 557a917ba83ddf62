import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type PageProps = { title: string; children?: ReactNode };

/**
 * A page's document title and its one `h1`. The heading takes focus after client-side
 * navigation (see the app layout), so it is focusable by script but not in the tab order.
 */
export function Page({ title, children }: PageProps) {
  const { t } = useTranslation();
  return (
    <>
      <title>{`${title} – ${t('app.name')}`}</title>
      <h1 tabIndex={-1}>{title}</h1>
      {children}
    </>
  );
}
