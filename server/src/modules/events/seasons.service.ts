import { civilToIso, hijriToGregorian } from "../../../../common/dates.js";
import type { Deps } from "../../deps.js";
import type { DB } from "../../db/schema.js";
import { AppError } from "../../lib/errors.js";
import { newId, nowIso } from "../../lib/tokens.js";
import { authorize, can, type Actor } from "../../policies/index.js";
import { insertAudit } from "../admin/audit.repository.js";
import type { CreateSeason, UpdateSeason } from "./seasons.schema.js";

/**
 * The Hajj season of Hijri year `y` spans the Hijri year itself by default
 * (1 Muharram – 29/30 Dhu al-Hijjah), in Gregorian dates.
 */
export function defaultSeasonBounds(hijriYear: number): { startsOn: string; endsOn: string } {
  const start = hijriToGregorian({ year: hijriYear, month: 1, day: 1 });
  const nextStart = hijriToGregorian({ year: hijriYear + 1, month: 1, day: 1 });
  const end = new Date(Date.UTC(nextStart.year, nextStart.month - 1, nextStart.day - 1));
  return { startsOn: civilToIso(start), endsOn: end.toISOString().slice(0, 10) };
}

/** Seasons ("Hajj 1446"): every event, programme and decision belongs to one. */
export function createSeasonsService({ db }: Deps) {
  function present(actor: Actor, row: DB["seasons"] & { eventCount: number | string | null }) {
    return { ...row, eventCount: Number(row.eventCount ?? 0), abilities: { update: can(actor, "season.manage", { organisationId: null }) } };
  }
  const withCount = () =>
    db
      .selectFrom("seasons")
      .selectAll("seasons")
      .select((eb) => eb.selectFrom("events").select(eb.fn.countAll<number>().as("n")).whereRef("events.seasonId", "=", "seasons.id").where("events.archivedAt", "is", null).as("eventCount"));

  return {
    async findSeasons(actor: Actor) {
      authorize(actor, "season.read", { organisationId: null });
      const rows = await withCount().orderBy("hijriYear", "desc").execute();
      return { items: rows.map((r) => present(actor, r)), abilities: { create: can(actor, "season.manage", { organisationId: null }) } };
    },

    /** @throws AppError SEASON_NOT_FOUND */
    async getSeason(actor: Actor, idOrCode: string) {
      authorize(actor, "season.read", { organisationId: null });
      const row = await withCount().where((eb) => eb.or([eb("seasons.id", "=", idOrCode), eb("seasons.code", "=", idOrCode)])).executeTakeFirst();
      if (!row) throw new AppError("SEASON_NOT_FOUND");
      return present(actor, row);
    },

    /** @throws AppError FORBIDDEN, SEASON_EXISTS */
    async createSeason(actor: Actor, input: CreateSeason) {
      authorize(actor, "season.manage", { organisationId: null });
      const bounds = defaultSeasonBounds(input.hijriYear);
      const row = {
        id: newId(),
        code: String(input.hijriYear),
        hijriYear: input.hijriYear,
        nameAr: input.nameAr ?? `موسم حج ${input.hijriYear} هـ`,
        nameEn: input.nameEn ?? `Hajj season ${input.hijriYear} AH`,
        startsOn: input.startsOn ?? bounds.startsOn,
        endsOn: input.endsOn ?? bounds.endsOn,
        createdAt: nowIso(),
        updatedAt: nowIso(),
      };
      if (row.endsOn < row.startsOn) throw new AppError("VALIDATION_FAILED", { fields: [{ field: "endsOn", message: "validation.end_before_start" }] });
      await db.transaction().execute(async (tx) => {
        if (await tx.selectFrom("seasons").select("id").where("code", "=", row.code).executeTakeFirst()) throw new AppError("SEASON_EXISTS");
        await tx.insertInto("seasons").values(row).execute();
        await insertAudit(tx, { actorId: actor.userId, organisationId: null, action: "season.created", entityType: "season", entityId: row.id, summary: row.nameEn }, row.createdAt);
      });
      return this.getSeason(actor, row.id);
    },

    async updateSeason(actor: Actor, id: string, input: UpdateSeason) {
      authorize(actor, "season.manage", { organisationId: null });
      const before = await this.getSeason(actor, id);
      const next = { ...before, ...input };
      if (next.endsOn < next.startsOn) throw new AppError("VALIDATION_FAILED", { fields: [{ field: "endsOn", message: "validation.end_before_start" }] });
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        await tx.updateTable("seasons").set({ ...input, updatedAt: now }).where("id", "=", before.id).execute();
        await insertAudit(tx, { actorId: actor.userId, organisationId: null, action: "season.updated", entityType: "season", entityId: before.id, summary: next.nameEn, changes: input }, now);
      });
      return this.getSeason(actor, before.id);
    },
  };
}
export type SeasonsService = ReturnType<typeof createSeasonsService>;
