import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import type { Action, Relation } from "../../../common/permissions.js";
import type { Role } from "../../../common/roles.js";
import { AppError } from "../lib/errors.js";
import type { Actor, Owned } from "./actor.js";
import { GRANTS, type Subject } from "./grants.js";

export type { Actor, Owned } from "./actor.js";

function subjectOf(actor: Actor | null): Subject {
  return actor ? actor.role : "anonymous";
}

/** The relations under which `actor` may do `action`. */
export function grantedRelations(actor: Actor | null, action: Action): Relation[] {
  return GRANTS[action][subjectOf(actor)] ?? [];
}

/**
 * How `record` relates to `actor` (see `Relation`). Records without a
 * visibility (users, audit entries, messages) are either own or other.
 * `actor.groupIds` must be loaded for group-shared records.
 */
export function relationOf(actor: Actor | null, record: Owned): Relation {
  if (actor && record.organisationId !== null && record.organisationId === actor.organisationId) return "own";
  if (record.visibility === "public") return "public";
  if (actor && record.sharedWithActor) return "shared";
  if (actor && record.visibility === "members") return "shared";
  if (actor && record.visibility === "group" && record.shareGroupId && actor.groupIds?.has(record.shareGroupId)) {
    return "shared";
  }
  return "other";
}

/** Whether `actor` may do `action` on `record` (or on a new record of that organisation). */
export function can(actor: Actor | null, action: Action, record: Owned): boolean {
  const granted = grantedRelations(actor, action);
  if (granted.length === 0) return false;
  return granted.includes(relationOf(actor, record));
}

/**
 * Throw unless allowed. A record the actor may not even read answers as not found,
 * so ids of other missions' private records are not confirmed to exist.
 * @throws AppError FORBIDDEN, or `notFound` when the actor cannot read the record
 */
export function authorize(
  actor: Actor | null,
  action: Action,
  record: Owned,
  options: { readAction?: Action; notFound?: AppError } = {},
): void {
  if (can(actor, action, record)) return;
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (options.readAction && options.notFound && !can(actor, options.readAction, record)) throw options.notFound;
  throw new AppError("FORBIDDEN");
}

/** Whether the role is granted `action` on some relation at all (for menus such as `Me.can`). */
export function roleMay(role: Role, action: Action): boolean {
  return (GRANTS[action][role] ?? []).length > 0;
}

/** Roles an actor may hand out when inviting or changing a user. */
export function assignableRoles(actor: Actor): Role[] {
  if (actor.role === "coordinator") return ["coordinator", "org_admin", "member", "trainer", "participant"];
  if (actor.role === "org_admin") return ["org_admin", "member", "trainer", "participant"];
  return [];
}

/**
 * A WHERE condition limiting a list to the records `actor` may `action`,
 * built from the same grants as `can()`. The table must have
 * `organisation_id` (or the given column) and, optionally, `visibility`.
 */
export function scopeCondition<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  actor: Actor | null,
  action: Action,
  columns: { organisation: string; visibility?: string; shareGroup?: string; sharedWithActor?: (organisationId: string) => Expression<SqlBool> },
): Expression<SqlBool> {
  const granted = new Set(grantedRelations(actor, action));
  if (granted.has("other")) return sql<SqlBool>`1 = 1`;
  const org = sql.ref(columns.organisation);
  const vis = columns.visibility ? sql.ref(columns.visibility) : null;
  const parts: Expression<SqlBool>[] = [];
  if (actor && granted.has("own")) parts.push(sql<SqlBool>`${org} = ${actor.organisationId}`);
  if (vis && granted.has("public")) parts.push(sql<SqlBool>`${vis} = 'public'`);
  if (actor && granted.has("shared") && columns.sharedWithActor) parts.push(columns.sharedWithActor(actor.organisationId));
  if (vis && actor && granted.has("shared")) {
    parts.push(sql<SqlBool>`${vis} = 'members'`);
    if (columns.shareGroup) {
      parts.push(sql<SqlBool>`(${vis} = 'group' and ${sql.ref(columns.shareGroup)} in (
        select gm.group_id from group_members gm
        join groups g on g.id = gm.group_id and g.archived_at is null
        where gm.organisation_id = ${actor.organisationId}))`);
    }
  }
  if (parts.length === 0) return sql<SqlBool>`1 = 0`;
  return eb.or(parts);
}
