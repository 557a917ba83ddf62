import { useQuery } from '@tanstack/react-query';
import { api, expectOk } from '../../../lib/api';

/** `GET /accounts/registration-tokens/{token}`: is the emailed link still usable, and for which address? */
export async function checkRegistrationLink(token: string) {
  return expectOk(await api.GET('/api/v1/accounts/registration-tokens/{token}', { params: { path: { token } } }));
}

/** Checked once per link, before anything is typed. */
export function useRegistrationLink(token: string) {
  return useQuery({
    queryKey: ['registration-link', token],
    queryFn: () => checkRegistrationLink(token),
    enabled: token !== '',
    staleTime: Infinity,
    retry: false,
  });
}
