import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CERTIFICATE_STATUSES } from "../../../../common/training.js";
import { api } from "../../api/client.js";
import { useAction, useApi } from "../../api/useApi.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { DataTable } from "../../components/DataTable.js";
import { CivilDateText, DateTime } from "../../components/DateTime.js";
import { Badge, EmptyState, FormErrors, StatusMessage } from "../../components/Feedback.js";
import { SelectField, TextAreaField, TextField } from "../../components/Field.js";
import { useFormatNumber, useLocalName, useOtherLanguage, usePickLocal } from "../../components/format.js";
import { ListResults } from "../../components/ListResults.js";
import { useListState } from "../../components/useListState.js";
import { resultsApi, type CertificateItem, type CertificateList, type IssueResult } from "./ResultsTypes.js";
import type { ProgrammeTabProps } from "./types.js";
import "./ProgressPanel.css";

/** The longest revocation reason (the server's limit). */
const REASON_MAX = 500;

/** Revoke one certificate: a reason is required (the trainee receives it). */
function RevokeDialog({ certificate, onDone, onCancel }: { certificate: CertificateItem | null; onDone(c: CertificateItem): void; onCancel(): void }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const localName = useLocalName();
  const action = useAction();
  const [reason, setReason] = useState("");
  function close() {
    setReason("");
    action.clear();
    onCancel();
  }
  async function confirm() {
    if (!certificate) return;
    const result = await action.run(() => api.post(resultsApi.revoke(certificate.id), { reason }));
    if (result.ok) {
      setReason("");
      onDone(certificate);
    }
  }
  return (
    <ConfirmDialog
      open={certificate !== null}
      title={certificate ? t("training.results.certificates.revoke_title", { code: certificate.code }) : ""}
      confirmLabel={t("training.results.certificates.revoke")}
      danger
      pending={action.pending}
      onConfirm={() => void confirm()}
      onCancel={close}
    >
      {certificate && <p>{t("training.results.certificates.revoke_body", { name: localName(certificate) })}</p>}
      <FormErrors error={action.error} shownFields={["reason"]} />
      <TextAreaField
        id="revoke-reason"
        label={t("training.results.certificates.reason")}
        hint={t("training.results.certificates.reason_hint", { max: n(REASON_MAX) })}
        value={reason}
        onChange={setReason}
        maxLength={REASON_MAX}
        required
        dir="auto"
        error={action.fieldError("reason")}
      />
    </ConfirmDialog>
  );
}

/**
 * The certificates tab (the programme's managers): issue a certificate to every complete trainee,
 * list them with their code and state, download each PDF, revoke one with a reason, and download
 * all of a workshop's as one ZIP.
 */
