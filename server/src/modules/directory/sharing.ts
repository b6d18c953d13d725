import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { AppError } from "../../lib/errors.js";
import { isGroupMember } from "./groups-of.repository.js";

/**
 * The group a record is shared with: required with visibility "group" and it must be a
 * group the owning organisation belongs to; cleared for every other visibility.
 * @throws AppError VALIDATION_FAILED naming `shareGroupId`
 */
export async function resolveShareGroup(
  db: Kysely<DB>,
  organisationId: string,
  visibility: string,
  shareGroupId: string | null | undefined,
): Promise<string | null> {
  if (visibility !== "group") return null;
  if (!shareGroupId) throw new AppError("VALIDATION_FAILED", { fields: [{ field: "shareGroupId", message: "validation.required" }] });
  if (!(await isGroupMember(db, shareGroupId, organisationId))) {
    throw new AppError("VALIDATION_FAILED", { fields: [{ field: "shareGroupId", message: "validation.invalid_choice" }] });
  }
  return shareGroupId;
}
