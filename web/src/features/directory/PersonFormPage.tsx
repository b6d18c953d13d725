import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { LOCALES, POSITIONS } from "../../../../common/roles.js";
import { api } from "../../api/client.js";
import type { Organisation, Person } from "../../api/types.js";
import { useAction, useApi } from "../../api/useApi.js";
import { Forbidden } from "../../app/StatusPages.js";
import { useMe } from "../../app/useSession.js";
import { SelectField, TextField } from "../../components/Field.js";
import { ErrorState, FormErrors, Loading } from "../../components/Feedback.js";
import { useLocalName } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { changedBody, createBody, missingFields, toFormValues, withoutMessage, type FormValues } from "./formValues.js";
import { useAllOrganisations } from "./useDirectoryData.js";
import { currentShareGroup, valuesToSend, VisibilityField } from "./VisibilityField.js";

const KEYS = ["nameAr", "nameEn", "position", "titleAr", "titleEn", "email", "phone", "preferredLanguage", "visibility"] as const;
const REQUIRED = ["nameAr", "nameEn", "position", "preferredLanguage", "visibility"] as const;

function PersonForm({ existing }: { existing?: Person }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const localName = useLocalName();
  const [params] = useSearchParams();
  const organisations = useAllOrganisations();
  const [initial] = useState<FormValues>(() => ({
    ...toFormValues(existing, KEYS, { position: "official", preferredLanguage: "ar", visibility: "members" }),
    shareGroupId: existing?.shareGroup?.id ?? "",
  }));
  const [values, setValues] = useState<FormValues>(initial);
  const [organisationId, setOrganisationId] = useState(existing?.organisation.id ?? "");
  const [missing, setMissing] = useState<Record<string, string>>({});
  const action = useAction();
  const set = (key: string) => (value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    // A "… is required" message goes as soon as the field is filled in.
    if (value.trim()) setMissing((m) => withoutMessage(m, key));
  };
  const error = (key: string) => missing[key] ?? action.fieldError(key);

  // A new person belongs to the organisation named in ?organisation=<code>, else to the user's own.
  const wantedCode = params.get("organisation") ?? me.organisation.code;
  useEffect(() => {
    if (existing || organisationId) return;
    const match = organisations.items.find((o) => o.code === wantedCode);
    if (match) setOrganisationId(match.id);
    else if (!organisations.loading) setOrganisationId(me.organisation.id);
  }, [existing, organisationId, organisations.items, organisations.loading, wantedCode, me.organisation.id]);

  // A person can be shared with one of the groups of their organisation.
  const orgKey = existing ? existing.organisation.code : organisationId;
  const organisation = useApi<Organisation>(orgKey ? `/api/organisations/${encodeURIComponent(orgKey)}` : null);
  // Until the newly chosen organisation has loaded, the previous one's groups don't count.
  const orgData = organisation.data && (organisation.data.id === orgKey || organisation.data.code === orgKey) ? organisation.data : undefined;
  const groups = !orgKey ? [] : orgData ? (orgData.groups ?? []) : undefined;
  const shareGroupId = currentShareGroup(values, groups);
  const isGroupShared = values.visibility === "group";

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const required = (key: string) => t("validation.required", { field: t(`fields.${key}` as "fields.name") });
    const local = missingFields(values, REQUIRED, required);
    if (!existing && !organisationId) local.organisationId = required("organisation");
    if (isGroupShared && !shareGroupId) local.shareGroupId = required("shareGroupId");
    setMissing(local);
    if (Object.keys(local).length > 0) return;
    const sent = valuesToSend(initial, values, shareGroupId);
    const result = existing
      ? await action.run(() => api.patch<Person>(`/api/people/${encodeURIComponent(existing.id)}`, changedBody(initial, sent)))
      : await action.run(() => api.post<Person>("/api/people", { ...createBody(sent), organisationId }));
    if (result.ok) navigate(`/directory/people/${encodeURIComponent(result.value?.id ?? existing?.id ?? "")}`);
  }

  const orgOptions = organisations.items.map((o) => ({ value: o.id, label: localName(o) }));
  if (organisationId && !orgOptions.some((o) => o.value === organisationId)) {
    const ref = existing?.organisation ?? (organisationId === me.organisation.id ? me.organisation : null);
    if (ref) orgOptions.unshift({ value: ref.id, label: localName(ref) });
  }

  return (
    <>
      <PageHeader
        crumbs={[
          { label: t("directory.people_title"), to: "/directory/people" },
          ...(existing ? [{ label: localName(existing), to: `/directory/people/${encodeURIComponent(existing.id)}` }] : []),
        ]}
        title={existing ? t("directory.edit_person") : t("directory.new_person")}
        subtitle={existing ? localName(existing) : undefined}
      />
      <form onSubmit={onSubmit} noValidate className="form form--wide">
        <p className="form-note">{t("common.required_note")}</p>
        <FormErrors error={action.error} shownFields={[...KEYS, "organisationId", ...(isGroupShared ? ["shareGroupId"] : [])]} localMessage={Object.keys(missing).length > 0 ? t("errors.VALIDATION_FAILED") : null} />

        <fieldset className="form-section">
          <legend>{t("directory.section_identity")}</legend>
          <div className="form-grid">
            {existing ? (
              <div className="field form-grid-full">
                <span className="field-label" id="person-org-label">
                  {t("fields.organisation")}
                </span>
                <p className="field-static" aria-labelledby="person-org-label">
                  {localName(existing.organisation)}
                </p>
              </div>
            ) : (
              <SelectField
                id="person-organisationId"
                label={t("fields.organisation")}
                value={organisationId}
                onChange={setOrganisationId}
                options={orgOptions}
                placeholder={organisations.loading ? t("common.loading") : t("common.choose")}
                error={error("organisationId")}
                className="form-grid-full"
                required
              />
            )}
            <TextField id="person-nameAr" label={t("fields.nameAr")} dir="rtl" lang="ar" value={values.nameAr} onChange={set("nameAr")} error={error("nameAr")} required />
            <TextField id="person-nameEn" label={t("fields.nameEn")} dir="ltr" lang="en" value={values.nameEn} onChange={set("nameEn")} error={error("nameEn")} required />
            <SelectField
              id="person-position"
              label={t("fields.position")}
              value={values.position}
              onChange={set("position")}
              options={POSITIONS.map((p) => ({ value: p, label: t(`directory.positions.${p}`) }))}
              error={error("position")}
              className="form-grid-full"
              required
            />
            <TextField id="person-titleAr" label={t("fields.titleAr")} dir="rtl" lang="ar" value={values.titleAr} onChange={set("titleAr")} error={error("titleAr")} />
            <TextField id="person-titleEn" label={t("fields.titleEn")} dir="ltr" lang="en" value={values.titleEn} onChange={set("titleEn")} error={error("titleEn")} />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t("directory.contact")}</legend>
          <div className="form-grid">
            <TextField id="person-email" label={t("fields.email")} type="email" dir="ltr" autoComplete="off" value={values.email} onChange={set("email")} error={error("email")} />
            <TextField id="person-phone" label={t("fields.phone")} type="tel" dir="ltr" value={values.phone} onChange={set("phone")} error={error("phone")} hint={t("directory.phone_hint")} />
            <SelectField
              id="person-preferredLanguage"
              label={t("fields.preferredLanguage")}
              value={values.preferredLanguage}
              onChange={set("preferredLanguage")}
              options={LOCALES.map((l) => ({ value: l, label: t(`common.languages.${l}`) }))}
              error={error("preferredLanguage")}
              required
            />
          </div>
        </fieldset>

        <VisibilityField
          id="person-visibility"
          value={values.visibility}
          onChange={set("visibility")}
          error={error("visibility")}
          share={{
            groups,
            loadError: orgKey && !orgData ? organisation.error : null,
            onRetry: organisation.reload,
            value: shareGroupId,
            onChange: set("shareGroupId"),
            error: error("shareGroupId"),
            unavailable: orgData && groups?.length === 0 ? t("directory.share_group_no_groups") : undefined,
          }}
        />

        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={action.pending} aria-busy={action.pending || undefined}>
            {action.pending ? t("common.saving") : existing ? t("common.save_changes") : t("directory.create_person")}
          </button>
          <Link to={existing ? `/directory/people/${encodeURIComponent(existing.id)}` : "/directory/people"} className="button button--secondary">
            {t("common.cancel")}
          </Link>
        </div>
      </form>
    </>
  );
}

/** /directory/people/new and /directory/people/:id/edit */
export function PersonFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useMe();
  const existing = useApi<Person>(id ? `/api/people/${encodeURIComponent(id)}` : null);
  usePageTitle(id ? t("directory.edit_person") : t("directory.new_person"));

  if (!id) return me.can.createPerson ? <PersonForm /> : <Forbidden />;
  if (existing.error?.code === "FORBIDDEN") return <Forbidden />;
  if (existing.error) return <ErrorState error={existing.error} onRetry={existing.reload} />;
  if (!existing.data) return <Loading />;
  if (!existing.data.abilities?.update) return <Forbidden />;
  return <PersonForm key={existing.data.id} existing={existing.data} />;
}
