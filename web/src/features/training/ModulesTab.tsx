import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { useAction } from "../../api/useApi.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { Badge, EmptyState, FormErrors } from "../../components/Feedback.js";
import { useFormatFileSize, useFormatNumber, usePickLocal } from "../../components/format.js";
import { MaterialEditForm, MaterialForm, ModuleForm } from "./ModuleEditor.js";
import type { ProgrammeTabProps, TrainingMaterial, TrainingModule } from "./types.js";
import { programmeApi, type ModuleList } from "./useTraining.js";

/** Something to remove, once confirmed. */
type Removal = { kind: "module"; item: TrainingModule } | { kind: "material"; item: TrainingMaterial };

/** `ids` with the one at `index` moved by `by` places. */
function moved(ids: string[], index: number, by: number): string[] {
  const next = [...ids];
  const [id] = next.splice(index, 1);
  next.splice(index + by, 0, id!);
  return next;
}

/** The site a link goes to ("www.haj.gov.sa"), shown next to its title. */
function hostOf(url: string | null): string {
  try {
    return url ? new URL(url).host : "";
  } catch {
    return "";
  }
}

/** A material for readers: a file to download, a page or a video to open (in a new tab). */
function MaterialLink({ material }: { material: TrainingMaterial }) {
  const { t } = useTranslation();
  const pick = usePickLocal();
  const size = useFormatFileSize();
  const title = pick(material.titleAr, material.titleEn);
  if (material.kind === "file") {
    return (
      <span className="material-link">
        <a href={`/api/training/materials/${encodeURIComponent(material.id)}/file`} download>
          {title}
        </a>
        <span className="row-secondary-inline">
          {material.fileName && <bdi>{material.fileName}</bdi>}
          {material.size !== null && (
            <>
              {t("common.list_separator")}
              {size(material.size)}
            </>
          )}
        </span>
      </span>
    );
  }
  return (
    <span className="material-link">
      <a href={material.url ?? "#"} target="_blank" rel="noopener noreferrer">
        {title}
        <span className="visually-hidden"> ({t("training.programme.modules.new_tab")})</span>
      </a>
      <bdi className="row-secondary-inline material-url" dir="ltr">
        {hostOf(material.url)}
      </bdi>
    </span>
  );
}

/**
 * The modules tab: the programme's modules in order, each with its files, links and video
 * links (they stay here after the workshops, for continuous learning). The programme's managers
 * add, edit, reorder and remove modules and materials in place.
 */
