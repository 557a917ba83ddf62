/**
 * Password strength with zxcvbn-ts, loaded only when a password is being chosen (the dictionaries
 * are large): `import('./password-strength')` from the component. The server checks the same way
 * (zxcvbn score at least 2, 8 to 128 characters), so the words shown here predict its answer.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const minLength = 8;
export const maxLength = 128;
/** The lowest zxcvbn score the server accepts. */
export const minScore = 2;

const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, useLevenshteinDistance: true });

export type Strength = {
  /** 0 (guessed at once) to 4 (very hard to guess). */
  score: 0 | 1 | 2 | 3 | 4;
  /** zxcvbn's warning key, e.g. `common`, `keyPattern`; translated by the UI. */
  warning: string | null;
  /** zxcvbn's suggestion keys, e.g. `anotherWord`. */
  suggestions: string[];
};

export function estimateStrength(password: string, userInputs: readonly string[] = []): Strength {
  const inputs = userInputs.flatMap((input) => input.split(/[@.\s-]/)).filter((part) => part.length >= 3);
  const result = zxcvbn.check(password.slice(0, maxLength), inputs);
  return { score: result.score, warning: result.feedback.warning, suggestions: result.feedback.suggestions };
}
