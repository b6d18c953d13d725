import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { ProgrammeAccess } from "../../policies/training.js";

/**
 * The training programmes each of the given events delivers (table training_programme_events),
 * as the policies see them: owners, status and sharing. Two queries whatever the number of events.
 */
export async function deliveredProgrammes(db: Kysely<DB>, eventIds: readonly string[]): Promise<Map<string, ProgrammeAccess[]>> {
  const out = new Map<string, ProgrammeAccess[]>();
  if (eventIds.length === 0) return out;
  const rows = await db
    .selectFrom("trainingProgrammeEvents as pe")
    .innerJoin("trainingProgrammes as p", "p.id", "pe.programmeId")
    .select(["pe.eventId", "p.id", "p.organisationId", "p.status", "p.visibility", "p.shareGroupId"])
    .where("pe.eventId", "in", [...new Set(eventIds)])
    .execute();
  if (rows.length === 0) return out;
  const owners = await db
    .selectFrom("trainingProgrammeOwners")
    .select(["programmeId", "organisationId"])
    .where("programmeId", "in", [...new Set(rows.map((r) => r.id))])
    .orderBy("position")
    .execute();
  const ownersOf = new Map<string, string[]>();
  for (const o of owners) {
    const list = ownersOf.get(o.programmeId) ?? [];
    list.push(o.organisationId);
    ownersOf.set(o.programmeId, list);
  }
  for (const r of rows) {
    const list = out.get(r.eventId) ?? [];
    list.push({ organisationId: r.organisationId, ownerIds: ownersOf.get(r.id) ?? [r.organisationId], status: r.status, visibility: r.visibility, shareGroupId: r.shareGroupId });
    out.set(r.eventId, list);
  }
  return out;
}
