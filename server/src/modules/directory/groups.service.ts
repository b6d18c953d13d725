import type { Deps } from "../../deps.js";
import type { DB } from "../../db/schema.js";
import { diffChanges } from "../../lib/audit.js";
import { AppError } from "../../lib/errors.js";
import { newId, nowIso } from "../../lib/tokens.js";
import { authorize, can, type Actor } from "../../policies/index.js";
import { insertAudit, type Executor } from "../admin/audit.repository.js";
import type { CreateGroup, UpdateGroup } from "./groups.schema.js";
import { groupsRepository } from "./groups.repository.js";

/** Groups of organisations ("GCC Hajj offices", "OIC member states"). */
export function createGroupsService(deps: Deps) {
  const { db } = deps;
  const repo = groupsRepository(db);

  function present(actor: Actor, row: DB["groups"] & { memberCount: number }) {
    return { ...row, memberCount: Number(row.memberCount), abilities: { update: can(actor, "group.update", { organisationId: null }) } };
  }

  async function setMembers(tx: Executor, groupId: string, memberIds: string[]) {
    if (memberIds.length > 0) {
      const found = await repo.countExisting(tx, memberIds);
      if (found.length !== memberIds.length) {
        throw new AppError("VALIDATION_FAILED", { fields: [{ field: "memberIds", message: "validation.invalid_choice" }] });
      }
    }
    await repo.replaceMembers(tx, groupId, memberIds);
  }

  return {
    async findGroups(actor: Actor) {
      authorize(actor, "group.read", { organisationId: null });
      const rows = await repo.listActive();
      return {
        items: rows.map((r) => present(actor, { ...r, memberCount: Number(r.memberCount ?? 0) })),
        abilities: { create: can(actor, "group.create", { organisationId: null }) },
      };
    },

    /** @throws AppError GROUP_NOT_FOUND */
    async getGroup(actor: Actor, idOrCode: string) {
      authorize(actor, "group.read", { organisationId: null });
      const row = await repo.findByIdOrCode(idOrCode);
      if (!row) throw new AppError("GROUP_NOT_FOUND");
      const members = await repo.members(row.id);
      return { ...present(actor, { ...row, memberCount: Number(row.memberCount ?? 0) }), members };
    },

    /** @throws AppError FORBIDDEN, GROUP_CODE_TAKEN */
    async createGroup(actor: Actor, input: CreateGroup) {
      authorize(actor, "group.create", { organisationId: null });
      const id = newId();
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        if (await repo.codeTaken(tx, input.code)) throw new AppError("GROUP_CODE_TAKEN");
        await repo.create(tx, {
          id,
          code: input.code,
          nameAr: input.nameAr.trim(),
          nameEn: input.nameEn.trim(),
          descriptionAr: input.descriptionAr ?? null,
          descriptionEn: input.descriptionEn ?? null,
          archivedAt: null,
          createdAt: now,
          updatedAt: now,
        });
        await setMembers(tx, id, input.memberIds ?? []);
        await insertAudit(tx, { actorId: actor.userId, organisationId: null, action: "group.created", entityType: "group", entityId: id, summary: `${input.code} — ${input.nameEn}`, changes: { memberIds: input.memberIds ?? [] } }, now);
      });
      return this.getGroup(actor, id);
    },

    /** @throws AppError GROUP_NOT_FOUND, FORBIDDEN */
    async updateGroup(actor: Actor, id: string, input: UpdateGroup) {
      authorize(actor, "group.update", { organisationId: null });
      const before = await this.getGroup(actor, id);
      const now = nowIso();
      const { memberIds, ...fields } = input;
      const changes: Record<string, unknown> = diffChanges(before as unknown as Record<string, unknown>, fields);
      if (memberIds) {
        const old = new Set(before.members.map((m) => m.id));
        const added = memberIds.filter((m) => !old.has(m));
        const removed = [...old].filter((m) => !memberIds.includes(m));
        if (added.length || removed.length) changes.members = { added, removed };
      }
      await db.transaction().execute(async (tx) => {
        if (Object.keys(fields).length > 0) await repo.update(tx, before.id, { ...fields, updatedAt: now });
        if (memberIds) await setMembers(tx, before.id, memberIds);
        if (Object.keys(changes).length > 0) {
          await insertAudit(tx, { actorId: actor.userId, organisationId: null, action: "group.updated", entityType: "group", entityId: before.id, summary: `${before.code} — ${fields.nameEn ?? before.nameEn}`, changes }, now);
        }
      });
      return this.getGroup(actor, before.id);
    },
  };
}

export type GroupsService = ReturnType<typeof createGroupsService>;
