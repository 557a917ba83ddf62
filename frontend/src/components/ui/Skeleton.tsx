import { useTranslation } from 'react-i18next';

/** Grey blocks where content is loading; says "Loading" to screen readers. */
export function Skeleton({ lines = 3 }: { lines?: number }) {
  const { t } = useTranslation();
  return (
    <div className="skeleton" aria-busy="true" role="status">
      <span className="visually-hidden">{t('common.loading')}</span>
      {Array.from({ length: lines }, (_, index) => (
        <div key={index} className="skeleton__line" />
      ))}
    </div>
  );
}

type SkeletonListProps = {
  /** How many items to sketch: about as many as usually arrive, so the page keeps its size. */
  items?: number;
  /** Lines of text in each item, under its heading (and tag). */
  lines?: number;
  /** Whether each item has a status tag under its heading. */
  tag?: boolean;
};

/**
 * Placeholders shaped like the items of a list that is loading (`.order-list`, `.card-list`,
 * `.shortcut-list`, stacked table rows): a heading, a status tag and lines of text each, with the
 * items' padding and rule, so the list arriving takes about the space its placeholders held.
 */
export function SkeletonList({ items = 2, lines = 2, tag = true }: SkeletonListProps) {
  const { t } = useTranslation();
  return (
    <div className="skeleton skeleton-list" aria-busy="true" role="status">
      <span className="visually-hidden">{t('common.loading')}</span>
      {Array.from({ length: items }, (_, item) => (
        <div key={item} className="skeleton-list__item">
          <div className="skeleton__line skeleton__line--heading" />
          {tag ? <div className="skeleton__line skeleton__line--tag" /> : null}
          {Array.from({ length: lines }, (_, line) => (
            <div key={line} className="skeleton__line" />
          ))}
        </div>
      ))}
    </div>
  );
}
