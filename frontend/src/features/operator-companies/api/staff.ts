import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectOk, type components } from '../../../lib/api';

export type StaffMember = components['schemas']['StaffMember'];
/** The roles this page gives and takes; the others (cardholder, company admin) come with their own flows. */
export const staffRoles = ['verifier', 'operator'] as const;
export type StaffRole = (typeof staffRoles)[number];

export function isStaffRole(value: string): value is StaffRole {
  return (staffRoles as readonly string[]).includes(value);
}

export const staffQueryKey = ['operator', 'staff'] as const;

/** `GET /staff`: everyone holding the verifier or operator role (a short list, not paged). */
export async function listStaff(signal?: AbortSignal): Promise<StaffMember[]> {
  return expectOk(await api.GET('/api/v1/staff', { signal }));
}

export function useStaff() {
  return useQuery({ queryKey: staffQueryKey, queryFn: ({ signal }) => listStaff(signal) });
}

/** `POST /staff`: someone new is emailed an invitation; an existing account gets the role at once. */
export async function inviteStaff(body: { email: string; role: StaffRole }): Promise<StaffMember> {
  return expectOk(await api.POST('/api/v1/staff', { body }));
}

export function useInviteStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteStaff,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffQueryKey }),
  });
}

/** `DELETE /staff/{account_id}/roles/{role}`: the account's sessions end at once; never the last operator. */
export async function removeStaffRole({ accountId, role }: { accountId: string; role: StaffRole }): Promise<void> {
  expectOk(await api.DELETE('/api/v1/staff/{account_id}/roles/{role}', { params: { path: { account_id: accountId, role } } }));
}

export function useRemoveStaffRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeStaffRole,
    onSettled: () => queryClient.invalidateQueries({ queryKey: staffQueryKey }),
  });
}
