import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { LIBRARY_CATEGORIES, LIBRARY_KINDS, type LibraryLanguage } from "../../../../common/library.js";
import { api } from "../../api/client.js";
import type { Organisation } from "../../api/types.js";
import { useApi } from "../../api/useApi.js";
import { Forbidden } from "../../app/StatusPages.js";
import { useMe } from "../../app/useSession.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { ConflictNotice } from "../../components/ConflictNotice.js";
import { DateTime } from "../../components/DateTime.js";
import { RadioGroupField, SelectField, TextField } from "../../components/Field.js";
import { ErrorState, FormErrors, Loading } from "../../components/Feedback.js";
import { FormActions } from "../../components/FormActions.js";
import { useFormatNumber, useLocalName } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { RichTextEditor } from "../../components/RichTextEditor.js";
import { useFormSave } from "../../components/useFormSave.js";
import { sortByLocalName } from "../directory/useDirectoryData.js";
import { useSeasons } from "../events/useEventsData.js";
import { checkEntry, hasLanguage, initialEntryState, primaryLanguage, toCreateBody, toUpdateBody, type EntryFormState, type LocalProblem } from "./entryForm.js";
import { EventPicker } from "./EventPicker.js";
import { useLocalText } from "./LibraryBits.js";
import { RichBody } from "./RichBody.js";
import { TagInput } from "./TagInput.js";
import { LIBRARY_SCOPES, type Entry } from "./types.js";
import "../events/events.css";
import "./library.css";

/** The fields the form shows, so FormErrors lists only the server's messages for others. */
const SHOWN_FIELDS = ["title", "body", "titleAr", "titleEn", "bodyAr", "bodyEn", "language", "kind", "category", "tags", "seasonCode", "eventId", "scope", "groupCode"];

const entryApi = (id: string) => `/api/library/entries/${encodeURIComponent(id)}`;

/**
 * The rich-text field of one language. The editor gives each paragraph its own direction
 * (dir="auto"); its empty box and caret should start on the side of the language it is for.
 */
function LanguageEditor({ id, lang, label, value, onChange, error, hint, placeholder }: { id: string; lang: LibraryLanguage; label: string; value: string; onChange(html: string): void; error?: string; hint?: string; placeholder?: string }) {
  useEffect(() => {
    // RichTextEditor has no dir/lang props: set them on its editable box once it is in the page.
    const box = document.getElementById(id);
    box?.setAttribute("dir", lang === "ar" ? "rtl" : "ltr");
    box?.setAttribute("lang", lang);
  }, [id, lang]);
  return <RichTextEditor id={id} label={label} value={value} onChange={onChange} error={error} hint={hint} placeholder={placeholder} />;
}