export function CertificatesTab({ programme }: ProgrammeTabProps) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const localName = useLocalName();
  const other = useOtherLanguage();
  const pick = usePickLocal();
  const { filters, setFilter, search, setSearch, page, setPage } = useListState({ q: "", status: "" });
  const { q, status } = filters;
  const list = useApi<CertificateList>(resultsApi.certificates(programme.id), { status: status || undefined, q: q || undefined, page: page > 1 ? page : undefined });
  const issue = useAction();
  const [issued, setIssued] = useState<IssueResult | null>(null);
  const [revoking, setRevoking] = useState<CertificateItem | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const data = list.data;

  async function issueAll() {
    setMessage(null);
    const result = await issue.run(() => api.post<IssueResult>(resultsApi.issueAll(programme.id)));
    if (result.ok) {
      setIssued(result.value);
      list.reload();
    }
  }

  return (
    <div className="results-tab">
      <section className="card" aria-labelledby="certificates-title">
        <h2 id="certificates-title" className="card-title">
          {t("training.results.certificates.title")}
        </h2>
        <p className="card-text">{t("training.results.certificates.intro")}</p>
        {data?.can.issue && (
          <div className="results-actions">
            <button type="button" className="button button--primary" disabled={issue.pending} aria-busy={issue.pending || undefined} onClick={() => void issueAll()}>
              {issue.pending ? t("common.working") : t("training.results.certificates.issue_all")}
            </button>
          </div>
        )}
        <FormErrors error={issue.error} />
        <StatusMessage>
          {message ??
            (issued && (
              <>
                {t("training.results.certificates.issued", { count: issued.issued, n: n(issued.issued) })}{" "}
                {t("training.results.certificates.already", { count: issued.alreadyIssued, n: n(issued.alreadyIssued) })}{" "}
                {t("training.results.certificates.not_complete", { count: issued.notComplete, n: n(issued.notComplete) })}
              </>
            ))}
        </StatusMessage>

        <form role="search" className="results-filters" aria-label={t("training.results.certificates.title")} onSubmit={(e) => e.preventDefault()}>
          <TextField id="certificates-q" type="search" label={t("training.results.certificates.search")} value={search} onChange={setSearch} />
          <SelectField
            id="certificates-status"
            label={t("training.results.certificates.filter_status")}
            value={status}
            onChange={(v) => setFilter("status", v)}
            placeholder={t("training.results.certificates.all_statuses")}
            options={CERTIFICATE_STATUSES.map((s) => ({ value: s, label: t(`training.results.certificate_status.${s}`) }))}
          />
        </form>

        <ListResults result={list} empty={status || q ? t("training.results.certificates.none_match") : t("training.results.certificates.none")} onPage={setPage}>
          {(items) => (
            <DataTable
              className="table results-table"
              columns={[
                t("training.results.certificates.col_code"),
                t("training.results.certificates.col_name"),
                t("training.results.certificates.col_organisation"),
                t("training.results.certificates.col_completed"),
                t("training.results.certificates.col_status"),
                t("training.results.certificates.col_actions"),
              ]}
            >
              {items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <bdi dir="ltr" className="certificate-code">
                      {c.code}
                    </bdi>
                  </td>
                  <th scope="row">
                    <span dir="auto">{localName(c)}</span>
                    <span className="row-secondary" lang={other} dir="auto">
                      {localName(c, "other")}
                    </span>
                  </th>
                  <td>{localName(c.organisation)}</td>
                  <td>
                    <CivilDateText value={c.completedOn} />
                  </td>
                  <td>
                    <Badge tone={c.status === "valid" ? "success" : "danger"}>{t(`training.results.certificate_status.${c.status}`)}</Badge>
                    {c.revokedAt && (
                      <span className="row-secondary">
                        {t("training.results.certificates.revoked_on")} <DateTime value={c.revokedAt} />
                      </span>
                    )}
                    {c.revokeReason && (
                      <span className="row-secondary" dir="auto">
                        {c.revokeReason}
                      </span>
                    )}
                  </td>
                  <td className="cell-actions">
                    <a className="button button--secondary button--small" href={c.pdfUrl} download aria-label={t("training.results.certificates.download_label", { name: localName(c) })}>
                      {t("training.results.certificates.download")}
                    </a>{" "}
                    {data?.can.revoke && c.status === "valid" && (
                      <button type="button" className="button button--danger-outline button--small" onClick={() => setRevoking(c)}>
                        {t("training.results.certificates.revoke")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </ListResults>
      </section>

      <section className="card" aria-labelledby="certificates-zip-title">
        <h2 id="certificates-zip-title" className="card-title">
          {t("training.results.certificates.zip_title")}
        </h2>
        <p className="card-text">{t("training.results.certificates.zip_intro")}</p>
        {programme.workshops.length === 0 ? (
          <EmptyState>{t("training.results.certificates.no_workshops")}</EmptyState>
        ) : (
          <ul className="certificates-zip">
            {programme.workshops.map((w) => {
              const title = pick(w.titleAr, w.titleEn);
              return (
                <li key={w.id}>
                  <span>
                    <span dir="auto">{title}</span> — <DateTime value={w.startsAt} timeZone={w.timeZone} />
                  </span>
                  <a className="button button--secondary button--small" href={resultsApi.zip(w.id)} download aria-label={t("training.results.certificates.zip_label", { title })}>
                    {t("training.results.certificates.zip_download")}
                  </a>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <RevokeDialog
        certificate={revoking}
        onCancel={() => setRevoking(null)}
        onDone={(c) => {
          setRevoking(null);
          setIssued(null);
          setMessage(t("training.results.certificates.revoked_done", { code: c.code }));
          list.reload();
        }}
      />
    </div>
  );
}
