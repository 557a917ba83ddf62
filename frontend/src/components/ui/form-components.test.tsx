import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { emptyDateParts, type DateParts } from '../../lib/date';
import type { Message } from '../../lib/messages';
import { CodeField } from './CodeField';
import { DateField } from './DateField';
import { ErrorSummary } from './ErrorSummary';
import { TextField } from './Field';
import { PasswordField } from './PasswordField';
import { PhoneField, type PhoneValue } from './PhoneField';

describe('error summary', () => {
  const errors: Message[] = [
    { field: 'email', key: 'signIn.errors.emailRequired' },
    { key: 'errors.network' },
  ];

  test('takes focus, is announced, and links each message to its control', () => {
    render(
      <>
        <ErrorSummary errors={errors} attempt={1} />
        <TextField id="email" label="Email address" error={errors[0]} />
      </>,
    );

    const summary = screen.getByRole('alert');
    expect(document.activeElement).toBe(summary);
    expect(summary.textContent).toContain('There is a problem');
    const link = screen.getByRole('link', { name: 'Enter your email address.' });
    expect(link.getAttribute('href')).toBe('#email');
    // A general message is text, not a link.
    expect(screen.getByText(/We could not reach Sitecard/).tagName).toBe('LI');

    fireEvent.click(link);
    expect(document.activeElement).toBe(screen.getByLabelText('Email address'));
  });

  test('shows nothing without errors', () => {
    const { container } = render(<ErrorSummary errors={[]} attempt={0} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('a text field with an error', () => {
  test('the message is at the field, tied to the input for screen readers', () => {
    render(<TextField id="city" label="Town or city" hint="Where you live" error={{ key: 'address.errors.cityRequired' }} />);
    const input = screen.getByLabelText('Town or city');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('city-hint city-error');
    expect(document.getElementById('city-error')?.textContent).toBe('Error: Enter your town or city.');
  });
});

describe('the one-time code input', () => {
  test('asks phones for digits and browsers for the SMS code', () => {
    render(<CodeField id="code" label="Code" value="" onValue={() => undefined} />);
    const input = screen.getByLabelText('Code');
    expect(input.getAttribute('autocomplete')).toBe('one-time-code');
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(input.getAttribute('pattern')).toBe('[0-9]*');
  });
});

describe('the password input', () => {
  test('Show and Hide switch the input type and say so', () => {
    function Harness() {
      const [value, setValue] = useState('granite ladder');
      return <PasswordField id="password" label="Password" autoComplete="new-password" value={value} onValue={setValue} />;
    }
    render(<Harness />);
    const input = screen.getByLabelText('Password');
    expect(input.getAttribute('type')).toBe('password');
    expect(input.getAttribute('autocomplete')).toBe('new-password');

    fireEvent.click(screen.getByRole('button', { name: 'Show password' }));
    expect(input.getAttribute('type')).toBe('text');
    expect(screen.getByText('Your password is shown')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Hide password' }));
    expect(input.getAttribute('type')).toBe('password');
  });
});

describe('date of birth as three fields', () => {
  test('typing fills day, month and year separately; the group has its legend and hint', () => {
    let latest: DateParts = emptyDateParts;
    function Harness() {
      const [value, setValue] = useState<DateParts>(emptyDateParts);
      latest = value;
      return (
        <DateField id="date_of_birth" legend="Date of birth" hint="For example, 27 3 1985" value={value} onValue={setValue} autoComplete="bday" />
      );
    }
    render(<Harness />);

    expect(screen.getByRole('group', { name: 'Date of birth' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Day'), { target: { value: '12' } });
    fireEvent.change(screen.getByLabelText('Month'), { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText('Year'), { target: { value: '1990' } });

    expect(latest).toEqual({ day: '12', month: '4', year: '1990' });
    expect(screen.getByLabelText('Year').getAttribute('autocomplete')).toBe('bday-year');
    expect(screen.getByLabelText('Day').getAttribute('inputmode')).toBe('numeric');
  });
});

describe('phone number with country code', () => {
  test('countries are named in the reader’s language with their calling code', () => {
    let latest: PhoneValue = { country: 'SE', number: '' };
    function Harness() {
      const [value, setValue] = useState<PhoneValue>({ country: 'SE', number: '' });
      latest = value;
      return <PhoneField id="phone" legend="Your mobile phone number" hint="…" value={value} onValue={setValue} />;
    }
    render(<Harness />);

    const select = screen.getByLabelText<HTMLSelectElement>('Country code');
    expect(select.selectedOptions[0]?.textContent).toBe('Sweden (+46)');
    fireEvent.change(select, { target: { value: 'PL' } });
    fireEvent.change(screen.getByLabelText('Mobile number'), { target: { value: '601 234 567' } });
    expect(latest).toEqual({ country: 'PL', number: '601 234 567' });
    expect(screen.getByLabelText('Mobile number').getAttribute('type')).toBe('tel');
  });
});
