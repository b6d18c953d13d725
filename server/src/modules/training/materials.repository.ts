import type { Insertable, Kysely, Updateable } from "kysely";
import type { MaterialKind } from "../../../../common/training.js";
import type { DB } from "../../db/schema.js";
import type { Executor } from "../admin/audit.repository.js";

const moduleColumns = ["id", "programmeId", "position", "titleAr", "titleEn", "summaryAr", "summaryEn"] as const;
const materialColumns = ["id", "moduleId", "programmeId", "position", "kind", "titleAr", "titleEn", "url", "fileName", "contentType", "size", "storageKey"] as const;

export type ModuleRow = Pick<DB["trainingModules"], (typeof moduleColumns)[number]>;
export type MaterialRow = Pick<DB["trainingMaterials"], (typeof materialColumns)[number]>;

/** Modules with their materials, in order, as the API shows them. */
export function presentModules(modules: ModuleRow[], materials: MaterialRow[]) {
  return modules.map((m) => ({
    id: m.id,
    position: Number(m.position),
    titleAr: m.titleAr,
    titleEn: m.titleEn,
    summaryAr: m.summaryAr,
    summaryEn: m.summaryEn,
    materials: materials
      .filter((x) => x.moduleId === m.id)
      .map((x) => ({ id: x.id, kind: x.kind as MaterialKind, titleAr: x.titleAr, titleEn: x.titleEn, url: x.url, fileName: x.fileName, size: x.size === null ? null : Number(x.size) })),
  }));
}

/** A programme's modules and their materials (Kysely only). */
export function materialsRepository(db: Kysely<DB>) {
  return {
    async modulesOf(programmeId: string, tx: Executor = db) {
      const [modules, materials] = await Promise.all([
        tx.selectFrom("trainingModules").select(moduleColumns).where("programmeId", "=", programmeId).orderBy("position").orderBy("createdAt").execute(),
        tx.selectFrom("trainingMaterials").select(materialColumns).where("programmeId", "=", programmeId).orderBy("position").orderBy("createdAt").execute(),
      ]);
      return { modules, materials };
    },

    findModule(id: string) {
      return db.selectFrom("trainingModules").select(moduleColumns).where("id", "=", id).executeTakeFirst();
    },

    findMaterial(id: string) {
      return db.selectFrom("trainingMaterials").select([...materialColumns, "sha256"]).where("id", "=", id).executeTakeFirst();
    },

    async nextModulePosition(tx: Executor, programmeId: string) {
      const row = await tx.selectFrom("trainingModules").select((eb) => eb.fn.max<number | null>("position").as("n")).where("programmeId", "=", programmeId).executeTakeFirst();
      return Number(row?.n ?? 0) + 1;
    },

    async nextMaterialPosition(tx: Executor, moduleId: string) {
      const row = await tx.selectFrom("trainingMaterials").select((eb) => eb.fn.max<number | null>("position").as("n")).where("moduleId", "=", moduleId).executeTakeFirst();
      return Number(row?.n ?? 0) + 1;
    },

    insertModule(tx: Executor, row: Insertable<DB["trainingModules"]>) {
      return tx.insertInto("trainingModules").values(row).execute();
    },

    updateModule(tx: Executor, id: string, values: Updateable<DB["trainingModules"]>) {
      return tx.updateTable("trainingModules").set(values).where("id", "=", id).execute();
    },

    /** Delete a module and its materials; returns the stored files to remove. */
    async deleteModule(tx: Executor, id: string) {
      const files = await tx.selectFrom("trainingMaterials").select("storageKey").where("moduleId", "=", id).where("storageKey", "is not", null).execute();
      await tx.deleteFrom("trainingMaterials").where("moduleId", "=", id).execute();
      await tx.deleteFrom("trainingModules").where("id", "=", id).execute();
      return files.map((f) => f.storageKey!);
    },

    insertMaterial(tx: Executor, row: Insertable<DB["trainingMaterials"]>) {
      return tx.insertInto("trainingMaterials").values(row).execute();
    },

    updateMaterial(tx: Executor, id: string, values: Updateable<DB["trainingMaterials"]>) {
      return tx.updateTable("trainingMaterials").set(values).where("id", "=", id).execute();
    },

    deleteMaterial(tx: Executor, id: string) {
      return tx.deleteFrom("trainingMaterials").where("id", "=", id).execute();
    },

    /** Set positions 1..n in the given order (ids already checked to be the whole list). */
    async reorderModules(tx: Executor, ids: string[]) {
      for (const [i, id] of ids.entries()) await tx.updateTable("trainingModules").set({ position: i + 1 }).where("id", "=", id).execute();
    },

    async reorderMaterials(tx: Executor, ids: string[]) {
      for (const [i, id] of ids.entries()) await tx.updateTable("trainingMaterials").set({ position: i + 1 }).where("id", "=", id).execute();
    },
  };
}
