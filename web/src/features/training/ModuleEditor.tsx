import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { useAction } from "../../api/useApi.js";
import { FieldError, RadioGroupField, TextAreaField, TextField } from "../../components/Field.js";
import { FilePicker } from "../../components/FilePicker.js";
import { FormErrors } from "../../components/Feedback.js";
import type { TrainingMaterial, TrainingModule } from "./types.js";
import type { ModuleList } from "./useTraining.js";

/** Files a material may be (as the attachment store accepts them). */
const ACCEPT = ".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.txt,.csv";

/** Add a module, or edit one: titles in both languages and optional summaries. */
export function ModuleForm({ programmeId, module, onSaved, onCancel }: { programmeId: string; module?: TrainingModule; onSaved(): void; onCancel?(): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const key = useId().replace(/:/g, "");
  const [values, setValues] = useState({ titleAr: module?.titleAr ?? "", titleEn: module?.titleEn ?? "", summaryAr: module?.summaryAr ?? "", summaryEn: module?.summaryEn ?? "" });
  const [local, setLocal] = useState<Record<string, string>>({});
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!values.titleAr.trim()) problems.titleAr = t("validation.required", { field: t("training.programme.form.title_ar") });
    if (!values.titleEn.trim()) problems.titleEn = t("validation.required", { field: t("training.programme.form.title_en") });
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const body = { titleAr: values.titleAr.trim(), titleEn: values.titleEn.trim(), summaryAr: values.summaryAr.trim() || null, summaryEn: values.summaryEn.trim() || null };
    const result = await action.run(() =>
      module ? api.patch<ModuleList>(`/api/training/modules/${encodeURIComponent(module.id)}`, body) : api.post<ModuleList>(`/api/training/programmes/${encodeURIComponent(programmeId)}/modules`, body),
    );
    if (result.ok) {
      if (!module) setValues({ titleAr: "", titleEn: "", summaryAr: "", summaryEn: "" });
      onSaved();
    }
  }

  const error = (field: string) => local[field] ?? action.fieldError(field);
  return (
    <form onSubmit={onSubmit} noValidate className="form module-form">
      <FormErrors error={action.error} shownFields={["titleAr", "titleEn", "summaryAr", "summaryEn"]} localMessage={Object.keys(local).length ? t("errors.VALIDATION_FAILED") : null} />
      <div className="form-grid">
        <TextField id={`module-${key}-titleAr`} label={t("training.programme.form.title_ar")} dir="rtl" lang="ar" maxLength={300} value={values.titleAr} onChange={set("titleAr")} error={error("titleAr")} required />
        <TextField id={`module-${key}-titleEn`} label={t("training.programme.form.title_en")} dir="ltr" lang="en" maxLength={300} value={values.titleEn} onChange={set("titleEn")} error={error("titleEn")} required />
        <TextAreaField id={`module-${key}-summaryAr`} label={t("training.programme.modules.summary_ar")} dir="rtl" lang="ar" maxLength={4000} value={values.summaryAr} onChange={set("summaryAr")} error={error("summaryAr")} />
        <TextAreaField id={`module-${key}-summaryEn`} label={t("training.programme.modules.summary_en")} dir="ltr" lang="en" maxLength={4000} value={values.summaryEn} onChange={set("summaryEn")} error={error("summaryEn")} />
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary button--small" disabled={action.pending} aria-busy={action.pending || undefined}>
          {action.pending ? t("common.saving") : module ? t("common.save_changes") : t("training.programme.modules.add")}
        </button>
        {onCancel && (
          <button type="button" className="button button--ghost button--small" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

type Kind = TrainingMaterial["kind"];

/** Add a material to a module: a file (uploaded as is), a link or a video link (http or https). */
export function MaterialForm({ module, onSaved }: { module: TrainingModule; onSaved(): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const key = useId().replace(/:/g, "");
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<Kind>("file");
  const [file, setFile] = useState<File | null>(null);
  const [values, setValues] = useState({ titleAr: "", titleEn: "", url: "" });
  const [local, setLocal] = useState<Record<string, string>>({});
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (kind === "file" && !file) problems.file = t("validation.required", { field: t("training.programme.modules.file") });
    if (kind !== "file") {
      if (!values.titleAr.trim()) problems.titleAr = t("validation.required", { field: t("training.programme.form.title_ar") });
      if (!values.titleEn.trim()) problems.titleEn = t("validation.required", { field: t("training.programme.form.title_en") });
      if (!values.url.trim()) problems.url = t("validation.required", { field: t("training.programme.modules.url") });
      else if (!/^https?:\/\/\S+$/i.test(values.url.trim())) problems.url = t("training.programme.modules.url_invalid");
    }
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const moduleApi = `/api/training/modules/${encodeURIComponent(module.id)}`;
    const result = await action.run(() =>
      kind === "file"
        ? api.upload<ModuleList>(`${moduleApi}/files`, file!, { fileName: file!.name, titleAr: values.titleAr.trim() || undefined, titleEn: values.titleEn.trim() || undefined })
        : api.post<ModuleList>(`${moduleApi}/materials`, { kind, titleAr: values.titleAr.trim(), titleEn: values.titleEn.trim(), url: values.url.trim() }),
    );
    if (result.ok) {
      setValues({ titleAr: "", titleEn: "", url: "" });
      setFile(null);
      if (input.current) input.current.value = "";
      onSaved();
    }
  }

  const error = (field: string) => local[field] ?? action.fieldError(field);
  const fileId = `material-${key}-file`;
  const fileError = error("file") ?? action.fieldError("fileName");
  return (
    <form onSubmit={onSubmit} noValidate className="form material-form" aria-label={t("training.programme.modules.add_material")}>
      <FormErrors error={action.error} shownFields={["titleAr", "titleEn", "url", "file", "fileName"]} localMessage={Object.keys(local).length ? t("errors.VALIDATION_FAILED") : null} />
      <RadioGroupField
        id={`material-${key}-kind`}
        legend={t("training.programme.modules.kind")}
        value={kind}
        onChange={(value) => {
          setKind(value as Kind);
          setLocal({});
        }}
        options={(["file", "link", "video"] as const).map((k) => ({ value: k, label: t(`training.programme.modules.kinds.${k}`) }))}
      />
      {kind === "file" ? (
        <div className={["field", fileError ? "field--invalid" : ""].join(" ").trim()}>
          <label htmlFor={fileId} className="field-label">
            {t("training.programme.modules.file")}
          </label>
          <FilePicker
            ref={input}
            id={fileId}
            file={file}
            accept={ACCEPT}
            invalid={!!fileError}
            describedBy={[`${fileId}-hint`, fileError ? `${fileId}-error` : null].filter(Boolean).join(" ")}
            onChange={(chosen) => {
              setFile(chosen);
              setLocal(({ file: _dropped, ...rest }) => rest);
            }}
          />
          <p id={`${fileId}-hint`} className="field-hint">
            {t("training.programme.modules.file_hint")}
          </p>
          <FieldError id={fileId} error={fileError} />
        </div>
      ) : (
        <TextField id={`material-${key}-url`} label={t("training.programme.modules.url")} hint={t("training.programme.modules.url_hint")} type="url" dir="ltr" inputMode="url" maxLength={2000} value={values.url} onChange={set("url")} error={error("url")} required />
      )}
      <div className="form-grid">
        <TextField id={`material-${key}-titleAr`} label={t("training.programme.form.title_ar")} hint={kind === "file" ? t("training.programme.modules.title_default") : undefined} dir="rtl" lang="ar" maxLength={300} value={values.titleAr} onChange={set("titleAr")} error={error("titleAr")} required={kind !== "file"} />
        <TextField id={`material-${key}-titleEn`} label={t("training.programme.form.title_en")} hint={kind === "file" ? t("training.programme.modules.title_default") : undefined} dir="ltr" lang="en" maxLength={300} value={values.titleEn} onChange={set("titleEn")} error={error("titleEn")} required={kind !== "file"} />
      </div>
      <div className="button-row">
        <button type="submit" className="button button--secondary button--small" disabled={action.pending} aria-busy={action.pending || undefined}>
          {action.pending ? t("common.working") : t("training.programme.modules.add_material")}
        </button>
      </div>
    </form>
  );
}

/** Edit a material's titles (and a link's address). */
export function MaterialEditForm({ material, onSaved, onCancel }: { material: TrainingMaterial; onSaved(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const key = useId().replace(/:/g, "");
  const [values, setValues] = useState({ titleAr: material.titleAr, titleEn: material.titleEn, url: material.url ?? "" });
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const body = { titleAr: values.titleAr.trim(), titleEn: values.titleEn.trim(), ...(material.kind !== "file" ? { url: values.url.trim() } : {}) };
    const result = await action.run(() => api.patch<ModuleList>(`/api/training/materials/${encodeURIComponent(material.id)}`, body));
    if (result.ok) onSaved();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form material-form">
      <FormErrors error={action.error} shownFields={["titleAr", "titleEn", "url"]} />
      <div className="form-grid">
        <TextField id={`material-edit-${key}-titleAr`} label={t("training.programme.form.title_ar")} dir="rtl" lang="ar" maxLength={300} value={values.titleAr} onChange={set("titleAr")} error={action.fieldError("titleAr")} required />
        <TextField id={`material-edit-${key}-titleEn`} label={t("training.programme.form.title_en")} dir="ltr" lang="en" maxLength={300} value={values.titleEn} onChange={set("titleEn")} error={action.fieldError("titleEn")} required />
        {material.kind !== "file" && (
          <TextField id={`material-edit-${key}-url`} label={t("training.programme.modules.url")} type="url" dir="ltr" maxLength={2000} value={values.url} onChange={set("url")} error={action.fieldError("url")} required className="form-grid-full" />
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary button--small" disabled={action.pending}>
          {action.pending ? t("common.saving") : t("common.save_changes")}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
