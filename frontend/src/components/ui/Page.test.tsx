import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { changeLanguage } from '../../lib/i18n';
import type { Message } from '../../lib/messages';
import { ErrorSummary } from './ErrorSummary';
import { Page } from './Page';

/** A page with a form whose submit fails until the field is filled in. */
function FormPage() {
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  return (
    <Page title="Sign in">
      <ErrorSummary errors={errors} attempt={attempt} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setAttempt((n) => n + 1);
          setErrors(value ? [] : [{ field: 'email', key: 'signIn.errors.emailRequired' }]);
        }}
      >
        <input id="email" aria-label="Email address" value={value} onChange={(event) => setValue(event.target.value)} />
        <button type="submit">Continue</button>
      </form>
    </Page>
  );
}

describe('the document title', () => {
  test('is the page title and the service name', async () => {
    render(<Page title="Check a card" />);
    await waitFor(() => expect(document.title).toBe('Check a card – Sitecard'));
  });

  test('starts with "Error: " while the error summary shows, and not after the form is put right', async () => {
    render(<FormPage />);
    await waitFor(() => expect(document.title).toBe('Sign in – Sitecard'));

    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('alert');
    await waitFor(() => expect(document.title).toBe('Error: Sign in – Sitecard'));

    fireEvent.change(screen.getByLabelText('Email address'), { target: { value: 'jan@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(document.title).toBe('Sign in – Sitecard'));
  });

  test('says "Error:" in the reader’s language', async () => {
    await act(() => changeLanguage('sv'));
    render(<FormPage />);
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(document.title).toBe('Fel: Sign in – Sitecard'));
  });

  test('of an error page starts with "Error: " from the start', async () => {
    render(<Page title="Something went wrong" error />);
    await waitFor(() => expect(document.title).toBe('Error: Something went wrong – Sitecard'));
  });

  test('leaves out the soft hyphens that help long headings wrap', async () => {
    render(<Page title={'Id-kort för bygg\u00adarbets\u00adplatser'} />);
    await waitFor(() => expect(document.title).toBe('Id-kort för byggarbetsplatser – Sitecard'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Id-kort för bygg\u00adarbets\u00adplatser');
  });
});
