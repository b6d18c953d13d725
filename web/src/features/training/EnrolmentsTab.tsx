import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { useAction, useApi } from "../../api/useApi.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { DataTable } from "../../components/DataTable.js";
import { DateTime } from "../../components/DateTime.js";
import { SelectField } from "../../components/Field.js";
import { Badge, FormErrors, StatusMessage } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName } from "../../components/format.js";
import { ListResults } from "../../components/ListResults.js";
import { useListState } from "../../components/useListState.js";
import { PersonPicker } from "../events/PersonPicker.js";
import { useCountryName } from "../library/LibraryBits.js";
import { EnrolmentImport } from "./EnrolmentImport.js";
import type { ProgrammeTabProps } from "./types.js";
import { programmeApi, type Enrolment, type EnrolmentList } from "./useTraining.js";

const PAGE_SIZE = 50;
const STATUSES = ["enrolled", "withdrawn", "all"] as const;
type EnrolmentStatus = (typeof STATUSES)[number];

/** Enrol one person of the directory (an admin: his own organisation's people; managers: anyone). */
function EnrolPersonForm({ programmeId, onEnrolled }: { programmeId: string; onEnrolled(name: string): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const [personId, setPersonId] = useState("");
  const [personLabel, setPersonLabel] = useState("");
  const [local, setLocal] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!personId) return setLocal(t("validation.required", { field: t("training.programme.enrolments.person") }));
    setLocal(null);
    const result = await action.run(() => api.post<Enrolment>(`${programmeApi(programmeId)}/enrolments`, { personId }));
    if (result.ok) {
      onEnrolled(personLabel);
      setPersonId("");
      setPersonLabel("");
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form enrol-person-form" aria-labelledby="enrol-person-title">
      <h3 id="enrol-person-title" className="section-title">
        {t("training.programme.enrolments.enrol_person")}
      </h3>
      <FormErrors error={action.error} shownFields={["personId"]} localMessage={local ? t("errors.VALIDATION_FAILED") : null} />
      <PersonPicker
        id="enrol-person"
        label={t("training.programme.enrolments.person")}
        value={personId}
        chosenLabel={personLabel}
        onChange={(id, name) => {
          setPersonId(id);
          setPersonLabel(name);
          setLocal(null);
        }}
        error={local ?? action.fieldError("personId")}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary button--small" disabled={action.pending} aria-busy={action.pending || undefined}>
          {action.pending ? t("common.working") : t("training.programme.enrolments.enrol")}
        </button>
      </div>
    </form>
  );
}

/**
 * The enrolments tab (programme managers and organisation admins): the trainees — all of them, or
 * the admin's own staff — with their names in both languages, organisation, country, email, how
 * they were enrolled and whether they have an account; enrol one person; withdraw one; import a file.
 */
