import { ApiError } from '../../lib/api';
import { acceptFailure, missingContactMessages, mismatchMessages } from './messages';

const problem = (status: number, code: string, errors: { field: string; code: string }[] = []) =>
  new ApiError(status, { type: 'about:blank', title: code, status, code, errors });

describe('the answers to Accept, in words', () => {
  test('a mismatch names each differing field and links to its row in the comparison', () => {
    const outcome = acceptFailure(
      problem(422, 'identity_mismatch', [
        { field: 'surname', code: 'mismatch' },
        { field: 'date_of_birth', code: 'mismatch' },
      ]),
    );
    expect(outcome).toEqual({
      kind: 'mismatch',
      messages: [
        { key: 'orders.mismatch.surname', field: 'compare-surname' },
        { key: 'orders.mismatch.date_of_birth', field: 'compare-date_of_birth' },
      ],
    });
  });

  test('an unknown mismatch field still says something, linking to the comparison', () => {
    expect(mismatchMessages(['eye_colour'])).toEqual([{ key: 'orders.mismatch.other', field: 'compare' }]);
  });

  test('incomplete contact details say what to add, pointing at the contact rows', () => {
    const outcome = acceptFailure(
      problem(422, 'contact_incomplete', [
        { field: 'address_line1', code: 'required' },
        { field: 'postal_code', code: 'required' },
        { field: 'phone', code: 'required' },
      ]),
    );
    expect(outcome.kind).toBe('incomplete');
    expect(outcome.messages).toEqual([
      { key: 'orders.missing.address_line1', field: 'contact-address' },
      { key: 'orders.missing.postal_code', field: 'contact-address' },
      { key: 'orders.missing.phone', field: 'contact-phone' },
    ]);
  });

  test('the same message is not repeated', () => {
    expect(missingContactMessages(['street', 'county'])).toEqual([{ key: 'orders.missing.other', field: 'contact-address' }]);
  });

  test('a changed order asks to check again', () => {
    expect(acceptFailure(problem(409, 'stale_version'))).toEqual({
      kind: 'changed',
      messages: [{ key: 'orders.accept.changed' }],
    });
    expect(acceptFailure(problem(409, 'invalid_state')).messages).toEqual([{ key: 'orders.accept.invalidState' }]);
  });

  test('no verified identity sends the worker to an identity office', () => {
    expect(acceptFailure(problem(422, 'identity_not_verified')).messages).toEqual([{ key: 'orders.accept.notVerified' }]);
  });

  test('anything else falls back to the general messages (never the server text)', () => {
    expect(acceptFailure(problem(500, 'internal')).messages).toEqual([{ key: 'errors.server' }]);
    expect(acceptFailure(new TypeError('Failed to fetch')).messages).toEqual([{ key: 'errors.network' }]);
  });
});
