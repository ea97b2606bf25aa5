// The writes on attachments (T-5); each reads the record's attachment list again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { keys } from './query-keys';

/** Uploads a file to a company, contact, opportunity or activity. */
export function useUploadAttachment(resource: string, id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload(`/api/${resource}/${id}/attachments`, form);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.resource(resource).attachments(id) }),
  });
}

/** Deletes one attachment of the record. */
export function useDeleteAttachment(resource: string, id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: number) => api.delete(`/api/attachments/${attachmentId}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.resource(resource).attachments(id) }),
  });
}
