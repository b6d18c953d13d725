import { useApi } from "../../api/useApi.js";
import type { Programme, ProgrammeList } from "./types.js";

/**
 * Programmes the user may read (for filters and forms), optionally of one season. Archived ones
 * only with `archived` (filters over past recommendations), never for filing a new one.
 */
export function useProgrammeOptions(season?: string, { archived = false }: { archived?: boolean } = {}) {
  const list = useApi<ProgrammeList>("/api/programmes", { season: season || undefined, archived: archived ? "include" : undefined, pageSize: 100 });
  return { items: list.data?.items ?? [], loading: list.loading && !list.data, error: list.error };
}

/** One programme (for its areas), or nothing while none is chosen. */
export function useProgramme(id: string | null | undefined) {
  return useApi<Programme>(id ? `/api/programmes/${encodeURIComponent(id)}` : null);
}

export const recommendationPath = (id: string) => `/api/recommendations/${encodeURIComponent(id)}`;
export const eventPath = (id: string) => `/api/events/${encodeURIComponent(id)}`;
