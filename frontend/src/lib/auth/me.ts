/** `GET /me`: who is signed in, with roles for the route guards and navigation. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { expectOk } from '../api/errors';
import type { components } from '../api/schema';
import { useAuthStatus } from './session';

export type Role = 'cardholder' | 'company_admin' | 'verifier' | 'operator';

type Me = components['schemas']['Me'];

export const meQueryKey = ['me'] as const;

export async function getMe(signal?: AbortSignal): Promise<Me> {
  return expectOk(await api.GET('/api/v1/me', { signal }));
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: meQueryKey, queryFn: ({ signal }) => getMe(signal), staleTime: 60_000 });

/** The signed-in account; idle while signed out. */
export function useMe() {
  const status = useAuthStatus();
  return useQuery({ ...meQueryOptions(), enabled: status === 'signed-in' });
}

export function hasRole(me: Pick<Me, 'roles'> | undefined, role: Role): boolean {
  return me?.roles.includes(role) ?? false;
}
