/** Loads the zxcvbn module on first use; its dictionaries stay out of the initial bundle. */
type Estimator = typeof import('./password-strength');

let estimator: Promise<Estimator> | null = null;
let loaded: Estimator | null = null;

export function loadPasswordEstimator(): Promise<Estimator> {
  estimator ??= import('./password-strength').then(
    (module) => {
      loaded = module;
      return module;
    },
    (error: unknown) => {
      estimator = null;
      throw error;
    },
  );
  return estimator;
}

/** The estimator if it has loaded already; a form never waits for the large chunk on a slow connection. */
export function loadedPasswordEstimator(): Estimator | null {
  return loaded;
}
