import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { takePendingHeadingFocus } from './focus';

type PageProps = {
  title: string;
  /** A line above the heading, e.g. "Step 2 of 3" or the section name. */
  caption?: string;
  /** Shown above the heading: where this page sits in a longer path (the worker's progress). */
  progress?: ReactNode;
  children?: ReactNode;
};

/**
 * A page's document title and its one `h1`. The heading takes focus after client-side
 * navigation (see the app layout), so it is focusable by script but not in the tab order.
 */
export function Page({ title, caption, progress, children }: PageProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takePendingHeadingFocus()) heading.current?.focus();
  }, []);
  return (
    <>
      <title>{`${title} – ${t('app.name')}`}</title>
      {progress}
      {caption ? <p className="caption">{caption}</p> : null}
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </>
  );
}
