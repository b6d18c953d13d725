import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import type { Country, Group, Organisation, Page } from "../../api/types.js";
import { pickLocal } from "../../components/format.js";

/** Lists that change rarely are fetched once per page load and shared. */
const cache = new Map<string, Promise<unknown>>();

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let promise = cache.get(key) as Promise<T> | undefined;
  if (!promise) {
    promise = load();
    cache.set(key, promise);
    promise.catch(() => cache.delete(key));
  }
  return promise;
}

/** Forget shared lists after a change (e.g. a new organisation or group). */
export function invalidateDirectoryCache(): void {
  cache.clear();
}

function useShared<T>(key: string, load: () => Promise<T>): { data: T | undefined; failed: boolean } {
  const [data, setData] = useState<T | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let alive = true;
    cached(key, load).then(
      (value) => alive && setData(value),
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
    // `load` is a fresh closure each render; the key identifies it.
  }, [key]);
  return { data, failed };
}

/** Items sorted by their name in `language`. */
export function sortByLocalName<T extends { nameAr: string; nameEn: string }>(items: T[], language: string): T[] {
  const collator = new Intl.Collator(language);
  return [...items].sort((a, b) => collator.compare(pickLocal(a.nameAr, a.nameEn, language), pickLocal(b.nameAr, b.nameEn, language)));
}

/** Countries sorted by their name in the interface language. */
export function useCountries() {
  const { i18n } = useTranslation();
  const { data, failed } = useShared("countries", () => api.get<{ items: Country[] }>("/api/countries").then((a) => a.items));
  const language = i18n.language;
  return useMemo(() => {
    const items = sortByLocalName(data ?? [], language);
    return { items, byCode: new Map(items.map((c) => [c.code, c])), loading: !data && !failed, failed };
  }, [data, failed, language]);
}

export function useGroups() {
  const { i18n } = useTranslation();
  const { data, failed } = useShared("groups", () => api.get<{ items: Group[] }>("/api/groups").then((a) => a.items));
  const language = i18n.language;
  return useMemo(() => ({ items: sortByLocalName(data ?? [], language), loading: !data && !failed, failed }), [data, failed, language]);
}

/** Every organisation the user may see (pages of 100), for pickers. */
export async function fetchAllOrganisations(): Promise<Organisation[]> {
  const all: Organisation[] = [];
  for (let page = 1; page <= 50; page++) {
    const answer = await api.get<Page<Organisation>>("/api/organisations", { page, pageSize: 100 });
    all.push(...answer.items);
    if (all.length >= answer.total || answer.items.length === 0) break;
  }
  return all;
}

export function useAllOrganisations() {
  const { i18n } = useTranslation();
  const { data, failed } = useShared("organisations:all", fetchAllOrganisations);
  const language = i18n.language;
  return useMemo(() => ({ items: sortByLocalName(data ?? [], language), loading: !data && !failed, failed }), [data, failed, language]);
}
