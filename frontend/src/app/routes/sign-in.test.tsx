import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { getAccessToken } from '../../lib/auth';
import { meFixture, problem, stubApi } from '../../test/api-stub';
import { renderRoute } from '../../test/render-route';

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

const smsChallenge = (resendIn = 60) => ({
  body: {
    challenge_id: '01a2164a-4453-73ec-ba2d-bd7dd92b44d5',
    method: 'sms',
    masked_phone: '+46•••••••03',
    expires_at: inSeconds(300),
    resend_after: inSeconds(resendIn),
  },
});

const signedInTokens = (offerTotp: boolean) => ({
  body: { access_token: 'access-1', token_type: 'Bearer', expires_in: 600, offer_totp: offerTotp },
});

function fillCredentials(email = 'worker@demo.test', password = 'demo-password-1') {
  fireEvent.change(screen.getByLabelText('Email address'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
}

function typeCode(code: string, button = 'Sign in') {
  fireEvent.change(screen.getByLabelText('Code'), { target: { value: code } });
  fireEvent.click(screen.getByRole('button', { name: button }));
}

describe('sign in, step 1: email and password', () => {
  test('an empty form shows the error summary and a message at each field', async () => {
    const server = stubApi();
    renderRoute('/sign-in');

    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Enter your email address.' }).getAttribute('href')).toBe('#email');
    expect(within(summary).getByRole('link', { name: 'Enter your password.' }).getAttribute('href')).toBe('#password');
    expect(document.getElementById('email-error')?.textContent).toContain('Enter your email address.');
    expect(server.to('POST /api/v1/auth/login')).toHaveLength(0);
  });

  test('wrong credentials are explained without server text, and the password is cleared', async () => {
    stubApi({ 'POST /api/v1/auth/login': problem(401, 'invalid_credentials', { detail: 'SERVER TEXT' }) });
    renderRoute('/sign-in');

    fillCredentials();

    expect(await screen.findByRole('link', { name: /The email address or password is wrong/ })).toBeTruthy();
    expect(screen.queryByText(/SERVER TEXT/)).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('Password').value).toBe('');
  });

  test('too many attempts says how long to wait, from Retry-After', async () => {
    stubApi({
      'POST /api/v1/auth/login': { ...problem(429, 'too_many_attempts'), headers: { 'Retry-After': '840' } },
    });
    renderRoute('/sign-in');

    fillCredentials();

    expect(await screen.findByText('Too many attempts to sign in. Wait 14 minutes and try again.')).toBeTruthy();
  });
});

describe('sign in, step 2: the code', () => {
  test('shows where the SMS went, a resend countdown, and a single one-time-code input', async () => {
    const server = stubApi({ 'POST /api/v1/auth/login': smsChallenge() });
    renderRoute('/sign-in');
    fillCredentials();

    expect(await screen.findByRole('heading', { level: 1, name: 'Check your phone' })).toBeTruthy();
    expect(screen.getByText(/We have sent a 6-digit code by text message to \+46•••••••03\./)).toBeTruthy();
    expect(screen.getByText(/You can ask for a new code in (1:00|0:59)\./)).toBeTruthy();
    expect(screen.getByLabelText('Code').getAttribute('autocomplete')).toBe('one-time-code');
    expect(screen.getByText('I have not received a text message')).toBeTruthy();
    expect(server.to('POST /api/v1/auth/login')[0]?.body).toEqual({
      email: 'worker@demo.test',
      password: 'demo-password-1',
    });
  });

  test('a wrong code is explained and the input cleared; the right one signs in as a web client', async () => {
    const server = stubApi({
      'POST /api/v1/auth/login': smsChallenge(),
      'POST /api/v1/auth/login/verify': [problem(401, 'invalid_code'), signedInTokens(false)],
      'GET /api/v1/me': { body: meFixture() },
      'GET /healthz': { body: { status: 'ok' } },
    });
    const { router } = renderRoute('/sign-in?next=%2Faccount%2Fsecurity');
    fillCredentials();
    await screen.findByRole('heading', { level: 1, name: 'Check your phone' });

    typeCode('000000');
    expect(await screen.findByRole('link', { name: 'The code is wrong. Check it and try again.' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Code').value).toBe('');

    typeCode('123 456');
    await waitFor(() => expect(router.state.location.pathname).toBe('/account/security'));
    expect(server.to('POST /api/v1/auth/login/verify').map((r) => r.body)).toEqual([
      { challenge_id: '01a2164a-4453-73ec-ba2d-bd7dd92b44d5', code: '000000', client: 'web' },
      { challenge_id: '01a2164a-4453-73ec-ba2d-bd7dd92b44d5', code: '123456', client: 'web' },
    ]);
    expect(getAccessToken()).toBe('access-1');
  });

  test('a code that is not 6 digits is caught before sending', async () => {
    const server = stubApi({ 'POST /api/v1/auth/login': smsChallenge() });
    renderRoute('/sign-in');
    fillCredentials();
    await screen.findByRole('heading', { level: 1, name: 'Check your phone' });

    typeCode('12345');

    expect(await screen.findByRole('link', { name: 'The code must be 6 digits, like 123456.' })).toBeTruthy();
    expect(server.to('POST /api/v1/auth/login/verify')).toHaveLength(0);
  });

  test('an expired challenge goes back to the sign-in page, saying why', async () => {
    stubApi({
      'POST /api/v1/auth/login': smsChallenge(),
      'POST /api/v1/auth/login/verify': problem(410, 'challenge_expired'),
    });
    const { router } = renderRoute('/sign-in');
    fillCredentials();
    await screen.findByRole('heading', { level: 1, name: 'Check your phone' });

    typeCode('123456');

    expect(await screen.findByText(/The code has expired or was entered wrong too many times/)).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  test('after an SMS login the worker goes straight on: no authenticator interruption', async () => {
    stubApi({
      'POST /api/v1/auth/login': smsChallenge(),
      'POST /api/v1/auth/login/verify': signedInTokens(true),
      'GET /api/v1/me': { body: meFixture() },
      'GET /healthz': { body: { status: 'ok' } },
    });
    const { router } = renderRoute('/sign-in');
    fillCredentials();
    await screen.findByRole('heading', { level: 1, name: 'Check your phone' });
    typeCode('123456');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(screen.queryByRole('heading', { name: 'Use an authenticator app to sign in?' })).toBeNull();
  });

  test('a TOTP challenge asks for the app code, with no SMS countdown', async () => {
    stubApi({
      'POST /api/v1/auth/login': {
        body: { ...smsChallenge().body, method: 'totp', masked_phone: null },
      },
    });
    renderRoute('/sign-in');
    fillCredentials();

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Enter the code from your authenticator app' }),
    ).toBeTruthy();
    expect(screen.queryByText(/You can ask for a new code/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send a new code' })).toBeNull();
  });

  test('when the countdown is over a new code can be sent; the countdown starts again', async () => {
    const server = stubApi({
      'POST /api/v1/auth/login': smsChallenge(-1),
      'POST /api/v1/auth/login/resend': { status: 202, body: smsChallenge(60).body },
    });
    renderRoute('/sign-in');
    fillCredentials();

    fireEvent.click(await screen.findByRole('button', { name: 'Send a new code' }));

    expect(await screen.findByText('We have sent a new code. Use the newest code.')).toBeTruthy();
    expect(screen.getByText(/You can ask for a new code in (1:00|0:59)\./)).toBeTruthy();
    expect(server.to('POST /api/v1/auth/login/resend')[0]?.body).toEqual({
      challenge_id: '01a2164a-4453-73ec-ba2d-bd7dd92b44d5',
    });
  });

  test('the code page without a challenge (reloaded, or typed) goes back to step 1', async () => {
    stubApi();
    const { router } = renderRoute('/sign-in/code');
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
  });
});
