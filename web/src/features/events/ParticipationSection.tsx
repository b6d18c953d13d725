import { Fragment, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client.js";
import { useAction, useApi } from "../../api/useApi.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { RadioGroupField, SelectField, TextField } from "../../components/Field.js";
import { Badge, EmptyState, ErrorState, FormErrors, Loading, StatusMessage } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName, usePickLocal } from "../../components/format.js";
import { useAllOrganisations, useGroups } from "../directory/useDirectoryData.js";
import { DelegationForm } from "./DelegationForm.js";
import type { EventRecord, Participation, ParticipationList } from "./types.js";

const STATUS_TONE = { invited: "info", accepted: "success", declined: "danger" } as const;

/** Invite organisations one by one or a whole group (e.g. the GCC Hajj-affairs offices). */
function InviteForm({ eventId, withQuota, onInvited }: { eventId: string; withQuota: boolean; onInvited(list: ParticipationList): void }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const localName = useLocalName();
  const groups = useGroups();
  const organisations = useAllOrganisations();
  const action = useAction();
  const [by, setBy] = useState<"group" | "organisation">("group");
  const [choice, setChoice] = useState("");
  const [added, setAdded] = useState<number | null>(null);
  const [quota, setQuota] = useState("");
  const [quotaError, setQuotaError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!choice) return;
    setAdded(null);
    const seats = quota.trim();
    const badQuota = withQuota && seats !== "" && (!/^\d+$/.test(seats) || Number(seats) < 1 || Number(seats) > 10000);
    setQuotaError(badQuota ? t("validation.too_small", { field: t("events.quota"), limit: n(1) }) : null);
    if (badQuota) return;
    const body = {
      ...(by === "group" ? { groupCodes: [choice] } : { organisationIds: [choice] }),
      ...(withQuota && seats ? { quota: Number(seats) } : {}),
    };
    const result = await action.run(() => api.post<ParticipationList & { added: number }>(`/api/events/${encodeURIComponent(eventId)}/invitations`, body));
    if (result.ok) {
      setAdded(result.value.added);
      setChoice("");
      onInvited(result.value);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="invite-title">
      <h3 id="invite-title" className="section-title">
        {t("events.invite_title")}
      </h3>
      <FormErrors error={action.error} shownFields={["quota"]} localMessage={quotaError ? t("errors.VALIDATION_FAILED") : null} />
      <StatusMessage>{added !== null ? t("events.invited_count", { count: added, n: n(added) }) : null}</StatusMessage>
      <RadioGroupField
        id="invite-by"
        legend={t("events.invite_by")}
        value={by}
        onChange={(value) => {
          setBy(value as "group" | "organisation");
          setChoice("");
        }}
        options={[
          { value: "group", label: t("events.invite_by_group") },
          { value: "organisation", label: t("events.invite_one") },
        ]}
      />
      {by === "group" ? (
        <SelectField
          id="invite-group"
          label={t("fields.group")}
          value={choice}
          onChange={setChoice}
          options={groups.items.map((g) => ({ value: g.code, label: localName(g) }))}
          placeholder={groups.loading ? t("common.loading") : t("common.choose")}
          required
        />
      ) : (
        <SelectField
          id="invite-organisation"
          label={t("fields.organisation")}
          value={choice}
          onChange={setChoice}
          options={organisations.items.map((o) => ({ value: o.id, label: localName(o) }))}
          placeholder={organisations.loading ? t("common.loading") : t("common.choose")}
          required
        />
      )}
      {withQuota && (
        <TextField
          id="invite-quota"
          label={t("events.quota_optional")}
          hint={t("events.quota_hint")}
          inputMode="numeric"
          dir="ltr"
          className="field--narrow"
          value={quota}
          onChange={(value) => {
            setQuota(value);
            setQuotaError(null);
          }}
          error={quotaError ?? action.fieldError("quota")}
        />
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.pending || !choice}>
          {action.pending ? t("common.working") : t("events.invite_button")}
        </button>
      </div>
    </form>
  );
}

function DelegationList({ item }: { item: Participation }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const pick = usePickLocal();
  if (item.delegation.length === 0) return <span className="row-secondary-inline">{t("events.no_delegation")}</span>;
  const ordered = [...item.delegation].sort((a, b) => Number(b.isLeader) - Number(a.isLeader));
  return (
    <ul className="delegation-list">
      {ordered.map((d) => (
        <li key={d.id}>
          <Link to={`/directory/people/${encodeURIComponent(d.id)}`}>{localName(d)}</Link>
          {pick(d.titleAr, d.titleEn) && <span className="row-secondary-inline">{` ${t("common.list_separator")}${pick(d.titleAr, d.titleEn)}`}</span>}
          {d.isLeader && (
            <>
              {" "}
              <Badge tone="success">{t("events.head_of_delegation")}</Badge>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Invited organisations, their answers and delegations; inviting, nominating and declining. */
export function ParticipationSection({ event }: { event: EventRecord }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const n = useFormatNumber();
  const resource = useApi<ParticipationList>(`/api/events/${encodeURIComponent(event.id)}/invitations`);
  const [nominating, setNominating] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const decline = useAction();
  const withdraw = useAction();
  const [withdrawing, setWithdrawing] = useState<Participation | null>(null);
  // Declining speaks for another organisation: always asked for first.
  const [declining, setDeclining] = useState<Participation | null>(null);
  const data = resource.data;

  // Those who may neither see nor manage participation just don't get the section.
  if (resource.error?.code === "FORBIDDEN") return null;

  async function onDecline() {
    if (!declining) return;
    const item = declining;
    setDeclining(null);
    setMessage(null);
    const result = await decline.run(() =>
      api.post<ParticipationList>(`/api/events/${encodeURIComponent(event.id)}/invitations/${encodeURIComponent(item.organisation.id)}/decline`),
    );
    if (result.ok) {
      resource.setData(result.value);
      setMessage(t("events.declined_done"));
    }
  }

  async function onWithdraw() {
    if (!withdrawing) return;
    const item = withdrawing;
    setMessage(null);
    const result = await withdraw.run(() => api.delete(`/api/events/${encodeURIComponent(event.id)}/invitations/${encodeURIComponent(item.organisation.id)}`));
    setWithdrawing(null);
    if (result.ok) {
      if (data) resource.setData({ ...data, items: data.items.filter((i) => i.id !== item.id) });
      setMessage(t("events.withdrawn_done", { name: localName(item.organisation) }));
    }
  }

  const isOpen = event.registration === "open";
  return (
    <section className="card" aria-labelledby="event-invitations-title">
      <h2 id="event-invitations-title" className="card-title">
        {isOpen ? t("events.quotas_title") : t("events.invitations_title")}
      </h2>
      {isOpen && <p className="card-text">{t("events.quotas_intro")}</p>}
      <StatusMessage>{message}</StatusMessage>
      <FormErrors error={decline.error} />
      <FormErrors error={withdraw.error} />
      {resource.error && <ErrorState error={resource.error} onRetry={resource.reload} />}
      {!data && resource.loading && <Loading />}
      {data && data.items.length === 0 && <EmptyState>{t("events.no_invitations")}</EmptyState>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table table--cards">
            <caption className="visually-hidden">{t("events.invitations_title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fields.organisation")}</th>
                <th scope="col">{t("common.status")}</th>
                {!isOpen && <th scope="col">{t("events.delegation")}</th>}
                <th scope="col">
                  <span className="visually-hidden">{t("common.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <Fragment key={item.id}>
                  <tr>
                    <th scope="row" data-label={t("fields.organisation")}>
                      <Link to={`/directory/organisations/${encodeURIComponent(item.organisation.code)}`}>{localName(item.organisation)}</Link>
                    </th>
                    <td data-label={t("common.status")}>
                      <Badge tone={STATUS_TONE[item.status as keyof typeof STATUS_TONE] ?? "neutral"}>
                        {t(`events.invitation_statuses.${item.status as "invited"}`)}
                      </Badge>
                      {item.quota !== null && <span className="row-secondary">{t("events.quota_seats", { count: item.quota, n: n(item.quota) })}</span>}
                    </td>
                    {!isOpen && (
                      <td data-label={t("events.delegation")}>
                        <DelegationList item={item} />
                      </td>
                    )}
                    <td className="cell-actions">
                      <div className="button-row">
                        {item.abilities.nominate && !isOpen && (
                          <button
                            type="button"
                            className="button button--primary button--small"
                            aria-expanded={nominating === item.id}
                            onClick={() => {
                              setMessage(null);
                              setNominating(nominating === item.id ? null : item.id);
                            }}
                          >
                            {t("events.nominate")}
                          </button>
                        )}
                        {item.abilities.nominate && item.status !== "declined" && (
                          <button type="button" className="button button--danger-outline button--small" disabled={decline.pending} onClick={() => setDeclining(item)}>
                            {t("events.decline")}
                          </button>
                        )}
                        {data.abilities.invite && (
                          <button
                            type="button"
                            className="button button--ghost button--small"
                            aria-label={t("events.withdraw_named", { name: localName(item.organisation) })}
                            onClick={() => {
                              setMessage(null);
                              setWithdrawing(item);
                            }}
                          >
                            {t("events.withdraw")}
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                  {nominating === item.id && (
                    <tr>
                      <td colSpan={isOpen ? 3 : 4}>
                        <DelegationForm
                          eventId={event.id}
                          participation={item}
                          onCancel={() => setNominating(null)}
                          onSaved={(list) => {
                            resource.setData(list);
                            setNominating(null);
                            setMessage(t("events.delegation_saved"));
                          }}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data?.abilities.invite && <InviteForm eventId={event.id} withQuota={isOpen} onInvited={resource.setData} />}
      <ConfirmDialog
        open={declining !== null}
        title={t("events.decline_title", { name: declining ? localName(declining.organisation) : "" })}
        confirmLabel={t("events.decline")}
        danger
        pending={decline.pending}
        onConfirm={() => void onDecline()}
        onCancel={() => setDeclining(null)}
      >
        <p>{t("events.decline_body")}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={withdrawing !== null}
        title={t("events.withdraw_title", { name: withdrawing ? localName(withdrawing.organisation) : "" })}
        confirmLabel={t("events.withdraw")}
        danger
        pending={withdraw.pending}
        onConfirm={() => void onWithdraw()}
        onCancel={() => setWithdrawing(null)}
      >
        <p>{t("events.withdraw_body")}</p>
      </ConfirmDialog>
    </section>
  );
}
