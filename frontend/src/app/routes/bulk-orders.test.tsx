import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { meFixture, problem, signedInRefresh, stubApi } from '../../test/api-stub';
import { renderRoute } from '../../test/render-route';

const companyId = '01a2166d-05f6-728c-bda2-8186f3e5dc22';
const base = `/api/v1/companies/${companyId}`;
const page = `/company/${companyId}/orders/batch`;

const admin = meFixture({
  email: 'admin@demo.test',
  roles: ['company_admin'],
  person: null,
  companies: [{ id: companyId, name: 'Demo Bygg AB' }],
});

const signedIn = (routes: Parameters<typeof stubApi>[0] = {}) =>
  stubApi({ 'POST /api/v1/auth/refresh': signedInRefresh, 'GET /api/v1/me': { body: admin }, ...routes });

const header =
  'given_names;surname;date_of_birth;nationality;email;phone;recipient;address_line1;address_line2;postal_code;city;country';
const anna = 'Anna;Berg;1991-02-01;;anna@example.com;;"Site office; gate 2";Byggvägen 1;;111 22;Stockholm;SE';
const jan = 'Jan;Kowalski;1990-04-12;POL;jan@example.com;+48601234567;Site office;Byggvägen 1;;111 22;Stockholm;SE';
const janWithoutSurname = jan.replace('Kowalski', '');

function csvFile(lines: string[], name = 'crew.csv'): File {
  return new File([`\uFEFF${lines.join('\r\n')}\r\n`], name, { type: 'text/csv' });
}

async function choose(file: File) {
  const input = await screen.findByLabelText(/^Choose the/, undefined, { timeout: 4000 });
  fireEvent.change(input, { target: { files: [file] } });
}

const batchInvalid = problem(422, 'batch_invalid', {
  errors: [
    { row: 2, field: 'surname', code: 'required', message: 'English for developers' },
    { row: 2, field: 'email', code: 'invalid_email', message: 'English for developers' },
  ],
});

