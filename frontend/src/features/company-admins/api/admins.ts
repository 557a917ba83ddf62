import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectOk, type components } from '../../../lib/api';

export type CompanyAdmin = components['schemas']['CompanyAdminView'];

export const companyAdminsQueryKey = (companyId: string) => ['companies', companyId, 'admins'] as const;

/** `GET /companies/{company_id}/admins`: in the order they were made administrators (a short list). */
export async function listCompanyAdmins(companyId: string, signal?: AbortSignal): Promise<CompanyAdmin[]> {
  return expectOk(
    await api.GET('/api/v1/companies/{company_id}/admins', { params: { path: { company_id: companyId } }, signal }),
  );
}

export function useCompanyAdmins(companyId: string) {
  return useQuery({
    queryKey: companyAdminsQueryKey(companyId),
    queryFn: ({ signal }) => listCompanyAdmins(companyId, signal),
  });
}

/** `POST /companies/{company_id}/admins`: someone new is emailed an invitation; an existing account gets the role. */
export async function inviteCompanyAdmin({ companyId, email }: { companyId: string; email: string }) {
  return expectOk(
    await api.POST('/api/v1/companies/{company_id}/admins', {
      params: { path: { company_id: companyId } },
      body: { email },
    }),
  );
}

export function useInviteCompanyAdmin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteCompanyAdmin,
    onSuccess: (_admin, { companyId }) => queryClient.invalidateQueries({ queryKey: companyAdminsQueryKey(companyId) }),
  });
}

/** `DELETE /companies/{company_id}/admins/{account_id}`: never the last one (409 `last_admin`). */
export async function removeCompanyAdmin({ companyId, accountId }: { companyId: string; accountId: string }) {
  expectOk(
    await api.DELETE('/api/v1/companies/{company_id}/admins/{account_id}', {
      params: { path: { company_id: companyId, account_id: accountId } },
    }),
  );
}

/** Either way the list may be out of date (someone else removed them, or another admin left): it is loaded again. */
export function useRemoveCompanyAdmin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeCompanyAdmin,
    onSettled: (_data, _error, { companyId }) =>
      queryClient.invalidateQueries({ queryKey: companyAdminsQueryKey(companyId) }),
  });
}
