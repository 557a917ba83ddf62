import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectOk } from '../../../lib/api';
import { companyOrderQueryKey } from './get-order';
import { companyOrdersQueryKey } from './list-orders';

/**
 * `PUT /companies/{company_id}/card-orders/{id}/photo` with the file itself as the body
 * (`image/jpeg` or `image/png`). Errors: 415 `unsupported_image`, 413 `photo_too_large`,
 * 422 `photo_too_small`, `photo_not_portrait`, `photo_unreadable`; 409 `invalid_state`.
 */
export async function uploadPhoto({ companyId, id, file }: { companyId: string; id: string; file: Blob }) {
  return expectOk(
    await api.PUT('/api/v1/companies/{company_id}/card-orders/{id}/photo', {
      params: { path: { company_id: companyId, id } },
      // A binary body (`format: binary`): the file is sent unchanged, not serialised.
      body: file as unknown as string,
      bodySerializer: (body) => body as unknown as Blob,
      headers: { 'Content-Type': file.type },
    }),
  );
}

export function useUploadPhoto() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadPhoto,
    onSuccess: (order, { companyId }) => {
      queryClient.setQueryData(companyOrderQueryKey(companyId, order.id), order);
      void queryClient.invalidateQueries({ queryKey: [...companyOrdersQueryKey(companyId), 'list'] });
    },
  });
}
