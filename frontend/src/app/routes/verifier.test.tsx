import { fireEvent, screen, within } from '@testing-library/react';
import { meFixture, problem, signedInRefresh, stubApi } from '../../test/api-stub';
import { renderRoute } from '../../test/render-route';

const verifier = meFixture({ email: 'verifier@demo.test', roles: ['verifier'], person: null });

const signedInVerifier = (routes: Parameters<typeof stubApi>[0] = {}) =>
  stubApi({ 'POST /api/v1/auth/refresh': signedInRefresh, 'GET /api/v1/me': { body: verifier }, ...routes });

/** A verification record as `GET /identity-verifications` answers it. */
const record = {
  id: '01a2164a-4453-73ec-ba2d-bd7dd92b44d5',
  reference: 'D92B-44D5',
  person_id: 'p',
  document_type: 'passport',
  document_number_masked: '••••••567',
  issuing_country: 'POL',
  document_expiry: '2031-01-31',
  given_names: 'Jan Piotr',
  surname: 'Kowalski',
  date_of_birth: '1990-04-12',
  nationality: 'POL',
  email: 'jan@example.com',
  verified_by: 'v',
  verified_at: '2026-11-26T05:00:00Z',
};

function fillRecord(nationality = 'POL') {
  fireEvent.click(screen.getByLabelText('Passport'));
  fireEvent.change(screen.getByLabelText('Document number'), { target: { value: 'ea 123 4567' } });
  fireEvent.change(screen.getByLabelText('Issuing country'), { target: { value: 'POL' } });
  const expiry = screen.getByRole('group', { name: 'Expiry date' });
  fireEvent.change(within(expiry).getByLabelText('Day'), { target: { value: '1' } });
  fireEvent.change(within(expiry).getByLabelText('Month'), { target: { value: '6' } });
  fireEvent.change(within(expiry).getByLabelText('Year'), { target: { value: String(new Date().getFullYear() + 3) } });
  fireEvent.change(screen.getByLabelText('Given names'), { target: { value: 'Jan Piotr' } });
  fireEvent.change(screen.getByLabelText('Surname'), { target: { value: 'Kowalski' } });
  const dob = screen.getByRole('group', { name: 'Date of birth' });
  fireEvent.change(within(dob).getByLabelText('Day'), { target: { value: '12' } });
  fireEvent.change(within(dob).getByLabelText('Month'), { target: { value: '4' } });
  fireEvent.change(within(dob).getByLabelText('Year'), { target: { value: '1990' } });
  fireEvent.change(screen.getByLabelText('Nationality'), { target: { value: nationality } });
  fireEvent.change(screen.getByLabelText("Worker's email address"), { target: { value: 'jan@example.com' } });
  fireEvent.click(screen.getByLabelText('Polski'));
  fireEvent.click(screen.getByRole('button', { name: 'Record the check' }));
}

