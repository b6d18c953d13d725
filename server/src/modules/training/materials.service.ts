import type { Readable } from "node:stream";
import type { Deps } from "../../deps.js";
import { AppError } from "../../lib/errors.js";
import { createFileStore } from "../../lib/file-store.js";
import { newId, nowIso } from "../../lib/tokens.js";
import type { Actor } from "../../policies/index.js";
import { insertAudit, type Executor } from "../admin/audit.repository.js";
import { materialsRepository, presentModules } from "./materials.repository.js";
import type { CreateLink, CreateModule, UpdateMaterial } from "./materials.schema.js";
import { ProgrammeFieldErrors } from "./programmes.fields.js";
import { programmeForManage, programmeForRead, type LoadedProgramme } from "./training-access.js";

/** Whether `text` is an absolute http(s) address with a host. */
export function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const trimmed = (s: string | null | undefined) => s?.trim() || null;
const baseName = (fileName: string) => fileName.replace(/\.[^.]+$/, "") || fileName;

/**
 * A programme's modules (ordered) and their materials: files (kept in the attachment store),
 * links and video links. Kept by those who manage the programme; read (and downloaded, long
 * after the workshops: continuous learning) by whoever may read it.
 */
export function createMaterialsService(deps: Deps) {
  const { db, config } = deps;
  const repo = materialsRepository(db);
  const store = createFileStore({ dataDir: config.dataDir, maxBytes: config.attachmentMaxBytes });

  async function modules(programmeId: string) {
    const { modules, materials } = await repo.modulesOf(programmeId);
    return { items: presentModules(modules, materials) };
  }

  async function moduleForManage(actor: Actor, moduleId: string) {
    const m = await repo.findModule(moduleId);
    if (!m) throw new AppError("NOT_FOUND");
    const p = await programmeForManage(db, actor, m.programmeId);
    return { m, p };
  }

  async function materialForManage(actor: Actor, materialId: string) {
    const material = await repo.findMaterial(materialId);
    if (!material) throw new AppError("TRAINING_MATERIAL_NOT_FOUND");
    const p = await programmeForManage(db, actor, material.programmeId);
    return { material, p };
  }

  function audit(tx: Executor, actor: Actor, p: LoadedProgramme, action: string, summary: string, changes: Record<string, unknown>, now: string) {
    return insertAudit(tx, { actorId: actor.userId, organisationId: p.organisationId, action, entityType: "training_programme", entityId: p.id, summary, changes }, now);
  }

  function checkTexts(actor: Actor, input: { titleAr?: string; titleEn?: string }, creating: boolean, errors = new ProgrammeFieldErrors(actor.locale)) {
    for (const field of ["titleAr", "titleEn"] as const) {
      if ((creating || input[field] !== undefined) && !input[field]?.trim()) errors.add(field, "validation.required");
    }
    return errors;
  }

  /** Ids must be exactly the current list, each once. */
  function checkOrder(actor: Actor, ids: string[], current: string[]) {
    if (ids.length !== current.length || new Set(ids).size !== ids.length || ids.some((id) => !current.includes(id))) {
      new ProgrammeFieldErrors(actor.locale).add("ids", "training.programme.validation.order").throwIfAny();
    }
  }

  return {
    /** @throws AppError TRAINING_PROGRAMME_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED */
    async addModule(actor: Actor, programmeId: string, input: CreateModule) {
      const p = await programmeForManage(db, actor, programmeId);
      checkTexts(actor, input, true).throwIfAny();
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        const id = newId();
        const position = await repo.nextModulePosition(tx, p.id);
        await repo.insertModule(tx, { id, programmeId: p.id, position, titleAr: input.titleAr!.trim(), titleEn: input.titleEn!.trim(), summaryAr: trimmed(input.summaryAr), summaryEn: trimmed(input.summaryEn), createdAt: now, updatedAt: now });
        await audit(tx, actor, p, "training.module_added", input.titleEn!.trim(), { module: id }, now);
      });
      return modules(p.id);
    },

    /** @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED */
    async updateModule(actor: Actor, moduleId: string, input: CreateModule) {
      const { m, p } = await moduleForManage(actor, moduleId);
      checkTexts(actor, input, false).throwIfAny();
      const values = {
        ...(input.titleAr !== undefined ? { titleAr: input.titleAr.trim() } : {}),
        ...(input.titleEn !== undefined ? { titleEn: input.titleEn.trim() } : {}),
        ...(input.summaryAr !== undefined ? { summaryAr: trimmed(input.summaryAr) } : {}),
        ...(input.summaryEn !== undefined ? { summaryEn: trimmed(input.summaryEn) } : {}),
      };
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        await repo.updateModule(tx, m.id, { ...values, updatedAt: now });
        await audit(tx, actor, p, "training.module_updated", values.titleEn ?? m.titleEn, { module: m.id, ...values }, now);
      });
      return modules(p.id);
    },

    /** Delete a module with its materials (and their files). @throws AppError NOT_FOUND, FORBIDDEN */
    async deleteModule(actor: Actor, moduleId: string) {
      const { m, p } = await moduleForManage(actor, moduleId);
      const now = nowIso();
      const files = await db.transaction().execute(async (tx) => {
        const keys = await repo.deleteModule(tx, m.id);
        await audit(tx, actor, p, "training.module_deleted", m.titleEn, { module: m.id, titleAr: m.titleAr }, now);
        return keys;
      });
      for (const key of files) await store.remove(key);
      return modules(p.id);
    },

    /** @throws AppError TRAINING_PROGRAMME_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (ids) */
    async reorderModules(actor: Actor, programmeId: string, ids: string[]) {
      const p = await programmeForManage(db, actor, programmeId);
      const current = (await repo.modulesOf(p.id)).modules.map((m) => m.id);
      checkOrder(actor, ids, current);
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        await repo.reorderModules(tx, ids);
        await audit(tx, actor, p, "training.modules_reordered", p.titleEn, { order: ids }, now);
      });
      return modules(p.id);
    },

    /** A link or a video link (http or https only). @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED */
    async addLink(actor: Actor, moduleId: string, input: CreateLink) {
      const { m, p } = await moduleForManage(actor, moduleId);
      const errors = checkTexts(actor, input, true);
      const url = input.url?.trim() ?? "";
      if (!url) errors.add("url", "validation.required");
      else if (!isWebUrl(url)) errors.add("url", "training.programme.validation.url");
      errors.throwIfAny();
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        const id = newId();
        const position = await repo.nextMaterialPosition(tx, m.id);
        await repo.insertMaterial(tx, {
          id, moduleId: m.id, programmeId: p.id, position, kind: input.kind, titleAr: input.titleAr!.trim(), titleEn: input.titleEn!.trim(), url,
          fileName: null, contentType: null, size: null, sha256: null, storageKey: null, createdBy: actor.userId, createdAt: now,
        });
        await audit(tx, actor, p, "training.material_added", input.titleEn!.trim(), { material: id, module: m.id, kind: input.kind, url }, now);
      });
      return modules(p.id);
    },

    /**
     * Store an uploaded file as a material (checked by extension and content, size-limited).
     * @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (fileName, file), PAYLOAD_TOO_LARGE
     */
    async uploadFile(actor: Actor, moduleId: string, input: { fileName: string; titleAr?: string; titleEn?: string; declaredSize: number | null; body: Readable }) {
      const { m, p } = await moduleForManage(actor, moduleId);
      const file = store.accept(input.fileName);
      const stored = await store.save(file, input.body, input.declaredSize);
      const titleAr = input.titleAr?.trim() || baseName(stored.fileName);
      const titleEn = input.titleEn?.trim() || baseName(stored.fileName);
      const now = nowIso();
      try {
        await db.transaction().execute(async (tx) => {
          const position = await repo.nextMaterialPosition(tx, m.id);
          await repo.insertMaterial(tx, {
            id: stored.id, moduleId: m.id, programmeId: p.id, position, kind: "file", titleAr, titleEn, url: null,
            fileName: stored.fileName, contentType: stored.contentType, size: stored.size, sha256: stored.sha256, storageKey: stored.storageKey, createdBy: actor.userId, createdAt: now,
          });
          await audit(tx, actor, p, "training.material_added", stored.fileName, { material: stored.id, module: m.id, kind: "file", size: stored.size, sha256: stored.sha256 }, now);
        });
      } catch (err) {
        await store.remove(stored.storageKey);
        throw err;
      }
      return modules(p.id);
    },

    /** @throws AppError TRAINING_MATERIAL_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED */
    async updateMaterial(actor: Actor, materialId: string, input: UpdateMaterial) {
      const { material, p } = await materialForManage(actor, materialId);
      const errors = checkTexts(actor, input, false);
      if (input.url !== undefined) {
        if (material.kind === "file") errors.add("url", "validation.unknown_field");
        else if (!input.url.trim()) errors.add("url", "validation.required");
        else if (!isWebUrl(input.url.trim())) errors.add("url", "training.programme.validation.url");
      }
      errors.throwIfAny();
      const values = {
        ...(input.titleAr !== undefined ? { titleAr: input.titleAr.trim() } : {}),
        ...(input.titleEn !== undefined ? { titleEn: input.titleEn.trim() } : {}),
        ...(input.url !== undefined ? { url: input.url.trim() } : {}),
      };
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        await repo.updateMaterial(tx, material.id, values);
        await audit(tx, actor, p, "training.material_updated", values.titleEn ?? material.titleEn, { material: material.id, ...values }, now);
      });
      return modules(p.id);
    },

    /** @throws AppError TRAINING_MATERIAL_NOT_FOUND, FORBIDDEN */
    async deleteMaterial(actor: Actor, materialId: string) {
      const { material, p } = await materialForManage(actor, materialId);
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        await repo.deleteMaterial(tx, material.id);
        await audit(tx, actor, p, "training.material_deleted", material.titleEn, { material: material.id, kind: material.kind, url: material.url, fileName: material.fileName, sha256: material.sha256 }, now);
      });
      if (material.storageKey) await store.remove(material.storageKey);
      return modules(p.id);
    },

    /** @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (ids) */
    async reorderMaterials(actor: Actor, moduleId: string, ids: string[]) {
      const { m, p } = await moduleForManage(actor, moduleId);
      const current = (await repo.modulesOf(p.id)).materials.filter((x) => x.moduleId === m.id).map((x) => x.id);
      checkOrder(actor, ids, current);
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        await repo.reorderMaterials(tx, ids);
        await audit(tx, actor, p, "training.materials_reordered", m.titleEn, { module: m.id, order: ids }, now);
      });
      return modules(p.id);
    },

    /**
     * A material's file, for whoever may read the programme.
     * @throws AppError TRAINING_MATERIAL_NOT_FOUND (also when the programme is not readable), UNAUTHENTICATED
     */
    async openFile(actor: Actor | null, materialId: string) {
      const material = await repo.findMaterial(materialId);
      if (!material || material.kind !== "file" || !material.storageKey) throw new AppError("TRAINING_MATERIAL_NOT_FOUND");
      try {
        await programmeForRead(db, actor, material.programmeId);
      } catch (err) {
        if (err instanceof AppError && err.code === "TRAINING_PROGRAMME_NOT_FOUND") throw new AppError(actor ? "TRAINING_MATERIAL_NOT_FOUND" : "UNAUTHENTICATED");
        throw err;
      }
      const stored = await store.open(material.storageKey);
      if (!stored) throw new AppError("TRAINING_MATERIAL_NOT_FOUND");
      return { fileName: material.fileName ?? "file", contentType: material.contentType ?? "application/octet-stream", size: stored.size, stream: stored.stream };
    },
  };
}

export type MaterialsService = ReturnType<typeof createMaterialsService>;
