import { useEffect, useMemo, useState } from "react";
import { api } from "../../api/client.js";
import type { Page, Person } from "../../api/types.js";
import type { SeasonList } from "./types.js";

/** The seasons, fetched once per page load and shared by the filters and forms. */
let seasonsPromise: Promise<SeasonList> | null = null;

export function loadSeasons(): Promise<SeasonList> {
  if (!seasonsPromise) {
    seasonsPromise = api.get<SeasonList>("/api/seasons");
    seasonsPromise.catch(() => {
      seasonsPromise = null;
    });
  }
  return seasonsPromise;
}

/** Forget the shared seasons (after a season is created, and between tests). */
export function invalidateSeasons(): void {
  seasonsPromise = null;
}

/** Seasons, newest first. */
export function useSeasons() {
  const [data, setData] = useState<SeasonList | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let alive = true;
    loadSeasons().then(
      (value) => alive && setData(value),
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, []);
  return useMemo(
    () => ({ items: [...(data?.items ?? [])].sort((a, b) => b.hijriYear - a.hijriYear), canCreate: data?.abilities.create ?? false, loading: !data && !failed }),
    [data, failed],
  );
}

/** The people of one organisation (by code), for pickers such as the chair or a delegation. */
export function usePeopleOf(organisationCode: string | null) {
  const [state, setState] = useState<{ code: string | null; items: Person[] | undefined; failed: boolean }>({ code: null, items: undefined, failed: false });
  useEffect(() => {
    if (!organisationCode) return;
    let alive = true;
    api.get<Page<Person>>("/api/people", { organisation: organisationCode, pageSize: 100 }).then(
      (answer) => alive && setState({ code: organisationCode, items: answer.items, failed: false }),
      () => alive && setState({ code: organisationCode, items: [], failed: true }),
    );
    return () => {
      alive = false;
    };
  }, [organisationCode]);
  const current = state.code === organisationCode ? state : { items: undefined, failed: false };
  return { items: current.items, loading: !!organisationCode && current.items === undefined, failed: current.failed };
}
