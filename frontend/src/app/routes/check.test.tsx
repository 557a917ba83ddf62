import { fireEvent, screen } from '@testing-library/react';
import { stubApi } from '../../test/api-stub';
import { renderRoute } from '../../test/render-route';

function check(number: string) {
  fireEvent.change(screen.getByLabelText('Card number'), { target: { value: number } });
  fireEvent.click(screen.getByRole('button', { name: 'Check the card' }));
}

describe('public card check', () => {
  test('a valid card: status in words, company and expiry; the number is normalised', async () => {
    const server = stubApi({
      'GET /api/v1/card-check/AB1234567890': {
        body: { status: 'valid', valid_until: '2031-05-12', company_name: 'Demo Bygg AB' },
      },
    });
    renderRoute('/check');
    check('ab 1234-567890');

    expect(await screen.findByRole('heading', { level: 2, name: /Valid/ })).toBeTruthy();
    expect(screen.getByText('Company: Demo Bygg AB')).toBeTruthy();
    expect(screen.getByText('Valid until 12 May 2031')).toBeTruthy();
    expect(server.to('GET /api/v1/card-check/AB1234567890')).toHaveLength(1);
  });

  test('a blocked card says why', async () => {
    stubApi({ 'GET /api/v1/card-check/AB1234567890': { body: { status: 'not_valid', reason: 'blocked' } } });
    renderRoute('/check?number=AB1234567890');
    expect(await screen.findByRole('heading', { level: 2, name: /Not valid/ })).toBeTruthy();
    expect(screen.getByText(/The card is blocked/)).toBeTruthy();
  });

  test('an unknown number is "not valid: no such card"', async () => {
    stubApi({ 'GET /api/v1/card-check/ZZ0000000000': { body: { status: 'not_valid', reason: 'unknown' } } });
    renderRoute('/check');
    check('ZZ0000000000');
    expect(await screen.findByText('There is no card with this number.')).toBeTruthy();
  });

  test('a number that cannot be a card number is caught first', async () => {
    const server = stubApi();
    renderRoute('/check');
    check('12345');
    expect(await screen.findByRole('link', { name: 'Enter the card number: 2 letters and 10 numbers, for example AB 1234 5678 90.' })).toBeTruthy();
    expect(server.requests.filter((r) => r.path.startsWith('/api/v1/card-check'))).toHaveLength(0);
  });
});
