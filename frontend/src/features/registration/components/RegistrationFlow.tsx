import { useState } from 'react';
import { Outlet, useOutletContext, useSearchParams } from 'react-router';
import type { Challenge } from '../../../lib/api';
import type { Message } from '../../../lib/messages';
import { defaultPhoneCountry } from '../../../lib/phone-input';
import type { PhoneInput } from '../../../lib/validation';

/** What the steps of registration collect; held in memory only, for this visit. */
export type Registration = {
  token: string;
  password: string;
  phone: PhoneInput;
  challenge: Challenge | null;
  email: string | null;
  /** A server answer that sends the person back to an earlier step, shown there. */
  bounce: Message[];
};

type RegistrationContext = {
  registration: Registration;
  update: (changes: Partial<Registration>) => void;
  /** `?token=…` to keep on every step's URL, so a reload finds the link again. */
  search: string;
};

/** Holds the registration's state for its steps (password → phone → code → done). */
export function RegistrationFlow() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const [registration, setRegistration] = useState<Registration>({
    token,
    password: '',
    phone: { country: defaultPhoneCountry, number: '' },
    challenge: null,
    email: null,
    bounce: [],
  });
  const context: RegistrationContext = {
    registration: { ...registration, token },
    update: (changes) => setRegistration((current) => ({ ...current, ...changes })),
    search: token ? `?token=${encodeURIComponent(token)}` : '',
  };
  return <Outlet context={context} />;
}

export function useRegistration(): RegistrationContext {
  return useOutletContext<RegistrationContext>();
}