describe('ordering from a file', () => {
  test('the Orders page links to it; it explains the columns and offers the template', async () => {
    signedIn({ [`GET ${base}/card-orders`]: { body: { items: [], next_cursor: null } } });
    const { router } = renderRoute(`/company/${companyId}/orders`);
    fireEvent.click(await screen.findByRole('link', { name: 'Order from a file' }, { timeout: 4000 }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Order cards from a file' })).toBeTruthy();
    expect(router.state.location.pathname).toBe(page);
    const template = screen.getByRole('link', { name: 'Download the template' });
    expect(template.getAttribute('download')).toBe('sitecard-orders.csv');
    const csv = decodeURIComponent((template.getAttribute('href') ?? '').split(',').slice(1).join(','));
    expect(csv.startsWith(`\uFEFF${header}\r\n`)).toBe(true);
    expect(screen.getByText('What to write in each column')).toBeTruthy();
    expect(screen.getByText('date_of_birth')).toBeTruthy();
    expect(screen.getByLabelText('Choose the CSV file').getAttribute('accept')).toBe('.csv,text/csv');
  });

  test("a 422 shows each row's problems in that row and in the summary; nothing can be ordered", async () => {
    const server = signedIn({ [`POST ${base}/card-orders/batch`]: batchInvalid });
    renderRoute(page);
    await choose(csvFile([header, anna, janWithoutSurname]));

    const summary = await screen.findByRole('alert', undefined, { timeout: 4000 });
    expect(within(summary).getByText('Rows that need fixing: 1 of 2')).toBeTruthy();
    const link = within(summary).getByRole('link', { name: "Row 2, Surname: Enter the worker's surname." });
    expect(link.getAttribute('href')).toBe('#row-2');
    expect(within(summary).getByRole('link', { name: 'Row 2, Email address: Enter an email address like name@example.com.' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.queryByText('English for developers')).toBeNull();

    // The preview: every row, read here (BOM, `;`, quotes), with row 2's problems in row 2.
    const region = screen.getByRole('region', { name: 'Workers in crew.csv: 2' });
    expect(region.getAttribute('tabindex')).toBe('0');
    const rows = within(region).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1] as HTMLElement).getByText('Site office; gate 2')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('Correct')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText("Enter the worker's surname.")).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('Enter an email address like name@example.com.')).toBeTruthy();

    fireEvent.click(link);
    expect(document.activeElement?.id).toBe('row-2');
    expect(screen.queryByRole('button', { name: /^Order/ })).toBeNull();
    const posted = server.to(`POST ${base}/card-orders/batch`);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.search).toBe('?dry_run=true');
    expect(posted[0]?.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    // The file as chosen (reading the body as text drops the byte order mark again).
    expect(posted[0]?.body).toBe(`${[header, anna, janWithoutSurname].join('\r\n')}\r\n`);
  });

  test('"Order 2 cards" comes only after a clean dry run; it orders and goes to the orders list', async () => {
    const server = signedIn({
      [`POST ${base}/card-orders/batch`]: (request) =>
        new URL(request.url).searchParams.get('dry_run') === 'true'
          ? { body: { created: [], rows: 2 } }
          : { status: 201, body: { created: ['01a2166d-0677-7563-801d-de4be8b713d1', '01a2166d-0677-7563-801d-de4be8b713d2'], rows: 2 } },
      [`GET ${base}/card-orders`]: { body: { items: [], next_cursor: null } },
    });
    const { router } = renderRoute(page);
    await screen.findByRole('heading', { level: 1, name: 'Order cards from a file' });
    expect(screen.queryByRole('button', { name: /^Order/ })).toBeNull();
    await choose(csvFile([header, anna, jan]));

    const button = await screen.findByRole('button', { name: 'Order 2 cards' }, { timeout: 4000 });
    expect(screen.getAllByText('The file is correct. Workers ready to order: 2').length).toBeGreaterThan(0);
    expect(server.to(`POST ${base}/card-orders/batch`)).toHaveLength(1);
    fireEvent.click(button);

    await waitFor(() => expect(router.state.location.pathname).toBe(`/company/${companyId}/orders`));
    expect(await screen.findByText('Cards ordered from the file: 2')).toBeTruthy();
    const posts = server.to(`POST ${base}/card-orders/batch`);
    expect(posts.map((r) => r.search)).toEqual(['?dry_run=true', '']);
    expect(posts[1]?.body).toBe(posts[0]?.body);
    expect(posts[1]?.body).toContain(jan);
  });

  test('when ordering fails on the server, nothing was ordered and the same file can be ordered again', async () => {
    const server = signedIn({
      [`POST ${base}/card-orders/batch`]: (request) =>
        new URL(request.url).searchParams.get('dry_run') === 'true'
          ? { body: { created: [], rows: 1 } }
          : problem(503, 'unavailable'),
    });
    renderRoute(page);
    await choose(csvFile([header, anna]));
    fireEvent.click(await screen.findByRole('button', { name: 'Order 1 card' }, { timeout: 4000 }));
    expect(
      await screen.findByText('Something went wrong on our side. Try again in a few minutes.', undefined, { timeout: 4000 }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Order 1 card' }));
    await waitFor(() => expect(server.to(`POST ${base}/card-orders/batch`)).toHaveLength(3));
  });

  test('over 500 rows is said before anything is sent', async () => {
    const server = signedIn();
    renderRoute(page);
    await choose(csvFile([header, ...Array.from({ length: 501 }, () => anna)]));
    expect(await screen.findByRole('link', { name: /The file has 501 workers, and at most 500/ })).toBeTruthy();
    expect(server.to(`POST ${base}/card-orders/batch`)).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /^Order/ })).toBeNull();
  });

  test('a file not saved as UTF-8 is refused in words; a missing column is named', async () => {
    const server = signedIn({
      [`POST ${base}/card-orders/batch`]: problem(422, 'batch_invalid', {
        errors: [{ row: 0, field: 'surname', code: 'missing_column', message: 'English' }],
      }),
    });
    renderRoute(page);
    await choose(new File([new Uint8Array([0x67, 0xe5, 0x0a])], 'latin1.csv', { type: 'text/csv' }));
    expect(await screen.findByRole('link', { name: /is not saved as UTF-8/ })).toBeTruthy();
    expect(server.to(`POST ${base}/card-orders/batch`)).toHaveLength(0);

    await choose(csvFile(['given_names;email', 'Anna;anna@example.com']));
    expect(
      await screen.findByRole('link', { name: 'The column “surname” is missing from the first row. Copy the column names from the template.' }),
    ).toBeTruthy();
  });
});
