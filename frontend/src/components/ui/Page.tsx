import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { takePendingHeadingFocus } from './focus';

type PageProps = {
  title: string;
  /** A line above the heading, e.g. "Step 2 of 3" or the section name. */
  caption?: string;
  /** Shown above the heading: where this page sits in a longer path (the worker's progress). */
  progress?: ReactNode;
  /** The whole page is an error (nothing could be shown): the document title starts with "Error:". */
  error?: boolean;
  children?: ReactNode;
};

/** Lets an error summary inside the page tell it that errors are shown (+1) or gone (-1). */
const ErrorsShownContext = createContext<((change: 1 | -1) => void) | null>(null);

/**
 * Called by the error summary: while `shown`, the page's document title starts with "Error:"
 * (GOV.UK), so screen-reader users hear at once that the form was not accepted. Outside a `Page` it
 * does nothing.
 */
export function useErrorInTitle(shown: boolean): void {
  const report = useContext(ErrorsShownContext);
  useEffect(() => {
    if (!report || !shown) return;
    report(1);
    return () => report(-1);
  }, [report, shown]);
}

/**
 * A page's document title and its one `h1`. The heading takes focus after client-side
 * navigation (see the app layout), so it is focusable by script but not in the tab order.
 * The title is the one place "Error: " is put in front of it: for error pages (`error`) and
 * while an error summary shows on the page.
 */
export function Page({ title, caption, progress, error = false, children }: PageProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [summaries, setSummaries] = useState(0);
  const report = useCallback((change: 1 | -1) => setSummaries((count) => count + change), []);
  useEffect(() => {
    if (takePendingHeadingFocus()) heading.current?.focus();
  }, []);
  // Soft hyphens (U+00AD) help long headings wrap; a tab or a bookmark has no use for them.
  const plainTitle = title.replaceAll('\u00ad', '');
  const prefix = error || summaries > 0 ? `${t('form.errorPrefix')} ` : '';
  return (
    <>
      <title>{`${prefix}${plainTitle} – ${t('app.name')}`}</title>
      {progress}
      {caption ? <p className="caption">{caption}</p> : null}
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      <ErrorsShownContext value={report}>{children}</ErrorsShownContext>
    </>
  );
}
