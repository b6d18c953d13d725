import type { Locale } from "../../../../common/roles.js";
import type { Deps } from "../../deps.js";
import { diffChanges } from "../../lib/audit.js";
import { AppError } from "../../lib/errors.js";
import { newId, nowIso } from "../../lib/tokens.js";
import { authorize, can, type Actor } from "../../policies/index.js";
import { insertAudit } from "../admin/audit.repository.js";
import { indexRecord } from "../search/search.indexer.js";
import { loadActorGroups } from "./groups-of.repository.js";
import { resolveShareGroup } from "./sharing.js";
import { peopleRepository, type PersonRow } from "./people.repository.js";
import type { CreatePerson, PersonQuery, UpdatePerson } from "./people.schema.js";
import { buildSearchText } from "./search.js";

type Presented = ReturnType<typeof presentPerson>;

function ownership(row: { organisationId: string; visibility: string; shareGroupId: string | null }) {
  return { organisationId: row.organisationId, visibility: row.visibility, shareGroupId: row.shareGroupId };
}

/** Person row → API JSON, with what the actor may do to it. */
export function presentPerson(actor: Actor | null, row: PersonRow) {
  const owned = ownership(row);
  return {
    id: row.id,
    organisation: { id: row.organisationId, code: row.orgCode, nameAr: row.orgNameAr, nameEn: row.orgNameEn, kind: row.orgKind },
    nameAr: row.nameAr,
    nameEn: row.nameEn,
    position: row.position as CreatePerson["position"],
    titleAr: row.titleAr,
    titleEn: row.titleEn,
    email: row.email,
    phone: row.phone,
    preferredLanguage: row.preferredLanguage as Locale,
    visibility: row.visibility as CreatePerson["visibility"],
    shareGroup: row.shareGroupId
      ? { id: row.shareGroupId, code: row.shareGroupCode ?? "", nameAr: row.shareGroupNameAr ?? "", nameEn: row.shareGroupNameEn ?? "" }
      : null,
    archivedAt: row.archivedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    abilities: { update: can(actor, "person.update", owned), archive: can(actor, "person.archive", owned) },
  };
}

function personSearchText(p: { nameAr: string; nameEn: string; titleAr: string | null; titleEn: string | null; email: string | null }, org: { code: string; nameAr: string; nameEn: string }) {
  return buildSearchText(p.nameAr, p.nameEn, p.titleAr, p.titleEn, p.email, org.code, org.nameAr, org.nameEn);
}

/** People of the directory: list, read, create, update, archive and restore. */
export function createPeopleService(deps: Deps) {
  const { db } = deps;
  const repo = peopleRepository(db);

  async function load(actor: Actor | null, id: string) {
    const row = await repo.findById(id);
    if (!row) throw new AppError("PERSON_NOT_FOUND");
    await loadActorGroups(db, actor);
    if (!can(actor, "person.read", ownership(row))) {
      if (!actor) throw new AppError("UNAUTHENTICATED");
      throw new AppError("PERSON_NOT_FOUND");
    }
    return row;
  }

  return {
    async findPeople(actor: Actor | null, query: PersonQuery, locale: Locale): Promise<{ items: Presented[]; total: number; totalCapped: boolean; page: number; pageSize: number; abilities: { create: boolean } }> {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 25;
      const { items, total, totalCapped } = await repo.search(actor, { ...query, page, pageSize, sort: locale === "ar" ? "name_ar" : "name_en" });
      await loadActorGroups(db, actor);
      return {
        items: items.map((r) => presentPerson(actor, r)),
        total,
        totalCapped,
        page,
        pageSize,
        // Whether the caller may add people at all (to their own organisation, or anywhere).
        abilities: { create: actor !== null && can(actor, "person.create", { organisationId: actor.organisationId }) },
      };
    },

    /** @throws AppError PERSON_NOT_FOUND (also when the actor may not read it) */
    async getPerson(actor: Actor | null, id: string) {
      return presentPerson(actor, await load(actor, id));
    },

    /** @throws AppError FORBIDDEN, ORGANISATION_NOT_FOUND */
    async createPerson(actor: Actor, input: CreatePerson) {
      const org = await repo.findOrganisation(input.organisationId);
      if (!org) throw new AppError("VALIDATION_FAILED", { fields: [{ field: "organisationId", message: "validation.invalid_choice" }] });
      authorize(actor, "person.create", { organisationId: org.id });
      const now = nowIso();
      const id = newId();
      const row = {
        id,
        organisationId: org.id,
        nameAr: input.nameAr.trim(),
        nameEn: input.nameEn.trim(),
        position: input.position,
        titleAr: input.titleAr ?? null,
        titleEn: input.titleEn ?? null,
        email: input.email?.toLowerCase() ?? null,
        phone: input.phone ?? null,
        preferredLanguage: input.preferredLanguage,
        visibility: input.visibility,
        shareGroupId: await resolveShareGroup(db, org.id, input.visibility, input.shareGroupId),
        searchText: "",
        archivedAt: null,
        createdAt: now,
        updatedAt: now,
      };
      row.searchText = personSearchText(row, org);
      await db.transaction().execute(async (tx) => {
        await repo.create(tx, row);
        await insertAudit(tx, { actorId: actor.userId, organisationId: org.id, action: "person.created", entityType: "person", entityId: id, summary: `${row.nameEn} (${org.code})` }, now);
        await indexRecord(tx, "person", id);
      });
      return this.getPerson(actor, id);
    },

    /** @throws AppError PERSON_NOT_FOUND, FORBIDDEN */
    async updatePerson(actor: Actor, id: string, input: UpdatePerson) {
      const row = await load(actor, id);
      authorize(actor, "person.update", ownership(row));
      const now = nowIso();
      const visibility = input.visibility ?? row.visibility;
      const shareGroupId = await resolveShareGroup(db, row.organisationId, visibility, input.shareGroupId === undefined ? row.shareGroupId : input.shareGroupId);
      const values = { ...input, shareGroupId, ...(input.email ? { email: input.email.toLowerCase() } : {}) };
      const next = { ...row, ...values };
      const changes = diffChanges(row, values as Record<string, unknown>);
      await db.transaction().execute(async (tx) => {
        await repo.update(tx, id, {
          ...values,
          searchText: personSearchText(next, { code: row.orgCode, nameAr: row.orgNameAr, nameEn: row.orgNameEn }),
          updatedAt: now,
        });
        if (Object.keys(changes).length > 0) {
          await insertAudit(tx, { actorId: actor.userId, organisationId: row.organisationId, action: "person.updated", entityType: "person", entityId: id, summary: `${next.nameEn} (${row.orgCode})`, changes }, now);
        }
        await indexRecord(tx, "person", id);
      });
      return this.getPerson(actor, id);
    },

    async setPersonArchived(actor: Actor, id: string, archived: boolean) {
      const row = await load(actor, id);
      authorize(actor, "person.archive", ownership(row));
      if (Boolean(row.archivedAt) !== archived) {
        const now = nowIso();
        await db.transaction().execute(async (tx) => {
          await repo.update(tx, id, { archivedAt: archived ? now : null, updatedAt: now });
          await insertAudit(tx, { actorId: actor.userId, organisationId: row.organisationId, action: archived ? "person.archived" : "person.restored", entityType: "person", entityId: id, summary: `${row.nameEn} (${row.orgCode})` }, now);
          await indexRecord(tx, "person", id);
        });
      }
      return this.getPerson(actor, id);
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
