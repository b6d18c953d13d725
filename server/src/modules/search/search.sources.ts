import type { SearchType } from "../../../../common/library.js";
import type { Executor } from "../admin/audit.repository.js";
import { htmlToText } from "./search.text.js";

/** What the index keeps of one record. */
export interface SearchDocument {
  type: SearchType;
  id: string;
  organisationId: string | null;
  visibility: string;
  shareGroupId: string | null;
  category: string | null;
  country: string | null;
  seasonId: string | null;
  languages: Array<"ar" | "en">;
  titleAr: string | null;
  titleEn: string | null;
  /** Everything the record is found by besides its title (analysed, not shown). */
  text: string;
  /** The plain text results' snippets are cut from. */
  snippetText: string;
  updatedAt: string;
}

const join = (...parts: Array<string | null | undefined>) => parts.filter((p) => p && p.trim()).join("\n");

/** Live records' ids after `after`, in id order (for rebuilding in batches). */
export const SOURCE_IDS: Record<SearchType, (db: Executor, after: string, limit: number) => Promise<string[]>> = {
  library: async (db, after, limit) =>
    (await db.selectFrom("libraryEntries").select("id").where("archivedAt", "is", null).where("id", ">", after).orderBy("id").limit(limit).execute()).map((r) => r.id),
  event: async (db, after, limit) =>
    (await db.selectFrom("events").select("id").where("archivedAt", "is", null).where("id", ">", after).orderBy("id").limit(limit).execute()).map((r) => r.id),
  organisation: async (db, after, limit) =>
    (await db.selectFrom("organisations").select("id").where("archivedAt", "is", null).where("id", ">", after).orderBy("id").limit(limit).execute()).map((r) => r.id),
  person: async (db, after, limit) =>
    (await db.selectFrom("people").select("id").where("archivedAt", "is", null).where("id", ">", after).orderBy("id").limit(limit).execute()).map((r) => r.id),
  recommendation: async (db, after, limit) =>
    (await db.selectFrom("recommendations").select("id").where("id", ">", after).orderBy("id").limit(limit).execute()).map((r) => r.id),
};

async function libraryDocuments(db: Executor, ids: string[]): Promise<SearchDocument[]> {
  const rows = await db
    .selectFrom("libraryEntries as e")
    .innerJoin("organisations as o", "o.id", "e.organisationId")
    .select(["e.id", "e.organisationId", "e.visibility", "e.shareGroupId", "e.category", "e.seasonId", "e.titleAr", "e.titleEn", "e.bodyAr", "e.bodyEn", "e.updatedAt", "o.country", "o.nameAr as orgAr", "o.nameEn as orgEn"])
    .where("e.id", "in", ids)
    .where("e.archivedAt", "is", null)
    .execute();
  if (rows.length === 0) return [];
  const tags = await db.selectFrom("libraryEntryTags").select(["entryId", "tag"]).where("entryId", "in", ids).execute();
  return rows.map((r) => {
    const bodyAr = htmlToText(r.bodyAr);
    const bodyEn = htmlToText(r.bodyEn);
    const languages: Array<"ar" | "en"> = [];
    if (r.titleAr || bodyAr) languages.push("ar");
    if (r.titleEn || bodyEn) languages.push("en");
    const entryTags = tags.filter((t) => t.entryId === r.id).map((t) => t.tag);
    return {
      type: "library" as const,
      id: r.id,
      organisationId: r.organisationId,
      visibility: r.visibility,
      shareGroupId: r.shareGroupId,
      category: r.category,
      country: r.country,
      seasonId: r.seasonId,
      languages,
      titleAr: r.titleAr,
      titleEn: r.titleEn,
      text: join(bodyAr, bodyEn, entryTags.join(" "), r.orgAr, r.orgEn),
      snippetText: join(bodyAr, bodyEn),
      updatedAt: r.updatedAt,
    };
  });
}

async function eventDocuments(db: Executor, ids: string[]): Promise<SearchDocument[]> {
  const rows = await db
    .selectFrom("events as e")
    .innerJoin("organisations as o", "o.id", "e.hostOrganisationId")
    .select([
      "e.id", "e.hostOrganisationId", "e.status", "e.visibility", "e.shareGroupId", "e.seasonId", "e.titleAr", "e.titleEn",
      "e.descriptionAr", "e.descriptionEn", "e.venueAr", "e.venueEn", "e.updatedAt", "o.country", "o.nameAr as orgAr", "o.nameEn as orgEn",
    ])
    .where("e.id", "in", ids)
    .where("e.archivedAt", "is", null)
    .execute();
  return rows.map((r) => ({
    type: "event" as const,
    id: r.id,
    organisationId: r.hostOrganisationId,
    // A draft is for its organisers only.
    visibility: r.status === "draft" ? "private" : r.visibility,
    shareGroupId: r.status === "draft" ? null : r.shareGroupId,
    category: null,
    country: r.country,
    seasonId: r.seasonId,
    languages: ["ar", "en"],
    titleAr: r.titleAr,
    titleEn: r.titleEn,
    text: join(r.descriptionAr, r.descriptionEn, r.venueAr, r.venueEn, r.orgAr, r.orgEn),
    snippetText: join(r.descriptionAr, r.descriptionEn, r.venueAr, r.venueEn),
    updatedAt: r.updatedAt,
  }));
}

