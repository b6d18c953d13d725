import { useCallback } from "react";
import { useApi, type ApiResource } from "../../api/useApi.js";
import type { Attachment, AttachmentList } from "./types.js";

export interface EventFiles {
  resource: ApiResource<AttachmentList>;
  items: Attachment[];
  canUpload: boolean;
  added(attachment: Attachment): void;
  removed(id: string): void;
}

/** The event's files (general, agenda items', and the minutes' for those who may read them), shared by its tabs. */
export function useAttachments(eventId: string): EventFiles {
  const resource = useApi<AttachmentList>(`/api/events/${encodeURIComponent(eventId)}/attachments`);
  const { data, setData } = resource;
  const added = useCallback((attachment: Attachment) => data && setData({ ...data, items: [...data.items, attachment] }), [data, setData]);
  const removed = useCallback((id: string) => data && setData({ ...data, items: data.items.filter((a) => a.id !== id) }), [data, setData]);
  return { resource, items: data?.items ?? [], canUpload: data?.abilities.upload ?? false, added, removed };
}
