import { useMutation } from '@tanstack/react-query';
import { api, expectOk } from '../../../lib/api';

export type LoginInput = { email: string; password: string };

/** `POST /auth/login`: email and password → a second-factor challenge. */
export async function login(input: LoginInput) {
  return expectOk(await api.POST('/api/v1/auth/login', { body: input }));
}

export function useLogin() {
  return useMutation({ mutationFn: login });
}