async function organisationDocuments(db: Executor, ids: string[]): Promise<SearchDocument[]> {
  const rows = await db
    .selectFrom("organisations as o")
    .leftJoin("countries as c", "c.code", "o.country")
    .select(["o.id", "o.visibility", "o.shareGroupId", "o.country", "o.nameAr", "o.nameEn", "o.cityAr", "o.cityEn", "o.addressAr", "o.addressEn", "o.updatedAt", "c.nameAr as countryAr", "c.nameEn as countryEn"])
    .where("o.id", "in", ids)
    .where("o.archivedAt", "is", null)
    .execute();
  return rows.map((r) => ({
    type: "organisation" as const,
    id: r.id,
    organisationId: r.id,
    visibility: r.visibility,
    shareGroupId: r.shareGroupId,
    category: null,
    country: r.country,
    seasonId: null,
    languages: ["ar", "en"],
    titleAr: r.nameAr,
    titleEn: r.nameEn,
    text: join(r.cityAr, r.cityEn, r.addressAr, r.addressEn, r.countryAr, r.countryEn),
    snippetText: join(r.cityAr, r.cityEn, r.countryAr, r.countryEn),
    updatedAt: r.updatedAt,
  }));
}

async function personDocuments(db: Executor, ids: string[]): Promise<SearchDocument[]> {
  const rows = await db
    .selectFrom("people as p")
    .innerJoin("organisations as o", "o.id", "p.organisationId")
    .select(["p.id", "p.organisationId", "p.visibility", "p.shareGroupId", "p.nameAr", "p.nameEn", "p.titleAr", "p.titleEn", "p.updatedAt", "o.country", "o.nameAr as orgAr", "o.nameEn as orgEn"])
    .where("p.id", "in", ids)
    .where("p.archivedAt", "is", null)
    .execute();
  return rows.map((r) => ({
    type: "person" as const,
    id: r.id,
    organisationId: r.organisationId,
    visibility: r.visibility,
    shareGroupId: r.shareGroupId,
    category: null,
    country: r.country,
    seasonId: null,
    languages: ["ar", "en"],
    titleAr: r.nameAr,
    titleEn: r.nameEn,
    text: join(r.titleAr, r.titleEn, r.orgAr, r.orgEn),
    snippetText: join(r.titleAr, r.titleEn, r.orgAr, r.orgEn),
    updatedAt: r.updatedAt,
  }));
}

/**
 * A recommendation is found by its reference and text (title), its area and responsible
 * organisations. It belongs to its owner with its stored visibility; search.repository.ts adds
 * those it is shared with otherwise (responsible, invited to its meeting, assigned an action).
 */
async function recommendationDocuments(db: Executor, ids: string[]): Promise<SearchDocument[]> {
  const rows = await db
    .selectFrom("recommendations as r")
    .innerJoin("organisations as o", "o.id", "r.organisationId")
    .leftJoin("cooperationAreas as a", "a.id", "r.areaId")
    .select(["r.id", "r.organisationId", "r.visibility", "r.shareGroupId", "r.seasonId", "r.reference", "r.textAr", "r.textEn", "r.updatedAt", "o.country", "a.titleAr as areaAr", "a.titleEn as areaEn"])
    .where("r.id", "in", ids)
    .execute();
  if (rows.length === 0) return [];
  const responsibles = await db
    .selectFrom("recommendationResponsibles as rr")
    .innerJoin("organisations as o", "o.id", "rr.organisationId")
    .select(["rr.recommendationId", "o.nameAr", "o.nameEn"])
    .where("rr.recommendationId", "in", ids)
    .execute();
  return rows.map((r) => {
    const prefix = r.reference ? `${r.reference} ` : "";
    const names = responsibles.filter((x) => x.recommendationId === r.id).flatMap((x) => [x.nameAr, x.nameEn]);
    const languages: Array<"ar" | "en"> = [];
    if (r.textAr) languages.push("ar");
    if (r.textEn && r.textEn !== r.textAr) languages.push("en");
    return {
      type: "recommendation" as const,
      id: r.id,
      organisationId: r.organisationId,
      visibility: r.visibility,
      shareGroupId: r.shareGroupId,
      category: null,
      country: r.country,
      seasonId: r.seasonId,
      languages: languages.length ? languages : ["ar"],
      titleAr: `${prefix}${r.textAr}`,
      titleEn: `${prefix}${r.textEn}`,
      text: join(r.areaAr, r.areaEn, ...names),
      snippetText: join(r.textAr, r.textEn),
      updatedAt: r.updatedAt,
    };
  });
}

const LOADERS: Record<SearchType, (db: Executor, ids: string[]) => Promise<SearchDocument[]>> = {
  library: libraryDocuments,
  event: eventDocuments,
  organisation: organisationDocuments,
  person: personDocuments,
  recommendation: recommendationDocuments,
};

/** The documents of the given records that are live (archived and missing ones are left out). */
export function loadDocuments(db: Executor, type: SearchType, ids: string[]): Promise<SearchDocument[]> {
  return LOADERS[type](db, ids);
}
