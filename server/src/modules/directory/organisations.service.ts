import type { Locale } from "../../../../common/roles.js";
import type { Deps } from "../../deps.js";
import { diffChanges } from "../../lib/audit.js";
import { AppError } from "../../lib/errors.js";
import { newId, nowIso } from "../../lib/tokens.js";
import { authorize, can, type Actor } from "../../policies/index.js";
import { insertAudit } from "../admin/audit.repository.js";
import { indexOrganisation } from "../search/search.indexer.js";
import { groupRefs, loadActorGroups, type GroupRef } from "./groups-of.repository.js";
import { resolveShareGroup } from "./sharing.js";
import { organisationsRepository, type OrganisationRow } from "./organisations.repository.js";
import type { CreateOrganisation, OrganisationQuery, UpdateOrganisation } from "./organisations.schema.js";
import { buildSearchText } from "./search.js";

const notFound = () => new AppError("ORGANISATION_NOT_FOUND");

/** Directory of organisations: list, read, create, update, archive and restore. */
export function createOrganisationsService(deps: Deps) {
  const { db } = deps;
  const repo = organisationsRepository(db);
  let countryCache: Map<string, { nameAr: string; nameEn: string }> | null = null;

  async function countries() {
    if (!countryCache) {
      const rows = await db.selectFrom("countries").select(["code", "nameAr", "nameEn"]).execute();
      countryCache = new Map(rows.map((r) => [r.code, r]));
    }
    return countryCache;
  }

  function owned(row: OrganisationRow) {
    return { organisationId: row.id, visibility: row.visibility, shareGroupId: row.shareGroupId };
  }

  async function present(actor: Actor | null, row: OrganisationRow, groups?: Map<string, GroupRef>) {
    const country = row.country ? (await countries()).get(row.country) : undefined;
    const { searchText: _s, shareGroupId, ...rest } = row;
    const shareGroup = shareGroupId ? ((groups ?? (await groupRefs(db))).get(shareGroupId) ?? null) : null;
    return {
      ...rest,
      shareGroup,
      kind: row.kind as CreateOrganisation["kind"],
      visibility: row.visibility as CreateOrganisation["visibility"],
      countryNameAr: country?.nameAr ?? null,
      countryNameEn: country?.nameEn ?? null,
      abilities: {
        update: can(actor, "organisation.update", owned(row)),
        archive: can(actor, "organisation.archive", owned(row)),
      },
    };
  }

  async function searchText(row: Pick<OrganisationRow, "code" | "nameAr" | "nameEn" | "cityAr" | "cityEn" | "country">) {
    const country = row.country ? (await countries()).get(row.country) : undefined;
    return buildSearchText(row.code, row.nameAr, row.nameEn, row.cityAr, row.cityEn, row.country, country?.nameAr, country?.nameEn);
  }

  async function checkCountry(code: string | null | undefined) {
    if (code && !(await countries()).has(code)) {
      throw new AppError("VALIDATION_FAILED", { fields: [{ field: "country", message: "validation.invalid_choice" }] });
    }
  }

  async function load(actor: Actor | null, idOrCode: string) {
    const row = await repo.findByIdOrCode(idOrCode);
    if (!row) throw notFound();
    await loadActorGroups(db, actor);
    // Records the actor may not read are "not found", not "forbidden": no hint they exist.
    if (!can(actor, "organisation.read", owned(row))) {
      if (!actor) throw new AppError("UNAUTHENTICATED");
      throw notFound();
    }
    return row;
  }

  return {
    /** Organisations the actor may read, filtered and paged. */
    async findOrganisations(actor: Actor | null, query: OrganisationQuery, locale: Locale) {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 25;
      const { items, total } = await repo.search(actor, {
        ...query,
        page,
        pageSize,
        sort: locale === "ar" ? "name_ar" : "name_en",
      });
      await loadActorGroups(db, actor);
      const groups = items.some((r) => r.shareGroupId) ? await groupRefs(db) : new Map<string, GroupRef>();
      return {
        items: await Promise.all(items.map((r) => present(actor, r, groups))),
        total,
        page,
        pageSize,
        abilities: { create: can(actor, "organisation.create", { organisationId: null }) },
      };
    },

    /** @throws AppError ORGANISATION_NOT_FOUND (also when the actor may not read it) */
    async getOrganisation(actor: Actor | null, idOrCode: string) {
      const row = await load(actor, idOrCode);
      const presented = await present(actor, row);
      return {
        ...presented,
        abilities: { ...presented.abilities, createPerson: can(actor, "person.create", { organisationId: row.id }) },
        groups: await repo.groupsOf(row.id),
      };
    },

    /** @throws AppError FORBIDDEN, ORGANISATION_CODE_TAKEN, VALIDATION_FAILED */
    async createOrganisation(actor: Actor, input: CreateOrganisation) {
      const id = newId();
      authorize(actor, "organisation.create", { organisationId: id });
      await checkCountry(input.country);
      const now = nowIso();
      const row: OrganisationRow = {
        id,
        code: input.code,
        kind: input.kind,
        nameAr: input.nameAr.trim(),
        nameEn: input.nameEn.trim(),
        country: input.country ?? null,
        cityAr: input.cityAr ?? null,
        cityEn: input.cityEn ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        website: input.website ?? null,
        addressAr: input.addressAr ?? null,
        addressEn: input.addressEn ?? null,
        visibility: input.visibility,
        shareGroupId: null,
        searchText: "",
        archivedAt: null,
        createdAt: now,
        updatedAt: now,
      };
      row.searchText = await searchText(row);
      // A new organisation belongs to no group yet, so it cannot be shared with one.
      row.shareGroupId = await resolveShareGroup(db, id, input.visibility, input.shareGroupId);
      await db.transaction().execute(async (tx) => {
        if (await repo.findByCode(row.code, tx)) throw new AppError("ORGANISATION_CODE_TAKEN");
        await repo.create(tx, row);
        await insertAudit(tx, { actorId: actor.userId, organisationId: id, action: "organisation.created", entityType: "organisation", entityId: id, summary: `${row.code} — ${row.nameEn}` }, now);
        await indexOrganisation(tx, id);
      });
      return this.getOrganisation(actor, id);
    },

    /** @throws AppError ORGANISATION_NOT_FOUND, FORBIDDEN, ORGANISATION_CODE_TAKEN */
    async updateOrganisation(actor: Actor, id: string, input: UpdateOrganisation) {
      const row = await load(actor, id);
      authorize(actor, "organisation.update", owned(row));
      // Changing what kind of body it is or its code is structural: coordinators only.
      if ((input.kind !== undefined && input.kind !== row.kind) || (input.code !== undefined && input.code !== row.code)) {
        authorize(actor, "organisation.create", { organisationId: row.id });
      }
      await checkCountry(input.country);
      const now = nowIso();
      const next = { ...row, ...input, updatedAt: now } as OrganisationRow;
      next.searchText = await searchText(next);
      next.shareGroupId = await resolveShareGroup(db, row.id, next.visibility, input.shareGroupId === undefined ? row.shareGroupId : input.shareGroupId);
      const values = { ...input, shareGroupId: next.shareGroupId };
      const changes = diffChanges(row, values as Record<string, unknown>);
      await db.transaction().execute(async (tx) => {
        if (input.code && input.code !== row.code && (await repo.findByCode(input.code, tx))) throw new AppError("ORGANISATION_CODE_TAKEN");
        await repo.update(tx, row.id, { ...values, searchText: next.searchText, updatedAt: now });
        if (Object.keys(changes).length > 0) {
          await insertAudit(tx, { actorId: actor.userId, organisationId: row.id, action: "organisation.updated", entityType: "organisation", entityId: row.id, summary: `${next.code} — ${next.nameEn}`, changes }, now);
        }
        await indexOrganisation(tx, row.id);
      });
      return this.getOrganisation(actor, row.id);
    },

    /** Archive (or restore): hidden from lists by default, never deleted. */
    async setOrganisationArchived(actor: Actor, id: string, archived: boolean) {
      const row = await load(actor, id);
      authorize(actor, "organisation.archive", owned(row));
      const now = nowIso();
      if (Boolean(row.archivedAt) !== archived) {
        await db.transaction().execute(async (tx) => {
          await repo.update(tx, row.id, { archivedAt: archived ? now : null, updatedAt: now });
          await insertAudit(tx, { actorId: actor.userId, organisationId: row.id, action: archived ? "organisation.archived" : "organisation.restored", entityType: "organisation", entityId: row.id, summary: `${row.code} — ${row.nameEn}` }, now);
          await indexOrganisation(tx, row.id);
        });
      }
      return this.getOrganisation(actor, row.id);
    },
  };
}

export type OrganisationsService = ReturnType<typeof createOrganisationsService>;