export function ModulesTab({ programme, onChanged }: ProgrammeTabProps) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const pick = usePickLocal();
  const action = useAction();
  const manage = programme.can.manage;
  const [editingModule, setEditingModule] = useState<string | null>(null);
  const [editingMaterial, setEditingMaterial] = useState<string | null>(null);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const modules = programme.modules;

  async function run(request: () => Promise<ModuleList>) {
    const result = await action.run(request);
    if (result.ok) onChanged();
    return result.ok;
  }

  const reorderModules = (index: number, by: number) => void run(() => api.put<ModuleList>(`${programmeApi(programme.id)}/modules/order`, { ids: moved(modules.map((m) => m.id), index, by) }));
  const reorderMaterials = (module: TrainingModule, index: number, by: number) =>
    void run(() => api.put<ModuleList>(`/api/training/modules/${encodeURIComponent(module.id)}/materials/order`, { ids: moved(module.materials.map((m) => m.id), index, by) }));

  async function confirmRemoval() {
    if (!removal) return;
    const path = removal.kind === "module" ? `/api/training/modules/${encodeURIComponent(removal.item.id)}` : `/api/training/materials/${encodeURIComponent(removal.item.id)}`;
    await run(() => api.delete<ModuleList>(path));
    setRemoval(null);
  }

  return (
    <div className="training-modules">
      <FormErrors error={action.error} />
      {modules.length === 0 && <EmptyState>{t("training.programme.modules.none")}</EmptyState>}
      <ol className="module-list">
        {modules.map((m, i) => {
          const title = pick(m.titleAr, m.titleEn);
          const summary = pick(m.summaryAr, m.summaryEn);
          const label = t("training.programme.modules.number", { n: n(i + 1) });
          return (
            <li key={m.id} className="card module-card">
              <p className="card-eyebrow">{label}</p>
              {editingModule === m.id ? (
                <ModuleForm
                  programmeId={programme.id}
                  module={m}
                  onSaved={() => {
                    setEditingModule(null);
                    onChanged();
                  }}
                  onCancel={() => setEditingModule(null)}
                />
              ) : (
                <>
                  <h2 className="card-title">{title}</h2>
                  {summary && (
                    <p className="card-text preserve-lines" dir="auto">
                      {summary}
                    </p>
                  )}
                </>
              )}
              {m.materials.length === 0 ? (
                <p className="card-meta">{t("training.programme.modules.no_materials")}</p>
              ) : (
                <ul className="material-list">
                  {m.materials.map((x, k) => (
                    <li key={x.id} className="material-item">
                      <Badge tone={x.kind === "file" ? "neutral" : "info"}>{t(`training.programme.modules.kinds.${x.kind}`)}</Badge>
                      {editingMaterial === x.id ? (
                        <MaterialEditForm
                          material={x}
                          onSaved={() => {
                            setEditingMaterial(null);
                            onChanged();
                          }}
                          onCancel={() => setEditingMaterial(null)}
                        />
                      ) : (
                        <MaterialLink material={x} />
                      )}
                      {manage && editingMaterial !== x.id && (
                        <span className="button-row material-actions">
                          <button type="button" className="button button--ghost button--small" disabled={k === 0 || action.pending} onClick={() => reorderMaterials(m, k, -1)} aria-label={`${t("training.programme.move_up")}: ${pick(x.titleAr, x.titleEn)}`}>
                            {t("training.programme.move_up")}
                          </button>
                          <button type="button" className="button button--ghost button--small" disabled={k === m.materials.length - 1 || action.pending} onClick={() => reorderMaterials(m, k, 1)} aria-label={`${t("training.programme.move_down")}: ${pick(x.titleAr, x.titleEn)}`}>
                            {t("training.programme.move_down")}
                          </button>
                          <button type="button" className="button button--ghost button--small" onClick={() => setEditingMaterial(x.id)} aria-label={`${t("common.edit")}: ${pick(x.titleAr, x.titleEn)}`}>
                            {t("common.edit")}
                          </button>
                          <button type="button" className="button button--danger-outline button--small" onClick={() => setRemoval({ kind: "material", item: x })} aria-label={`${t("training.programme.remove")}: ${pick(x.titleAr, x.titleEn)}`}>
                            {t("training.programme.remove")}
                          </button>
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {manage && (
                <>
                  <details className="material-add">
                    <summary>{t("training.programme.modules.add_material")}</summary>
                    <MaterialForm module={m} onSaved={onChanged} />
                  </details>
                  <div className="button-row">
                    <button type="button" className="button button--ghost button--small" disabled={i === 0 || action.pending} onClick={() => reorderModules(i, -1)} aria-label={`${t("training.programme.move_up")}: ${label}`}>
                      {t("training.programme.move_up")}
                    </button>
                    <button type="button" className="button button--ghost button--small" disabled={i === modules.length - 1 || action.pending} onClick={() => reorderModules(i, 1)} aria-label={`${t("training.programme.move_down")}: ${label}`}>
                      {t("training.programme.move_down")}
                    </button>
                    <button type="button" className="button button--secondary button--small" onClick={() => setEditingModule(m.id)} aria-label={`${t("common.edit")}: ${label}`}>
                      {t("common.edit")}
                    </button>
                    <button type="button" className="button button--danger-outline button--small" onClick={() => setRemoval({ kind: "module", item: m })} aria-label={`${t("training.programme.modules.delete")}: ${label}`}>
                      {t("training.programme.modules.delete")}
                    </button>
                  </div>
                </>
              )}
            </li>
          );
        })}
      </ol>
      {manage && (
        <section className="card" aria-labelledby="module-add-title">
          <h2 id="module-add-title" className="card-title">
            {t("training.programme.modules.add")}
          </h2>
          <ModuleForm programmeId={programme.id} onSaved={onChanged} />
        </section>
      )}
      <ConfirmDialog
        open={removal !== null}
        title={removal?.kind === "module" ? t("training.programme.modules.delete_title") : t("training.programme.modules.remove_material_title")}
        confirmLabel={removal?.kind === "module" ? t("training.programme.modules.delete") : t("training.programme.remove")}
        danger
        pending={action.pending}
        onConfirm={() => void confirmRemoval()}
        onCancel={() => setRemoval(null)}
      >
        <p>
          {removal?.kind === "module"
            ? t("training.programme.modules.delete_body", { title: pick(removal.item.titleAr, removal.item.titleEn), count: removal.item.materials.length, n: n(removal.item.materials.length) })
            : removal
              ? t("training.programme.modules.remove_material_body", { title: pick(removal.item.titleAr, removal.item.titleEn) })
              : null}
        </p>
      </ConfirmDialog>
    </div>
  );
}
