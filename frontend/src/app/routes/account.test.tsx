import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { meFixture, problem, signedInRefresh, stubApi } from '../../test/api-stub';
import { renderRoute } from '../../test/render-route';

const signedIn = (me = meFixture(), routes: Parameters<typeof stubApi>[0] = {}) =>
  stubApi({ 'POST /api/v1/auth/refresh': signedInRefresh, 'GET /api/v1/me': { body: me }, ...routes });

describe('guards', () => {
  test('a signed-out visitor is sent to sign in, and back afterwards', async () => {
    stubApi();
    const { router } = renderRoute('/account');
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(router.state.location.search).toBe('?next=%2Faccount');
  });

  test('a page for another role says so, without bouncing', async () => {
    signedIn();
    renderRoute('/verifier');
    expect(await screen.findByRole('heading', { level: 1, name: 'You cannot use this page' })).toBeTruthy();
  });

  test('the navigation offers what the roles allow, with room for orders and cards', async () => {
    signedIn(meFixture({ roles: ['cardholder', 'verifier'] }));
    renderRoute('/account');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await within(nav).findByRole('link', { name: 'Identity checks' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'My card orders',
      'My cards',
      'Identity checks',
      'Your account',
    ]);
    expect(within(nav).getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });
});

describe('your details', () => {
  test('the identity from the passport check is shown read-only, with why', async () => {
    signedIn();
    renderRoute('/account');

    expect(await screen.findByText('Jan Piotr')).toBeTruthy();
    expect(screen.getByText('Kowalski')).toBeTruthy();
    expect(screen.getByText('12 April 1990')).toBeTruthy();
    expect(screen.getByText('Poland')).toBeTruthy();
    expect(screen.getByText('Passport ••••••567')).toBeTruthy();
    expect(screen.getByText(/These details come from the passport or ID card checked/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Add address' }).getAttribute('href')).toBe('/account/address');
    expect(screen.getByRole('link', { name: 'Change mobile phone' }).getAttribute('href')).toBe('/account/phone');
    // The phone number grouped as in its country, not run together.
    expect(screen.getByText('+46 70 000 00 03')).toBeTruthy();
  });

  test('removing the authenticator app is the red button of actions that end something', async () => {
    signedIn();
    renderRoute('/account/security/authenticator/remove');
    const button = await screen.findByRole('button', { name: 'Remove the app' });
    expect(button.className).toBe('button button--warning');
  });

  test('the address form maps the server’s field errors onto its fields', async () => {
    const server = signedIn(meFixture(), {
      'PATCH /api/v1/me/contact': problem(422, 'validation_failed', {
        errors: [{ field: 'postal_code', code: 'invalid_format', message: 'English' }],
      }),
    });
    renderRoute('/account/address');
    await screen.findByLabelText('Address line 1');

    fireEvent.change(screen.getByLabelText('Address line 1'), { target: { value: 'ul. Długa 5' } });
    fireEvent.change(screen.getByLabelText('Postal code'), { target: { value: '00-238' } });
    fireEvent.change(screen.getByLabelText('Town or city'), { target: { value: 'Warszawa' } });
    fireEvent.change(screen.getByLabelText('Country'), { target: { value: 'PL' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the address' }));

    const link = await screen.findByRole('link', {
      name: 'Enter a postal code of 2 to 12 letters, numbers, spaces or hyphens.',
    });
    expect(link.getAttribute('href')).toBe('#postal_code');
    expect(screen.getByLabelText('Postal code').getAttribute('aria-invalid')).toBe('true');
    expect(server.to('PATCH /api/v1/me/contact')[0]?.body).toEqual({
      address_line1: 'ul. Długa 5',
      address_line2: '',
      postal_code: '00-238',
      city: 'Warszawa',
      country: 'PL',
    });
  });

  test('a saved address goes back to the details with a confirmation', async () => {
    signedIn(meFixture(), {
      'PATCH /api/v1/me/contact': { body: { city: 'Warszawa' } },
    });
    const { router } = renderRoute('/account/address');
    await screen.findByLabelText('Address line 1');
    fireEvent.change(screen.getByLabelText('Address line 1'), { target: { value: 'ul. Długa 5' } });
    fireEvent.change(screen.getByLabelText('Postal code'), { target: { value: '00-238' } });
    fireEvent.change(screen.getByLabelText('Town or city'), { target: { value: 'Warszawa' } });
    fireEvent.change(screen.getByLabelText('Country'), { target: { value: 'PL' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the address' }));

    expect(await screen.findByText('Your address has been saved.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/account');
  });

  test('the country list is in the reader’s language', async () => {
    signedIn();
    renderRoute('/account/address');
    await screen.findByLabelText('Country');
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'pl' } });
    const select = await screen.findByLabelText<HTMLSelectElement>('Kraj');
    expect([...select.options].find((option) => option.value === 'DE')?.textContent).toBe('Niemcy');
  });

  test('the header language switcher also saves the language on the account when signed in', async () => {
    const server = signedIn(meFixture(), { 'PATCH /api/v1/me': { body: meFixture({ language: 'sv' }) } });
    renderRoute('/account');
    await screen.findByText('Jan Piotr');

    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'sv' } });

    await waitFor(() => expect(server.to('PATCH /api/v1/me')[0]?.body).toEqual({ language: 'sv' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dina uppgifter' })).toBeTruthy();
  });

  test('a new phone number is confirmed with the code sent to it', async () => {
    const server = signedIn(meFixture(), {
      'POST /api/v1/me/phone': {
        status: 202,
        body: {
          challenge_id: '01a2164a-4453-73ec-ba2d-bd7dd92b44d5',
          method: 'sms',
          masked_phone: '+48•••••••67',
          expires_at: new Date(Date.now() + 300_000).toISOString(),
          resend_after: new Date(Date.now() + 60_000).toISOString(),
        },
      },
      'POST /api/v1/me/phone/verify': { body: { phone: '+48601234567' } },
    });
    const { router } = renderRoute('/account/phone');
    fireEvent.change(await screen.findByLabelText('Country code'), { target: { value: 'PL' } });
    fireEvent.change(screen.getByLabelText('Mobile number'), { target: { value: '601 234 567' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the code' }));

    expect(await screen.findByText(/We have sent a 6-digit code by text message to \+48•••••••67/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Code'), { target: { value: '654321' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the new number' }));

    expect(await screen.findByText('Your new phone number has been saved.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/account');
    expect(server.to('POST /api/v1/me/phone')[0]?.body).toEqual({ phone: '+48601234567' });
    expect(server.to('POST /api/v1/me/phone/verify')[0]?.body).toEqual({
      challenge_id: '01a2164a-4453-73ec-ba2d-bd7dd92b44d5',
      code: '654321',
    });
  });
});

describe('password', () => {
  test('a wrong current password is said at its field; then the new one is saved and told', async () => {
    const server = signedIn(meFixture(), {
      'POST /api/v1/me/password': [problem(401, 'invalid_credentials'), { status: 204 }],
      'GET /api/v1/auth/sessions': { body: [] },
    });
    const { router } = renderRoute('/account/security/password');
    fireEvent.change(await screen.findByLabelText('Current password'), { target: { value: 'guess' } });
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'granite ladder orchard' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change the password' }));
    expect((await screen.findAllByText('This is not your password. Check it and try again.')).length).toBeGreaterThan(0);

    fireEvent.change(screen.getByLabelText('Current password'), { target: { value: 'demo-password-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change the password' }));
    expect(await screen.findByText('Your password has been changed. Other devices were signed out.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/account/security');
    expect(server.to('POST /api/v1/me/password').at(-1)?.body).toEqual({
      current_password: 'demo-password-1',
      new_password: 'granite ladder orchard',
    });
  });
});

describe('step-up before a sign-in factor changes', () => {
  test('an older sign-in is asked for the password again; a wrong one is said at the field', async () => {
    const challenge = {
      challenge_id: '01a2164a-4453-73ec-ba2d-bd7dd92b44d5',
      method: 'sms',
      masked_phone: '+48•••••••67',
      expires_at: new Date(Date.now() + 300_000).toISOString(),
      resend_after: new Date(Date.now() + 60_000).toISOString(),
    };
    const server = signedIn(meFixture(), {
      'POST /api/v1/me/phone': [
        problem(403, 'step_up_required'),
        problem(401, 'invalid_credentials'),
        { status: 202, body: challenge },
      ],
    });
    renderRoute('/account/phone');
    fireEvent.change(await screen.findByLabelText('Country code'), { target: { value: 'PL' } });
    fireEvent.change(screen.getByLabelText('Mobile number'), { target: { value: '601 234 567' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the code' }));

    expect(await screen.findByText('For your safety, type your password again before you change how you sign in.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Your password'), { target: { value: 'guess' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findAllByText('This is not your password. Check it and try again.')).length).toBeGreaterThan(0);

    fireEvent.change(screen.getByLabelText('Your password'), { target: { value: 'demo-password-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText(/We have sent a 6-digit code by text message to \+48•••••••67/)).toBeTruthy();
    expect(server.to('POST /api/v1/me/phone').at(-1)?.body).toEqual({ phone: '+48601234567', current_password: 'demo-password-1' });
  });
});

describe('security', () => {
  test('sessions are listed by device; another one can be signed out', async () => {
    const server = signedIn(meFixture(), {
      'GET /api/v1/auth/sessions': {
        body: [
          {
            id: 's1',
            client: 'web',
            created_at: '2026-11-26T05:00:00Z',
            last_used_at: '2026-11-26T05:10:00Z',
            current: true,
            user_agent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36',
          },
          {
            id: 's2',
            client: 'web',
            created_at: '2026-11-20T05:00:00Z',
            last_used_at: '2026-11-21T05:00:00Z',
            current: false,
            user_agent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Version/18.0 Mobile/15E148 Safari/604.1',
          },
        ],
      },
      'DELETE /api/v1/auth/sessions/s2': { status: 204 },
    });
    renderRoute('/account/security');

    expect(await screen.findByText('Chrome on Linux')).toBeTruthy();
    expect(screen.getByText('This device')).toBeTruthy();
    expect(screen.getByText('Safari on iOS')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out this device (Safari on iOS)' }));

    expect(await screen.findByText('The device has been signed out.')).toBeTruthy();
    expect(server.to('DELETE /api/v1/auth/sessions/s2')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Sign out all other devices' })).toBeTruthy();
  });

  test('the authenticator QR code is an image (never inline markup) with alt text, and the key is shown', async () => {
    signedIn(meFixture(), {
      'POST /api/v1/auth/totp': {
        body: {
          secret: 'JBSWY3DPEHPK3PXP',
          otpauth_uri: 'otpauth://totp/Sitecard:worker@demo.test?secret=JBSWY3DPEHPK3PXP',
          qr_svg: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        },
      },
    });
    renderRoute('/account/security/authenticator');

    const image = await screen.findByRole('img', { name: 'QR code to add Sitecard to your authenticator app' });
    expect(image.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(document.querySelector('main script, main svg')).toBeNull();
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP')).toBeTruthy();
  });
});
