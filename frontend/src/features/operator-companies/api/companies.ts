import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectOk, type components } from '../../../lib/api';

export type Company = components['schemas']['CompanyView'];
export type CompanyPage = components['schemas']['CompanyPage'];
export type CreateCompanyBody = components['schemas']['CreateCompany'];
export type CompaniesQuery = { q: string; limit: number; cursor?: string | null };

export const companiesQueryKey = ['operator', 'companies'] as const;
export const companyQueryKey = (companyId: string) => ['companies', companyId] as const;

/** `GET /companies`: one page, newest first, filtered by name or organisation number. */
export async function listCompanies(query: CompaniesQuery, signal?: AbortSignal): Promise<CompanyPage> {
  return expectOk(
    await api.GET('/api/v1/companies', {
      params: { query: { q: query.q || undefined, limit: query.limit, cursor: query.cursor || undefined } },
      signal,
    }),
  );
}

export function useCompanies(query: CompaniesQuery) {
  return useQuery({
    queryKey: [...companiesQueryKey, 'list', query],
    queryFn: ({ signal }) => listCompanies(query, signal),
    // The old page stays on screen while the next one (or the next search) loads.
    placeholderData: keepPreviousData,
  });
}

/** `GET /companies/{company_id}`. */
export async function getCompany(companyId: string, signal?: AbortSignal): Promise<Company> {
  return expectOk(await api.GET('/api/v1/companies/{company_id}', { params: { path: { company_id: companyId } }, signal }));
}

export function useCompany(companyId: string) {
  return useQuery({ queryKey: companyQueryKey(companyId), queryFn: ({ signal }) => getCompany(companyId, signal) });
}

/** `POST /companies`: the company, and its first administrator invited by email. */
export async function createCompany(body: CreateCompanyBody): Promise<Company> {
  return expectOk(await api.POST('/api/v1/companies', { body }));
}

export function useCreateCompany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCompany,
    onSuccess: (company) => {
      queryClient.setQueryData(companyQueryKey(company.id), company);
      return queryClient.invalidateQueries({ queryKey: companiesQueryKey });
    },
  });
}
