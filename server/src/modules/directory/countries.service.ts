import type { Deps } from "../../deps.js";

/** Countries with their OIC membership status (data, not code: it changes, as Syria's did). */
export function createCountriesService({ db }: Deps) {
  return {
    listCountries() {
      return db.selectFrom("countries").select(["code", "nameAr", "nameEn", "oicStatus"]).orderBy("code").execute();
    },
  };
}
export type CountriesService = ReturnType<typeof createCountriesService>;
