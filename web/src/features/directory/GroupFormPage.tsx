import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { api } from "../../api/client.js";
import type { GroupDetail } from "../../api/types.js";
import { useAction, useApi } from "../../api/useApi.js";
import { Forbidden } from "../../app/StatusPages.js";
import { useMe } from "../../app/useSession.js";
import { FieldError, TextAreaField, TextField } from "../../components/Field.js";
import { ErrorState, FormErrors, Loading } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { changedBody, createBody, missingFields, toFormValues, type FormValues } from "./formValues.js";
import { invalidateDirectoryCache, useAllOrganisations } from "./useDirectoryData.js";

const KEYS = ["code", "nameAr", "nameEn", "descriptionAr", "descriptionEn"] as const;

/** Checkboxes of every organisation, with a filter box; chosen ones listed first. */
function MemberPicker({ selected, onChange, error }: { selected: Set<string>; onChange(next: Set<string>): void; error?: string }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const formatNumber = useFormatNumber();
  const organisations = useAllOrganisations();
  const [filter, setFilter] = useState("");
  const [initiallySelected] = useState(() => new Set(selected));
  const visible = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const items = organisations.items.filter(
      (o) => !needle || o.nameAr.toLowerCase().includes(needle) || o.nameEn.toLowerCase().includes(needle) || o.code.includes(needle),
    );
    // Members at page load first; the order does not jump while ticking boxes.
    return [...items.filter((o) => initiallySelected.has(o.id)), ...items.filter((o) => !initiallySelected.has(o.id))];
  }, [organisations.items, filter, initiallySelected]);

  function toggle(id: string, checked: boolean) {
    const next = new Set(selected);
    if (checked) next.add(id);
    else next.delete(id);
    onChange(next);
  }

  return (
    <fieldset className={error ? "form-section field--invalid" : "form-section"} aria-describedby={error ? "group-members-error" : "group-members-count"}>
      <legend>{t("directory.group_members")}</legend>
      <p id="group-members-count" className="field-hint" role="status">
        {t("directory.selected_count", { count: selected.size, n: formatNumber(selected.size) })}
      </p>
      <div className="field">
        <label htmlFor="group-members-filter" className="field-label">
          {t("directory.filter_organisations")}
        </label>
        <input id="group-members-filter" type="search" dir="auto" className="input" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
      </div>
      {organisations.loading ? (
        <p className="loading">{t("common.loading")}</p>
      ) : (
        <ul className="checkbox-list">
          {visible.map((o) => (
            <li key={o.id}>
              <input type="checkbox" id={`member-${o.id}`} checked={selected.has(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} />
              <label htmlFor={`member-${o.id}`}>
                {localName(o)} <span className="row-secondary-inline">{t(`directory.kinds.${o.kind}`)}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <FieldError id="group-members" error={error} />
    </fieldset>
  );
}

function GroupForm({ existing }: { existing?: GroupDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const localName = useLocalName();
  const [initial] = useState<FormValues>(() => toFormValues(existing, KEYS));
  const [values, setValues] = useState<FormValues>(initial);
  const [members, setMembers] = useState<Set<string>>(() => new Set(existing?.members.map((m) => m.id) ?? []));
  const [missing, setMissing] = useState<Record<string, string>>({});
  const action = useAction();
  const set = (key: string) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const error = (key: string) => missing[key] ?? action.fieldError(key);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const required = existing ? ["nameAr", "nameEn"] : ["code", "nameAr", "nameEn"];
    const local = missingFields(values, required, (key) => t("validation.required", { field: t(`fields.${key}` as "fields.name") }));
    setMissing(local);
    if (Object.keys(local).length > 0) return;
    const memberIds = [...members];
    const result = existing
      ? await action.run(() => {
          const { code: _code, ...changes } = changedBody(initial, values);
          return api.patch<GroupDetail>(`/api/groups/${encodeURIComponent(existing.id)}`, { ...changes, memberIds });
        })
      : await action.run(() => api.post<GroupDetail>("/api/groups", { ...createBody(values), memberIds }));
    if (result.ok) {
      invalidateDirectoryCache();
      navigate(`/directory/groups/${encodeURIComponent(result.value?.code ?? existing?.code ?? values.code.trim())}`);
    }
  }

  return (
    <>
      <PageHeader
        crumbs={[
          { label: t("directory.groups_title"), to: "/directory/groups" },
          ...(existing ? [{ label: localName(existing), to: `/directory/groups/${encodeURIComponent(existing.code)}` }] : []),
        ]}
        title={existing ? t("directory.edit_group") : t("directory.new_group")}
        subtitle={existing ? localName(existing) : undefined}
      />
      <form onSubmit={onSubmit} noValidate className="form form--wide">
        <p className="form-note">{t("common.required_note")}</p>
        <FormErrors error={action.error} shownFields={[...KEYS, "memberIds"]} localMessage={Object.keys(missing).length > 0 ? t("errors.VALIDATION_FAILED") : null} />
        <fieldset className="form-section">
          <legend>{t("directory.section_identity")}</legend>
          <div className="form-grid">
            {!existing && (
              <TextField
                id="group-code"
                label={t("fields.code")}
                dir="ltr"
                value={values.code}
                onChange={(v) => set("code")(v.toLowerCase())}
                error={error("code")}
                hint={t("directory.code_hint")}
                autoCapitalize="none"
                spellCheck={false}
                className="form-grid-full"
                required
              />
            )}
            <TextField id="group-nameAr" label={t("fields.nameAr")} dir="rtl" lang="ar" value={values.nameAr} onChange={set("nameAr")} error={error("nameAr")} required />
            <TextField id="group-nameEn" label={t("fields.nameEn")} dir="ltr" lang="en" value={values.nameEn} onChange={set("nameEn")} error={error("nameEn")} required />
            <TextAreaField id="group-descriptionAr" label={t("fields.descriptionAr")} dir="rtl" lang="ar" value={values.descriptionAr} onChange={set("descriptionAr")} error={error("descriptionAr")} />
            <TextAreaField id="group-descriptionEn" label={t("fields.descriptionEn")} dir="ltr" lang="en" value={values.descriptionEn} onChange={set("descriptionEn")} error={error("descriptionEn")} />
          </div>
        </fieldset>
        <MemberPicker selected={members} onChange={setMembers} error={action.fieldError("memberIds")} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={action.pending} aria-busy={action.pending || undefined}>
            {action.pending ? t("common.saving") : existing ? t("common.save_changes") : t("directory.create_group")}
          </button>
          <Link to={existing ? `/directory/groups/${encodeURIComponent(existing.code)}` : "/directory/groups"} className="button button--secondary">
            {t("common.cancel")}
          </Link>
        </div>
      </form>
    </>
  );
}

/** /directory/groups/new and /directory/groups/:code/edit */
export function GroupFormPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const me = useMe();
  const existing = useApi<GroupDetail>(code ? `/api/groups/${encodeURIComponent(code)}` : null);
  usePageTitle(code ? t("directory.edit_group") : t("directory.new_group"));

  if (!code) return me.can.createGroup ? <GroupForm /> : <Forbidden />;
  if (existing.error?.code === "FORBIDDEN") return <Forbidden />;
  if (existing.error) return <ErrorState error={existing.error} onRetry={existing.reload} />;
  if (!existing.data) return <Loading />;
  if (!existing.data.abilities?.update) return <Forbidden />;
  return <GroupForm key={existing.data.id} existing={existing.data} />;
}
