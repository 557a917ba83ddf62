import { useTranslation } from 'react-i18next';

/** The worker's path through an order, one thing per page (UX.md). */
export const workerSteps = ['signIn', 'code', 'order', 'details', 'check', 'done'] as const;
export type WorkerStep = (typeof workerSteps)[number];

/**
 * Where the worker is on the way from signing in to an accepted order: "Step 4 of 6: Your details"
 * in words, and the six steps as numbered marks (done, current, still to come).
 */
export function WorkerProgress({ step }: { step: WorkerStep }) {
  const { t } = useTranslation();
  const current = workerSteps.indexOf(step);
  return (
    <div className="progress">
      <p className="progress__summary">
        {t('common.step', { step: current + 1, total: workerSteps.length })}: {t(`progress.steps.${step}`)}
      </p>
      <ol className="progress__steps" aria-label={t('progress.label')}>
        {workerSteps.map((name, index) => {
          const state = index < current ? 'done' : index === current ? 'current' : 'todo';
          return (
            <li
              key={name}
              className={`progress__step progress__step--${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="progress__number" aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              <span className="progress__name">
                {t(`progress.steps.${name}`)}
                {state === 'done' ? <>{' '}<span className="visually-hidden">({t('progress.done')})</span></> : null}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
