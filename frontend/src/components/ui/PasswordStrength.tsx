import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Strength } from '../../lib/password-strength';
import { loadPasswordEstimator } from '../../lib/password-strength-loader';

const scoreKeys = ['veryWeak', 'weak', 'fair', 'strong', 'veryStrong'] as const;

type PasswordStrengthProps = { password: string; userInputs?: readonly string[] };

/**
 * How hard the password is to guess, in words (and a bar), with zxcvbn's advice translated. Read out
 * politely after typing pauses. The server refuses what this calls too weak.
 */
export function PasswordStrength({ password, userInputs = [] }: PasswordStrengthProps) {
  const { t } = useTranslation();
  const [strength, setStrength] = useState<Strength | null>(null);
  const inputsKey = userInputs.join('\n');

  useEffect(() => {
    let cancelled = false;
    const timer = window.setTimeout(() => {
      loadPasswordEstimator()
        .then(({ estimateStrength }) => {
          if (!cancelled) setStrength(password ? estimateStrength(password, inputsKey.split('\n')) : null);
        })
        .catch(() => {
          // Offline: no meter; the server still checks the password.
        });
    }, 200);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [password, inputsKey]);

  let summary = t('password.strength.empty');
  let level = 'none';
  const advice: string[] = [];
  if (password.length > 0 && password.length < 8) {
    summary = t('password.strength.tooShort');
    level = 'weak';
  } else if (password.length > 128) {
    summary = t('password.strength.tooLong');
    level = 'weak';
  } else if (password && strength) {
    const key = scoreKeys[strength.score];
    summary = t('password.strength.summary', { strength: t(`password.strength.${key}`) });
    level = strength.score < 2 ? 'weak' : strength.score < 3 ? 'fair' : 'strong';
    if (strength.score < 2) advice.push(t('password.strength.refused'));
    if (strength.warning) advice.push(t(`password.warnings.${strength.warning}`, { defaultValue: '' }));
    for (const suggestion of strength.suggestions) {
      advice.push(t(`password.suggestions.${suggestion}`, { defaultValue: '' }));
    }
  }

  return (
    <div className="password-strength" data-level={level}>
      <div className="password-strength__bar" aria-hidden="true">
        {[0, 1, 2, 3].map((segment) => (
          <span
            key={segment}
            className="password-strength__segment"
            data-on={strength && password.length >= 8 ? segment < Math.max(1, strength.score) : false}
          />
        ))}
      </div>
      <div aria-live="polite" aria-atomic="true">
        <p className="password-strength__summary">{summary}</p>
        {advice.filter(Boolean).length > 0 ? (
          <ul className="password-strength__advice">
            {advice.filter(Boolean).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
