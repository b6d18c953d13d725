import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Actor } from "../../policies/index.js";

/**
 * Fill `actor.groupIds`: the active groups the actor's organisation belongs to
 * (needed to decide on records shared with a group).
 */
export async function loadActorGroups(db: Kysely<DB>, actor: Actor | null): Promise<void> {
  if (!actor || actor.groupIds) return;
  const rows = await db
    .selectFrom("groupMembers")
    .innerJoin("groups", "groups.id", "groupMembers.groupId")
    .select("groupMembers.groupId")
    .where("groupMembers.organisationId", "=", actor.organisationId)
    .where("groups.archivedAt", "is", null)
    .execute();
  actor.groupIds = new Set(rows.map((r) => r.groupId));
}

/** Whether `organisationId` belongs to group `groupId` (a record is shared only with a group its owner is in). */
export async function isGroupMember(db: Kysely<DB>, groupId: string, organisationId: string): Promise<boolean> {
  const row = await db
    .selectFrom("groupMembers")
    .innerJoin("groups", "groups.id", "groupMembers.groupId")
    .select("groupMembers.groupId")
    .where("groupMembers.groupId", "=", groupId)
    .where("groupMembers.organisationId", "=", organisationId)
    .where("groups.archivedAt", "is", null)
    .executeTakeFirst();
  return Boolean(row);
}

export interface GroupRef {
  id: string;
  code: string;
  nameAr: string;
  nameEn: string;
}

/** Every group by id (groups are few; one query serves a whole list page). */
export async function groupRefs(db: Kysely<DB>): Promise<Map<string, GroupRef>> {
  const rows = await db.selectFrom("groups").select(["id", "code", "nameAr", "nameEn"]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}
