import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { problem, stubApi } from '../../test/api-stub';
import { renderRoute } from '../../test/render-route';

const challenge = {
  challenge_id: '01a2164a-4453-73ec-ba2d-bd7dd92b44d5',
  method: 'sms',
  masked_phone: '+46•••••••67',
  expires_at: new Date(Date.now() + 300_000).toISOString(),
  resend_after: new Date(Date.now() + 60_000).toISOString(),
};

async function choosePassword(password: string) {
  fireEvent.change(await screen.findByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
}

async function givePhone(number: string) {
  fireEvent.change(await screen.findByLabelText('Mobile number'), { target: { value: number } });
  fireEvent.click(screen.getByRole('button', { name: 'Send the code' }));
}

describe('registration from the emailed link', () => {
  test('without a token the page explains where the link is', async () => {
    stubApi();
    renderRoute('/register');
    expect(await screen.findByRole('heading', { level: 1, name: 'Use the link from your email' })).toBeTruthy();
  });

  test('password, then phone (sent in E.164), then the SMS code: the account is created', async () => {
    const server = stubApi({
      'POST /api/v1/accounts': { status: 201, body: challenge },
      'POST /api/v1/accounts/verify-phone': {
        body: { account_id: 'a', email: 'jan@example.com', status: 'active' },
      },
    });
    const { router } = renderRoute('/register?token=t0k3n');
    expect(await screen.findByText('Step 1 of 3')).toBeTruthy();
    expect(screen.getByLabelText('Password').getAttribute('autocomplete')).toBe('new-password');
    await choosePassword('granite ladder orchard');
    expect(await screen.findByText('Step 2 of 3')).toBeTruthy();
    await givePhone('070-123 45 67');

    expect(await screen.findByText('Step 3 of 3')).toBeTruthy();
    expect(screen.getByText(/We have sent a 6-digit code by text message to \+46•••••••67/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Code'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create my account' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Your account has been created' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/register/done');
    expect(server.to('POST /api/v1/accounts')[0]?.body).toEqual({
      registration_token: 't0k3n',
      password: 'granite ladder orchard',
      phone: '+46701234567',
    });
    fireEvent.click(within(screen.getByRole('main')).getByRole('link', { name: 'Sign in' }));
    expect(await screen.findByText('Your account has been created. Sign in to continue.')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Email address').value).toBe('jan@example.com');
  });

  test('a short password is refused before anything is sent', async () => {
    const server = stubApi();
    renderRoute('/register?token=t0k3n');
    await choosePassword('short');
    expect(await screen.findByRole('link', { name: 'The password must be at least 8 characters long.' })).toBeTruthy();
    expect(server.requests.filter((r) => r.path === '/api/v1/accounts')).toHaveLength(0);
  });

  test('weak_password from the server goes back to the password, saying why', async () => {
    stubApi({
      'POST /api/v1/accounts': problem(400, 'weak_password', {
        errors: [{ field: 'password', code: 'too_common', message: '…' }],
      }),
    });
    const { router } = renderRoute('/register?token=t0k3n');
    await choosePassword('granite ladder orchard');
    await givePhone('070 123 45 67');

    expect(
      await screen.findByRole('link', { name: 'This password is too easy to guess. Add another word or two.' }),
    ).toBeTruthy();
    expect(router.state.location.pathname).toBe('/register');
  });

  test('a used link is explained before anything is typed', async () => {
    stubApi({ 'GET /api/v1/accounts/registration-tokens/old': problem(410, 'registration_token_invalid') });
    renderRoute('/register?token=old');
    expect(await screen.findByRole('heading', { level: 1, name: 'This link no longer works' })).toBeTruthy();
    expect(screen.queryByLabelText('Password')).toBeNull();
  });

  test('a live link names the address of the account above the password', async () => {
    stubApi({ 'GET /api/v1/accounts/registration-tokens/t0k3n': { body: { email: 'jan@example.com' } } });
    renderRoute('/register?token=t0k3n');
    expect(await screen.findByText('The account is for jan@example.com.')).toBeTruthy();
  });

  test('a used or expired link is explained, with what to do', async () => {
    stubApi({ 'POST /api/v1/accounts': problem(410, 'registration_token_invalid') });
    renderRoute('/register?token=old');
    await choosePassword('granite ladder orchard');
    await givePhone('070 123 45 67');

    expect(await screen.findByRole('heading', { level: 1, name: 'This link no longer works' })).toBeTruthy();
    expect(screen.getByText(/Ask the identity-verification office for a new link/)).toBeTruthy();
  });

  test('a phone number that cannot be one is caught at the field', async () => {
    stubApi();
    renderRoute('/register?token=t0k3n');
    await choosePassword('granite ladder orchard');
    await givePhone('12');
    expect((await screen.findByRole('link', { name: /Enter a mobile number like/ })).getAttribute('href')).toBe('#phone');
  });
});

describe('password reset', () => {
  test('asking for a link always says "check your email"', async () => {
    const server = stubApi({ 'POST /api/v1/auth/password-reset': { status: 202 } });
    renderRoute('/forgot-password');
    fireEvent.change(await screen.findByLabelText('Email address'), { target: { value: 'jan@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the link' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Check your email' })).toBeTruthy();
    expect(server.to('POST /api/v1/auth/password-reset')[0]?.body).toEqual({ email: 'jan@example.com' });
  });

  test('new password, then the code: done, and signed out everywhere', async () => {
    const server = stubApi({
      'POST /api/v1/auth/password-reset/confirm': { body: challenge },
      'POST /api/v1/auth/password-reset/verify': { body: { password_changed: true } },
    });
    renderRoute('/reset-password?token=r3set');
    fireEvent.change(await screen.findByLabelText('New password'), { target: { value: 'granite ladder orchard' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.change(await screen.findByLabelText('Code'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change my password' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Your password has been changed' })).toBeTruthy();
    expect(server.to('POST /api/v1/auth/password-reset/confirm')[0]?.body).toEqual({
      token: 'r3set',
      new_password: 'granite ladder orchard',
    });
  });

  test('an expired reset link is explained, with a way to ask again', async () => {
    stubApi({ 'POST /api/v1/auth/password-reset/confirm': problem(410, 'reset_token_invalid') });
    renderRoute('/reset-password?token=old');
    fireEvent.change(await screen.findByLabelText('New password'), { target: { value: 'granite ladder orchard' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('link', { name: 'Ask for a new link' })).toBeTruthy();
  });

  test('an expired code goes back to the new password, saying why', async () => {
    stubApi({
      'POST /api/v1/auth/password-reset/confirm': { body: challenge },
      'POST /api/v1/auth/password-reset/verify': problem(410, 'challenge_expired'),
    });
    const { router } = renderRoute('/reset-password?token=r3set');
    fireEvent.change(await screen.findByLabelText('New password'), { target: { value: 'granite ladder orchard' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.change(await screen.findByLabelText('Code'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change my password' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/reset-password'));
    expect(await screen.findByRole('link', { name: /The code has expired. Enter your new password again/ })).toBeTruthy();
  });
});