describe('recording an in-person document check', () => {

  test('the server asking for a residence permit shows in the summary and opens the permit fields', async () => {
    const server = signedInVerifier({
      'POST /api/v1/identity-verifications': problem(422, 'right_to_work_required', {
        errors: [{ field: 'right_to_work', code: 'right_to_work_required', message: 'x' }],
      }),
    });
    renderRoute('/verifier');
    await screen.findByRole('heading', { level: 1, name: 'Record a document check' });
    expect(screen.queryByTestId('permit-fields')).toBeNull();
    fillRecord();

    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', { name: /needs a residence permit/ });
    expect(link.getAttribute('href')).toBe('#permit_number');
    expect(screen.getByTestId('permit-fields')).toBeTruthy();
    expect(screen.getByLabelText('Permit number')).toBeTruthy();
    expect(server.to('POST /api/v1/identity-verifications')[0]?.body).not.toHaveProperty('right_to_work');
  });

  test('a Ukrainian: the permit is asked for and sent as `right_to_work`', async () => {
    const server = signedInVerifier({
      'POST /api/v1/identity-verifications': { status: 201, body: { ...record, registration_link_sent: true } },
    });
    renderRoute('/verifier');
    await screen.findByRole('heading', { level: 1, name: 'Record a document check' });
    fireEvent.change(screen.getByLabelText('Nationality'), { target: { value: 'UKR' } });
    fireEvent.change(screen.getByLabelText('Permit number'), { target: { value: 'ua 123 4567' } });
    fireEvent.change(screen.getByLabelText('Country that issued the permit'), { target: { value: 'SWE' } });
    const until = screen.getByRole('group', { name: 'Permit valid until' });
    const year = String(new Date().getFullYear() + 2);
    fireEvent.change(within(until).getByLabelText('Day'), { target: { value: '31' } });
    fireEvent.change(within(until).getByLabelText('Month'), { target: { value: '3' } });
    fireEvent.change(within(until).getByLabelText('Year'), { target: { value: year } });
    fillRecord('UKR');
    await screen.findByRole('heading', { level: 1, name: 'Document check recorded' });
    expect(server.to('POST /api/v1/identity-verifications')[0]?.body).toMatchObject({
      nationality: 'UKR',
      right_to_work: {
        document_type: 'residence_permit',
        document_number: 'UA1234567',
        issuing_country: 'SWE',
        valid_until: `${year}-03-31`,
      },
    });
  });
  test('an empty form lists every problem in the summary', async () => {
    const server = signedInVerifier();
    renderRoute('/verifier');
    fireEvent.click(await screen.findByRole('button', { name: 'Record the check' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link')).toHaveLength(9);
    expect(within(summary).getByRole('link', { name: 'Enter the date of birth.' }).getAttribute('href')).toBe(
      '#date_of_birth-day',
    );
    expect(server.to('POST /api/v1/identity-verifications')).toHaveLength(0);
  });

  test('a complete check is sent with ISO dates and alpha-3 codes; the record number is shown', async () => {
    const server = signedInVerifier({
      'POST /api/v1/identity-verifications': {
        status: 201,
        body: {
          id: '01a2164a-4453-73ec-ba2d-bd7dd92b44d5',
          person_id: '01a2164a-4453-73ec-ba2d-bd7dd92b44d6',
          verified_at: '2026-11-26T05:00:00Z',
        },
      },
    });
    renderRoute('/verifier');
    await screen.findByRole('button', { name: 'Record the check' });
    fillRecord();

    expect(await screen.findByRole('heading', { level: 1, name: 'Document check recorded' })).toBeTruthy();
    expect(screen.getByText('01a2164a-4453-73ec-ba2d-bd7dd92b44d5')).toBeTruthy();
    expect(server.to('POST /api/v1/identity-verifications')[0]?.body).toEqual({
      document_type: 'passport',
      document_number: 'EA1234567',
      issuing_country: 'POL',
      document_expiry: `${new Date().getFullYear() + 3}-06-01`,
      given_names: 'Jan Piotr',
      surname: 'Kowalski',
      date_of_birth: '1990-04-12',
      nationality: 'POL',
      email: 'jan@example.com',
      language: 'pl',
    });
    expect(screen.getByRole('link', { name: 'Set a new phone number for a worker' }).getAttribute('href')).toBe(
      '/verifier/reset-phone?record=01a2164a-4453-73ec-ba2d-bd7dd92b44d5',
    );
  });

  test('a document recorded for another account is explained at the document number', async () => {
    signedInVerifier({ 'POST /api/v1/identity-verifications': problem(409, 'document_in_use') });
    renderRoute('/verifier');
    await screen.findByRole('button', { name: 'Record the check' });
    fillRecord();

    const link = await screen.findByRole('link', { name: /already recorded for another account/ });
    expect(link.getAttribute('href')).toBe('#document_number');
  });

  test('server field errors are placed on the form', async () => {
    signedInVerifier({
      'POST /api/v1/identity-verifications': problem(422, 'validation_failed', {
        errors: [{ field: 'document_expiry', code: 'document_expired', message: '…' }],
      }),
    });
    renderRoute('/verifier');
    await screen.findByRole('button', { name: 'Record the check' });
    fillRecord();

    expect((await screen.findByRole('link', { name: /The document has expired/ })).getAttribute('href')).toBe(
      '#document_expiry-day',
    );
  });
});

describe("resetting a worker's phone", () => {
  test('sends the record, the document checked again and the new phone in E.164', async () => {
    const server = signedInVerifier({
      'POST /api/v1/identity-verifications/01a2164a-4453-73ec-ba2d-bd7dd92b44d5/reset-second-factor': {
        body: { account_id: 'a', masked_phone: '+48•••••••67' },
      },
    });
    renderRoute('/verifier/reset-phone?record=01a2164a-4453-73ec-ba2d-bd7dd92b44d5');
    fireEvent.change(await screen.findByLabelText('Document number, checked now'), { target: { value: 'EA1234567' } });
    fireEvent.change(screen.getByLabelText('Country code'), { target: { value: 'PL' } });
    fireEvent.change(screen.getByLabelText('Mobile number'), { target: { value: '601 234 567' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set the new number' }));

    expect(await screen.findByText('The worker can now sign in with codes sent to +48•••••••67.')).toBeTruthy();
    expect(server.requests.find((r) => r.path.endsWith('/reset-second-factor'))?.body).toEqual({
      new_phone: '+48601234567',
      document_number: 'EA1234567',
    });
  });

  test('the record is found by email or document number instead of typing its id', async () => {
    const server = signedInVerifier({ 'GET /api/v1/identity-verifications': [{ body: [] }, { body: [record] }] });
    renderRoute('/verifier/reset-phone');
    fireEvent.change(await screen.findByLabelText('Email address or document number'), { target: { value: 'EA0000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find the record' }));
    expect(await screen.findByText(/No record found/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Email address or document number'), { target: { value: 'jan@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find the record' }));
    expect(await screen.findByText('D92B-44D5 · Record of Jan Piotr Kowalski, born 12 April 1990, ••••••567')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Use this record' }));
    expect(screen.getByLabelText<HTMLInputElement>(/record/i, { selector: '#record_id' }).value).toBe(record.id);
    const searches = server.requests.filter((r) => r.path === '/api/v1/identity-verifications').map((r) => r.search);
    expect(searches).toEqual(['?document_number=EA0000000', '?email=jan%40example.com']);
  });

  test('the messages speak of the worker’s phone, not the verifier’s', async () => {
    signedInVerifier();
    renderRoute('/verifier/reset-phone?record=01a2164a-4453-73ec-ba2d-bd7dd92b44d5');
    fireEvent.change(await screen.findByLabelText('Document number, checked now'), { target: { value: 'EA1234567' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set the new number' }));

    const link = await screen.findByRole('link', { name: "Enter the worker's new mobile phone number." });
    expect(link.getAttribute('href')).toBe('#phone');
    expect(screen.queryByText(/your mobile phone/i)).toBeNull();
  });

  test('the wrong document is refused at the document number', async () => {
    signedInVerifier({
      'POST /api/v1/identity-verifications/01a2164a-4453-73ec-ba2d-bd7dd92b44d5/reset-second-factor': problem(
        422,
        'document_mismatch',
      ),
    });
    renderRoute('/verifier/reset-phone?record=01a2164a-4453-73ec-ba2d-bd7dd92b44d5');
    fireEvent.change(await screen.findByLabelText('Document number, checked now'), { target: { value: 'ZZ9999999' } });
    fireEvent.change(screen.getByLabelText('Mobile number'), { target: { value: '070 123 45 67' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set the new number' }));

    expect((await screen.findByRole('link', { name: /not the document that was recorded/ })).getAttribute('href')).toBe(
      '#document_number',
    );
  });
});

describe('activating a card in person', () => {
  const cardId = '01a2166d-1111-7563-801d-de4be8b713df';

  test('the locked card is found through the record; a wrong number is explained; the PIN is shown', async () => {
    const server = signedInVerifier({
      'GET /api/v1/identity-verifications': { body: [record] },
      [`GET /api/v1/identity-verifications/${record.id}/cards`]: {
        body: [{ id: cardId, card_number_last4: '7890', status: 'inactive', activation_locked: true }],
      },
      [`POST /api/v1/cards/${cardId}/activate-in-person`]: [
        problem(422, 'card_number_mismatch'),
        { body: { card: { id: cardId, status: 'active' }, pin: '4821' } },
      ],
    });
    renderRoute('/verifier/activate-card');
    fireEvent.change(await screen.findByLabelText('Email address or document number'), { target: { value: 'jan@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find the record' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Use this record' }));
    expect(await screen.findByText(/Card ending 7890: .* — locked after five wrong card numbers/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Activate the card ending 7890' }));

    fireEvent.change(screen.getByLabelText(/Card number/), { target: { value: 'ab 1234 5678 91' } });
    fireEvent.change(screen.getByLabelText(/Document number/), { target: { value: 'ea 123 4567' } });
    fireEvent.click(screen.getByRole('button', { name: 'Activate the card' }));
    expect(await screen.findAllByText('This number does not match the card. Check it with the worker.')).not.toHaveLength(0);

    fireEvent.change(screen.getByLabelText(/Card number/), { target: { value: 'ab 1234 5678 90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Activate the card' }));
    expect(await screen.findByText(/Tell the worker their PIN: 4821/)).toBeTruthy();
    expect(server.to(`POST /api/v1/cards/${cardId}/activate-in-person`)[1]?.body).toEqual({
      card_number: 'AB1234567890',
      document_number: 'EA1234567',
    });
  });
});

describe('a verification record with a residence permit', () => {
  const ukrainian = {
    ...record,
    nationality: 'UKR',
    issuing_country: 'UKR',
    right_to_work_required: true,
    right_to_work: {
      document_type: 'residence_permit',
      document_number_last3: '567',
      issuing_country: 'SWE',
      valid_until: '2028-03-31',
      recorded_at: '2026-12-06T10:14:30Z',
    },
  };

  test('shows the permit (last 3 characters) and records a renewed one', async () => {
    const renewed = { ...ukrainian, right_to_work: { ...ukrainian.right_to_work, document_number_last3: '890', valid_until: '2030-01-31' } };
    const server = signedInVerifier({
      [`GET /api/v1/identity-verifications/${record.id}`]: { body: ukrainian },
      [`POST /api/v1/identity-verifications/${record.id}/right-to-work`]: { body: renewed },
    });
    renderRoute(`/verifier/records/${record.id}`);
    const permit = await screen.findByTestId('recorded-permit');
    expect(within(permit).getByText('•••• 567')).toBeTruthy();
    expect(within(permit).getByText('Residence permit')).toBeTruthy();
    expect(within(permit).getByText('31 March 2028')).toBeTruthy();

    const form = screen.getByTestId('renew-permit');
    fireEvent.change(within(form).getByLabelText('Permit number'), { target: { value: 'UA 1234890' } });
    fireEvent.change(within(form).getByLabelText('Country that issued the permit'), { target: { value: 'SWE' } });
    const until = within(form).getByRole('group', { name: 'Permit valid until' });
    fireEvent.change(within(until).getByLabelText('Day'), { target: { value: '31' } });
    fireEvent.change(within(until).getByLabelText('Month'), { target: { value: '1' } });
    fireEvent.change(within(until).getByLabelText('Year'), { target: { value: '2030' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the permit' }));

    expect(await screen.findByText('The renewed permit has been recorded')).toBeTruthy();
    expect(within(screen.getByTestId('recorded-permit')).getByText('•••• 890')).toBeTruthy();
    expect(server.to(`POST /api/v1/identity-verifications/${record.id}/right-to-work`)[0]?.body).toEqual({
      document_type: 'residence_permit',
      document_number: 'UA1234890',
      issuing_country: 'SWE',
      valid_until: '2030-01-31',
    });
  });

  test('a Pole needs no permit: none is shown or asked for', async () => {
    signedInVerifier({
      [`GET /api/v1/identity-verifications/${record.id}`]: { body: { ...record, right_to_work_required: false, right_to_work: null } },
    });
    renderRoute(`/verifier/records/${record.id}`);
    expect(await screen.findByText('Not needed: the worker is a citizen of the EU, the EEA or Switzerland.')).toBeTruthy();
    expect(screen.queryByTestId('renew-permit')).toBeNull();
  });
});
