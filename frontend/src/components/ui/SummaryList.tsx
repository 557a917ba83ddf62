import type { ReactNode } from 'react';

export type SummaryRow = { key: string; label: string; value: ReactNode; action?: ReactNode };

/** Label–value rows with an optional "Change" link (GOV.UK summary list). */
export function SummaryList({ rows }: { rows: readonly SummaryRow[] }) {
  return (
    <dl className="summary-list">
      {rows.map((row) => (
        <div className="summary-list__row" key={row.key}>
          <dt className="summary-list__key">{row.label}</dt>
          <dd className="summary-list__value">{row.value}</dd>
          {row.action ? <dd className="summary-list__actions">{row.action}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