export function EnrolmentsTab({ programme, onChanged }: ProgrammeTabProps) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const localName = useLocalName();
  const countryName = useCountryName();
  const withdrawAction = useAction();
  const { filters, setFilter, search, setSearch, page, setPage } = useListState({ q: "", organisation: "", status: "enrolled" as EnrolmentStatus });
  const { q, organisation, status } = filters;
  const [withdrawing, setWithdrawing] = useState<Enrolment | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const list = useApi<EnrolmentList>(`${programmeApi(programme.id)}/enrolments`, { q: q || undefined, organisation: organisation || undefined, status, page, pageSize: PAGE_SIZE });
  const data = list.data;

  function changed(message: string) {
    setDone(message);
    list.reload();
    onChanged();
  }

  async function withdraw() {
    if (!withdrawing) return;
    const result = await withdrawAction.run(() => api.delete(`/api/training/enrolments/${encodeURIComponent(withdrawing.id)}`));
    if (result.ok) changed(t("training.programme.enrolments.withdrawn_done", { name: localName(withdrawing.person) }));
    setWithdrawing(null);
  }

  return (
    <div className="training-enrolments">
      <section className="card" aria-labelledby="enrolments-title">
        <h2 id="enrolments-title" className="card-title">
          {t("training.programme.enrolments.title")}
        </h2>
        {data && <p className="card-meta">{data.scope === "own" ? t("training.programme.enrolments.scope_own") : t("training.programme.enrolments.scope_all")}</p>}
        <StatusMessage>{done}</StatusMessage>
        <form role="search" className="filters" onSubmit={(e) => e.preventDefault()}>
          <div className="field filters-search">
            <label htmlFor="enrolments-q" className="field-label">
              {t("training.programme.enrolments.search")}
            </label>
            <input
              id="enrolments-q"
              type="search"
              className="input"
              dir="auto"
              autoComplete="off"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
          {data && data.scope === "all" && (
            <SelectField
              id="enrolments-organisation"
              label={t("training.programme.enrolments.organisation")}
              value={organisation}
              onChange={(value) => setFilter("organisation", value)}
              placeholder={t("training.programme.enrolments.all_organisations")}
              options={data.organisations.map((o) => ({ value: o.code, label: localName(o) }))}
            />
          )}
          <SelectField
            id="enrolments-status"
            label={t("training.programme.enrolments.status")}
            value={status}
            onChange={(value) => setFilter("status", value as EnrolmentStatus)}
            options={STATUSES.map((s) => ({ value: s, label: t(`training.programme.enrolments.statuses.${s}`) }))}
          />
        </form>
        <div className="list-status" role="status" aria-live="polite">
          {data && <p className="result-count">{t("training.programme.enrolments.count", { count: data.total, n: n(data.total) })}</p>}
        </div>
        <FormErrors error={withdrawAction.error} />
        <ListResults result={list} empty={t("training.programme.enrolments.none")} onPage={setPage}>
          {(items, isStale) => (
            <DataTable
              className="table table--cards enrolments-table"
              caption={t("training.programme.enrolments.title")}
              columns={[
                t("training.programme.enrolments.name"),
                t("training.programme.enrolments.organisation"),
                t("training.programme.enrolments.email"),
                t("training.programme.enrolments.source"),
                t("training.programme.enrolments.account"),
                t("training.programme.enrolments.date"),
                { label: t("training.programme.enrolments.actions"), hidden: true },
              ]}
              isStale={isStale}
            >
              {items.map((e) => (
                <tr key={e.id}>
                  <th scope="row" data-label={t("training.programme.enrolments.name")}>
                    <span lang="ar" dir="rtl">
                      {e.person.nameAr}
                    </span>
                    <span className="row-secondary" lang="en" dir="ltr">
                      {e.person.nameEn}
                    </span>
                    {e.status === "withdrawn" && <Badge tone="warning">{t("training.programme.enrolments.statuses.withdrawn")}</Badge>}
                  </th>
                  <td data-label={t("training.programme.enrolments.organisation")}>
                    {localName(e.organisation)}
                    {e.organisation.country && <span className="row-secondary">{countryName(e.organisation.country)}</span>}
                  </td>
                  <td data-label={t("training.programme.enrolments.email")}>{e.person.email ? <span dir="ltr">{e.person.email}</span> : "—"}</td>
                  <td data-label={t("training.programme.enrolments.source")}>{t(`training.programme.enrolments.sources.${e.source}`)}</td>
                  <td data-label={t("training.programme.enrolments.account")}>
                    {e.hasAccount ? <Badge tone="success">{t("training.programme.enrolments.has_account")}</Badge> : <Badge tone="neutral">{t("training.programme.enrolments.no_account")}</Badge>}
                  </td>
                  <td data-label={t("training.programme.enrolments.date")}>
                    <DateTime value={e.status === "withdrawn" && e.withdrawnAt ? e.withdrawnAt : e.updatedAt} />
                  </td>
                  <td className="cell-actions">
                    {e.abilities.withdraw && (
                      <button type="button" className="button button--danger-outline button--small" onClick={() => setWithdrawing(e)} aria-label={`${t("training.programme.enrolments.withdraw")}: ${localName(e.person)}`}>
                        {t("training.programme.enrolments.withdraw")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </ListResults>
        {!programme.archivedAt && <EnrolPersonForm programmeId={programme.id} onEnrolled={(name) => changed(t("training.programme.enrolments.enrolled_done", { name }))} />}
      </section>
      {!programme.archivedAt && <EnrolmentImport programme={programme} onImported={() => { list.reload(); onChanged(); }} />}
      <ConfirmDialog
        open={withdrawing !== null}
        title={t("training.programme.enrolments.withdraw_title")}
        confirmLabel={t("training.programme.enrolments.withdraw")}
        danger
        pending={withdrawAction.pending}
        onConfirm={() => void withdraw()}
        onCancel={() => setWithdrawing(null)}
      >
        <p>{withdrawing ? t("training.programme.enrolments.withdraw_body", { name: localName(withdrawing.person) }) : null}</p>
      </ConfirmDialog>
    </div>
  );
}
