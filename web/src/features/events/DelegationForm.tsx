import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { useAction } from "../../api/useApi.js";
import { CheckboxField, SelectField } from "../../components/Field.js";
import { FormErrors, Loading } from "../../components/Feedback.js";
import { useLocalName, usePickLocal } from "../../components/format.js";
import type { Participation, ParticipationList } from "./types.js";
import { usePeopleOf } from "./useEventsData.js";

/**
 * Nominate an invited organisation's delegation: a leader (who need not be the
 * head of the office) and members, chosen among the people of that organisation.
 */
export function DelegationForm({
  eventId,
  participation,
  onSaved,
  onCancel,
}: {
  eventId: string;
  participation: Participation;
  onSaved(list: ParticipationList): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const pick = usePickLocal();
  const people = usePeopleOf(participation.organisation.code);
  const action = useAction();
  const [leaderId, setLeaderId] = useState(participation.delegation.find((d) => d.isLeader)?.id ?? "");
  const [memberIds, setMemberIds] = useState<string[]>(participation.delegation.filter((d) => !d.isLeader).map((d) => d.id));
  const [missing, setMissing] = useState<string | null>(null);
  const prefix = `delegation-${participation.organisation.id}`;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!leaderId) {
      setMissing(t("validation.required", { field: t("events.head_of_delegation") }));
      return;
    }
    setMissing(null);
    const body = { leaderId, memberIds: memberIds.filter((id) => id !== leaderId) };
    const result = await action.run(() =>
      api.put<ParticipationList>(`/api/events/${encodeURIComponent(eventId)}/delegations/${encodeURIComponent(participation.organisation.id)}`, body),
    );
    if (result.ok) onSaved(result.value);
  }

  if (people.loading) return <Loading />;
  const items = people.items ?? [];
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label={`${t("events.nominate")}: ${localName(participation.organisation)}`}>
      <FormErrors error={action.error} shownFields={["leaderId", "memberIds"]} />
      {items.length === 0 ? (
        <p className="card-text">{t("events.no_people")}</p>
      ) : (
        <>
          <SelectField
            id={`${prefix}-leader`}
            label={t("events.head_of_delegation")}
            value={leaderId}
            onChange={(value) => {
              setLeaderId(value);
              if (value) setMissing(null);
            }}
            options={items.map((p) => ({ value: p.id, label: [localName(p), pick(p.titleAr, p.titleEn)].filter(Boolean).join(" — ") }))}
            placeholder={t("common.choose")}
            error={missing ?? action.fieldError("leaderId")}
            required
          />
          <fieldset className="field fieldset">
            <legend className="field-label">{t("events.delegation_members")}</legend>
            <div className="checkbox-list">
              {items
                .filter((p) => p.id !== leaderId)
                .map((p) => (
                  <CheckboxField
                    key={p.id}
                    id={`${prefix}-member-${p.id}`}
                    label={[localName(p), pick(p.titleAr, p.titleEn)].filter(Boolean).join(" — ")}
                    checked={memberIds.includes(p.id)}
                    onChange={(checked) => setMemberIds((ids) => (checked ? [...ids, p.id] : ids.filter((id) => id !== p.id)))}
                  />
                ))}
            </div>
            {action.fieldError("memberIds") && <p className="field-error">{action.fieldError("memberIds")}</p>}
          </fieldset>
        </>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.pending || items.length === 0}>
          {action.pending ? t("common.saving") : t("events.save_delegation")}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
