import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ORGANISATION_KINDS } from "../../../../common/roles.js";
import { api } from "../../api/client.js";
import type { Organisation } from "../../api/types.js";
import { useAction, useApi } from "../../api/useApi.js";
import { Forbidden } from "../../app/StatusPages.js";
import { useMe } from "../../app/useSession.js";
import { SelectField, TextAreaField, TextField } from "../../components/Field.js";
import { ErrorState, FormErrors, Loading } from "../../components/Feedback.js";
import { useLocalName } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { changedBody, createBody, missingFields, toFormValues, withoutMessage, type FormValues } from "./formValues.js";
import { invalidateDirectoryCache, useCountries } from "./useDirectoryData.js";
import { currentShareGroup, valuesToSend, VisibilityField } from "./VisibilityField.js";

const KEYS = ["nameAr", "nameEn", "code", "kind", "country", "cityAr", "cityEn", "email", "phone", "website", "addressAr", "addressEn", "visibility"] as const;
const REQUIRED = ["nameAr", "nameEn", "code", "kind", "visibility"] as const;

function OrganisationForm({ existing }: { existing?: Organisation }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const localName = useLocalName();
  const countries = useCountries();
  const [initial] = useState<FormValues>(() => ({
    ...toFormValues(existing, KEYS, { kind: "hajj_mission", visibility: "members" }),
    shareGroupId: existing?.shareGroup?.id ?? "",
  }));
  const [values, setValues] = useState<FormValues>(initial);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const action = useAction();
  const set = (key: string) => (value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    // A "… is required" message goes as soon as the field is filled in.
    if (value.trim()) setMissing((m) => withoutMessage(m, key));
  };
  const error = (key: string) => missing[key] ?? action.fieldError(key);
  // The code and the kind are structural: only coordinators change them (the server refuses others).
  const canRestructure = !existing || me.can.createOrganisation;
  // A new organisation belongs to no group yet, so it can only be shared with one later.
  const groups = existing ? (existing.groups ?? []) : [];
  const shareGroupId = currentShareGroup(values, groups);
  const isGroupShared = values.visibility === "group";

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const required = (key: string) => t("validation.required", { field: t(`fields.${key}` as "fields.name") });
    const local = missingFields(values, REQUIRED, required);
    if (isGroupShared && !shareGroupId) local.shareGroupId = required("shareGroupId");
    setMissing(local);
    if (Object.keys(local).length > 0) return;
    const sent = valuesToSend(initial, values, shareGroupId);
    const result = existing
      ? await action.run(() => api.patch<Organisation>(`/api/organisations/${encodeURIComponent(existing.id)}`, changedBody(initial, sent)))
      : await action.run(() => api.post<Organisation>("/api/organisations", { country: null, ...createBody(sent) }));
    if (result.ok) {
      invalidateDirectoryCache();
      const code = result.value?.code ?? values.code.trim();
      navigate(`/directory/organisations/${encodeURIComponent(code)}`);
    }
  }

  const title = existing ? t("directory.edit_organisation") : t("directory.new_organisation");

  return (
    <>
      <PageHeader
        crumbs={[
          { label: t("directory.organisations_title"), to: "/directory/organisations" },
          ...(existing ? [{ label: localName(existing), to: `/directory/organisations/${encodeURIComponent(existing.code)}` }] : []),
        ]}
        title={title}
        subtitle={existing ? localName(existing) : undefined}
      />
      <form onSubmit={onSubmit} noValidate className="form form--wide">
        <p className="form-note">{t("common.required_note")}</p>
        <FormErrors error={action.error} shownFields={isGroupShared ? [...KEYS, "shareGroupId"] : [...KEYS]} localMessage={Object.keys(missing).length > 0 ? t("errors.VALIDATION_FAILED") : null} />

        <fieldset className="form-section">
          <legend>{t("directory.section_identity")}</legend>
          <div className="form-grid">
            <TextField id="org-nameAr" label={t("fields.nameAr")} dir="rtl" lang="ar" value={values.nameAr} onChange={set("nameAr")} error={error("nameAr")} required />
            <TextField id="org-nameEn" label={t("fields.nameEn")} dir="ltr" lang="en" value={values.nameEn} onChange={set("nameEn")} error={error("nameEn")} required />
            {canRestructure ? (
              <>
                <TextField
                  id="org-code"
                  label={t("fields.code")}
                  dir="ltr"
                  value={values.code}
                  onChange={(v) => set("code")(v.toLowerCase())}
                  error={error("code")}
                  hint={t("directory.code_hint")}
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                />
                <SelectField
                  id="org-kind"
                  label={t("fields.kind")}
                  value={values.kind}
                  onChange={set("kind")}
                  options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`directory.kinds.${k}`) }))}
                  error={error("kind")}
                  required
                />
              </>
            ) : (
              <>
                <TextField id="org-code" label={t("fields.code")} dir="ltr" value={values.code} onChange={() => undefined} hint={t("directory.coordinators_only")} readOnly />
                <TextField
                  id="org-kind"
                  label={t("fields.kind")}
                  value={t(`directory.kinds.${values.kind as Organisation["kind"]}`)}
                  onChange={() => undefined}
                  hint={t("directory.coordinators_only")}
                  readOnly
                />
              </>
            )}
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t("directory.section_location")}</legend>
          <div className="form-grid">
            <SelectField
              id="org-country"
              label={t("fields.country")}
              value={values.country}
              onChange={set("country")}
              placeholder={t("directory.no_country")}
              options={countries.items.map((c) => ({ value: c.code, label: localName(c) }))}
              error={error("country")}
              className="form-grid-full"
            />
            <TextField id="org-cityAr" label={t("fields.cityAr")} dir="rtl" lang="ar" value={values.cityAr} onChange={set("cityAr")} error={error("cityAr")} />
            <TextField id="org-cityEn" label={t("fields.cityEn")} dir="ltr" lang="en" value={values.cityEn} onChange={set("cityEn")} error={error("cityEn")} />
            <TextAreaField id="org-addressAr" label={t("fields.addressAr")} dir="rtl" lang="ar" value={values.addressAr} onChange={set("addressAr")} error={error("addressAr")} />
            <TextAreaField id="org-addressEn" label={t("fields.addressEn")} dir="ltr" lang="en" value={values.addressEn} onChange={set("addressEn")} error={error("addressEn")} />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t("directory.contact")}</legend>
          <div className="form-grid">
            <TextField id="org-email" label={t("fields.email")} type="email" dir="ltr" autoComplete="off" value={values.email} onChange={set("email")} error={error("email")} />
            <TextField id="org-phone" label={t("fields.phone")} type="tel" dir="ltr" value={values.phone} onChange={set("phone")} error={error("phone")} hint={t("directory.phone_hint")} />
            <TextField
              id="org-website"
              label={t("fields.website")}
              type="url"
              dir="ltr"
              value={values.website}
              onChange={set("website")}
              error={error("website")}
              placeholder="https://"
              className="form-grid-full"
            />
          </div>
        </fieldset>

        <VisibilityField
          id="org-visibility"
          value={values.visibility}
          onChange={set("visibility")}
          error={error("visibility")}
          share={{
            groups,
            value: shareGroupId,
            onChange: set("shareGroupId"),
            error: error("shareGroupId"),
            unavailable: groups.length > 0 ? undefined : existing ? t("directory.share_group_no_groups") : t("directory.share_group_new_organisation"),
          }}
        />

        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={action.pending} aria-busy={action.pending || undefined}>
            {action.pending ? t("common.saving") : existing ? t("common.save_changes") : t("directory.create_organisation")}
          </button>
          <Link to={existing ? `/directory/organisations/${encodeURIComponent(existing.code)}` : "/directory/organisations"} className="button button--secondary">
            {t("common.cancel")}
          </Link>
        </div>
      </form>
    </>
  );
}

/** /directory/organisations/new and /directory/organisations/:code/edit */
export function OrganisationFormPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const me = useMe();
  const existing = useApi<Organisation>(code ? `/api/organisations/${encodeURIComponent(code)}` : null);
  usePageTitle(code ? t("directory.edit_organisation") : t("directory.new_organisation"));

  if (!code) return me.can.createOrganisation ? <OrganisationForm /> : <Forbidden />;
  if (existing.error?.code === "FORBIDDEN") return <Forbidden />;
  if (existing.error) return <ErrorState error={existing.error} onRetry={existing.reload} />;
  if (!existing.data) return <Loading />;
  if (!existing.data.abilities?.update) return <Forbidden />;
  return <OrganisationForm key={existing.data.id} existing={existing.data} />;
}