function EntryForm({ existing }: { existing?: Entry }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const n = useFormatNumber();
  const localName = useLocalName();
  const localText = useLocalText();
  const seasons = useSeasons();
  const uiLanguage: LibraryLanguage = i18n.language === "en" ? "en" : "ar";
  const owner = existing?.organisation ?? me.organisation;
  const organisation = useApi<Organisation>(`/api/organisations/${encodeURIComponent(owner.code)}`);
  const form = useFormSave({
    existing,
    toState: (entry) => initialEntryState(entry, uiLanguage),
    check: checkEntry,
    send: (values, version) => (existing ? api.patch<Entry>(entryApi(existing.id), toUpdateBody(values, version)) : api.post<Entry>("/api/library/entries", toCreateBody(values))),
    conflictCode: "LIBRARY_ENTRY_CONFLICT",
    fetchLatest: (entry) => api.get<Entry>(entryApi(entry.id)),
    onSaved: (saved) => navigate(`/library/${encodeURIComponent(saved?.id ?? existing?.id ?? "")}`),
    leaveWarning: t("library.form.leave_warning"),
  });
  const { values, set, problems, action, latest } = form;

  const primary = primaryLanguage(values);
  const bothLanguages = hasLanguage(values, "ar") && hasLanguage(values, "en");
  const groups = organisation.data ? sortByLocalName(organisation.data.groups ?? [], i18n.language) : undefined;

  /** The server's message for a field of the form; `title` and `body` are the main language's. */
  const serverError = (field: string): string | undefined => {
    const direct = action.fieldError(field);
    if (direct) return direct;
    if (field === `title${primary === "ar" ? "Ar" : "En"}`) return action.fieldError("title");
    if (field === `body${primary === "ar" ? "Ar" : "En"}`) return action.fieldError("body");
    if (field === "tags") return action.error?.fields.find((f) => /^tags[./]/.test(f.field))?.message;
    return undefined;
  };
  const localMessage = (problem: LocalProblem | undefined, label: string) => {
    if (!problem) return undefined;
    return problem === "required" ? t("validation.required", { field: label }) : t(`library.form.${problem}`);
  };
  const error = (field: keyof EntryFormState, label: string) => localMessage(problems[field], label) ?? serverError(field);
  const shownFields = useMemo(() => [...SHOWN_FIELDS, ...(action.error?.fields.filter((f) => /^tags[./]/.test(f.field)).map((f) => f.field) ?? [])], [action.error]);

  const scopeHelp = (scope: (typeof LIBRARY_SCOPES)[number]) =>
    scope === "private" ? t("library.form.scope_help.private", { organisation: localName(owner) }) : t(`library.form.scope_help.${scope}`);
  const noGroups = groups?.length === 0;
  const latestTitle = latest ? localText(latest.titleAr, latest.titleEn) : null;
  const latestBody = latest ? localText(latest.bodyAr, latest.bodyEn) : null;
  const crumbTitle = existing ? localText(existing.titleAr, existing.titleEn).text || existing.title : "";

  return (
    <>
      <PageHeader
        crumbs={[{ label: t("library.title"), to: "/library" }, ...(existing ? [{ label: crumbTitle, to: `/library/${encodeURIComponent(existing.id)}` }] : [])]}
        title={existing ? t("library.form.edit_title") : t("library.form.new_title")}
        subtitle={localName(owner)}
      />
      <form onSubmit={form.onSubmit} noValidate className="form form--wide entry-form">
        <p className="form-note">{t("common.required_note")}</p>
        <FormErrors error={action.error} shownFields={shownFields} localMessage={form.problemSummary} />

        {latest && latestTitle && latestBody && (
          <ConflictNotice
            id="entry-conflict-title"
            title={t("library.form.conflict_title")}
            saveMineLabel={t("library.form.conflict_save_mine")}
            takeTheirsLabel={t("library.form.conflict_take_theirs")}
            pending={action.pending}
            onSaveMine={form.saveOver}
            onTakeTheirs={form.askTakeTheirs}
          >
            <p>{t("library.form.conflict_body")}</p>
            <p className="card-meta">
              {t("library.form.conflict_saved_by", { version: n(latest.version), name: latest.updatedBy?.name ?? latest.author?.name ?? "—" })} <DateTime value={latest.updatedAt} mode="datetime" />
            </p>
            <div className="conflict-body">
              <h3 className="entry-conflict-heading" lang={latestTitle.lang} dir="auto">
                {latestTitle.text}
              </h3>
              <RichBody html={latestBody.text} lang={latestBody.lang} />
            </div>
          </ConflictNotice>
        )}

        <fieldset className="form-section">
          <legend>{t("library.form.section_general")}</legend>
          <div className="form-grid">
            <SelectField
              id="entry-kind"
              label={t("library.kind_label")}
              value={values.kind}
              onChange={set("kind")}
              options={LIBRARY_KINDS.map((k) => ({ value: k, label: t(`library.kind.${k}`) }))}
              error={error("kind", t("library.kind_label"))}
              required
            />
            <SelectField
              id="entry-category"
              label={t("library.category_label")}
              value={values.category}
              onChange={set("category")}
              options={LIBRARY_CATEGORIES.map((c) => ({ value: c, label: t(`library.category.${c}`) }))}
              error={error("category", t("library.category_label"))}
              required
            />
          </div>
        </fieldset>

        <p className="form-note entry-languages-note" id="entry-languages-note">
          {t("library.form.sections_hint")}
        </p>
        <div className="entry-languages">
          {(["ar", "en"] as const).map((lang) => {
            const suffix = lang === "ar" ? "Ar" : "En";
            const titleKey = `title${suffix}` as const;
            const bodyKey = `body${suffix}` as const;
            return (
              <fieldset key={lang} className="form-section entry-language" aria-describedby="entry-languages-note">
                <legend>{t(`library.form.section_${lang}`)}</legend>
                <TextField
                  id={`entry-${titleKey}`}
                  label={t(`library.form.title_${lang}`)}
                  dir={lang === "ar" ? "rtl" : "ltr"}
                  lang={lang}
                  value={values[titleKey]}
                  onChange={set(titleKey)}
                  error={error(titleKey, t(`library.form.title_${lang}`))}
                />
                <LanguageEditor
                  id={`entry-${bodyKey}`}
                  lang={lang}
                  label={t(`library.form.body_${lang}`)}
                  hint={t("library.form.body_hint")}
                  value={values[bodyKey]}
                  onChange={set(bodyKey)}
                  error={error(bodyKey, t(`library.form.body_${lang}`))}
                />
              </fieldset>
            );
          })}
        </div>
        {bothLanguages && (
          <RadioGroupField
            id="entry-language"
            legend={t("library.form.language_label")}
            hint={t("library.form.language_hint")}
            value={values.language}
            onChange={(value) => set("language")(value as LibraryLanguage)}
            error={action.fieldError("language")}
            options={(["ar", "en"] as const).map((l) => ({ value: l, label: t(`common.languages.${l}`) }))}
          />
        )}

        <fieldset className="form-section">
          <legend>{t("library.form.section_context")}</legend>
          <TagInput id="entry-tags" value={values.tags} onChange={set("tags")} error={serverError("tags")} />
          <div className="form-grid">
            <SelectField
              id="entry-seasonCode"
              label={t("library.season_label")}
              value={values.seasonCode}
              onChange={set("seasonCode")}
              placeholder={seasons.loading ? t("common.loading") : t("library.form.no_season")}
              options={seasons.items.map((s) => ({ value: s.code, label: localName(s) }))}
              error={error("seasonCode", t("library.season_label"))}
            />
          </div>
          <EventPicker id="entry-eventId" value={values.eventId} current={existing?.event ?? null} onChange={set("eventId")} error={error("eventId", t("library.form.event_label"))} />
        </fieldset>

        <RadioGroupField
          id="entry-scope"
          legend={t("library.form.scope_legend")}
          value={values.scope}
          onChange={(value) => set("scope")(value as EntryFormState["scope"])}
          error={error("scope", t("library.form.scope_legend"))}
          required
          options={LIBRARY_SCOPES.map((scope) => ({
            value: scope,
            label: t(`library.form.scope.${scope}`),
            description:
              scope === "group" && noGroups && values.scope !== "group" ? (
                <>
                  {scopeHelp(scope)}
                  <span className="radio-note">{t("library.form.no_groups")}</span>
                </>
              ) : (
                scopeHelp(scope)
              ),
            disabled: scope === "group" && noGroups && values.scope !== "group",
            details:
              scope === "group" ? (
                organisation.error ? (
                  <ErrorState error={organisation.error} onRetry={organisation.reload} />
                ) : (
                  <SelectField
                    id="entry-groupCode"
                    label={t("library.form.group_label")}
                    value={values.groupCode}
                    onChange={set("groupCode")}
                    options={(groups ?? []).map((g) => ({ value: g.code, label: localName(g) }))}
                    placeholder={groups ? t("common.choose") : t("common.loading")}
                    disabled={!groups}
                    error={error("groupCode", t("library.form.group_label"))}
                    required
                  />
                )
              ) : undefined,
          }))}
        />

        <FormActions
          submitLabel={existing ? t("common.save_changes") : t("library.form.create")}
          pending={action.pending}
          cancelTo={existing ? `/library/${encodeURIComponent(existing.id)}` : "/library"}
          unsavedNote={form.isDirty ? t("library.form.unsaved") : null}
        />
        <ConfirmDialog {...form.takeTheirsDialog} title={t("library.form.take_theirs_title")} confirmLabel={t("library.form.conflict_take_theirs")} danger>
          <p>{t("library.form.take_theirs_body")}</p>
        </ConfirmDialog>
      </form>
    </>
  );
}

/** /library/new and /library/:id/edit */
export function EntryFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const existing = useApi<Entry>(id ? entryApi(id) : null);
  usePageTitle(id ? t("library.form.edit_title") : t("library.form.new_title"));
  if (!id) return <EntryForm />;
  if (existing.error?.code === "FORBIDDEN") return <Forbidden />;
  if (existing.error) return <ErrorState error={existing.error} onRetry={existing.reload} />;
  if (!existing.data) return <Loading />;
  if (!existing.data.abilities.update) return <Forbidden />;
  return <EntryForm key={existing.data.id} existing={existing.data} />;
}
