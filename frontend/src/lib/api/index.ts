export { api } from './client';
export { ApiError, expectOk, isApiError, type ProblemFieldError } from './errors';
export type { components, paths } from './schema';

import type { components } from './schema';

/** A second factor awaited: where the SMS went, when it expires and when a new one may be asked for. */
export type Challenge = components['schemas']['ChallengeStarted'];
export type Me = components['schemas']['Me'];
export type Contact = components['schemas']['Contact'];
