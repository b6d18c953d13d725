import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { AGENDA_KINDS, SPEAKER_ROLES } from "../../../../common/events.js";
import { api } from "../../api/client.js";
import { useAction } from "../../api/useApi.js";
import { RadioGroupField, SelectField, TextField } from "../../components/Field.js";
import { FormErrors } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName } from "../../components/format.js";
import { PersonPicker } from "./PersonPicker.js";
import type { AgendaItem, EventRecord } from "./types.js";

interface DraftSpeaker {
  key: number;
  type: "person" | "guest";
  personId: string;
  personLabel: string;
  guestNameAr: string;
  guestNameEn: string;
  role: string;
}

interface DraftItem {
  key: number;
  /** The saved item's id (kept on save, with its files); none for a new item. */
  id?: string;
  kind: string;
  titleAr: string;
  titleEn: string;
  startTime: string;
  endTime: string;
  speakers: DraftSpeaker[];
}

let nextKey = 1;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Items as the API wants them: times on the event's day, speakers by person or guest name. */
export function agendaBody(items: DraftItem[], day: string) {
  return {
    items: items.map((item) => ({
      ...(item.id ? { id: item.id } : {}),
      kind: item.kind,
      titleAr: item.titleAr.trim(),
      titleEn: item.titleEn.trim(),
      startsLocal: item.startTime ? `${day}T${item.startTime}` : null,
      endsLocal: item.endTime ? `${day}T${item.endTime}` : null,
      speakers: item.speakers.map((s) =>
        s.type === "person" ? { personId: s.personId, role: s.role } : { guestNameAr: s.guestNameAr.trim() || null, guestNameEn: s.guestNameEn.trim() || null, role: s.role },
      ),
    })),
  };
}

/** Add, remove, reorder and edit agenda items and their speakers; saved as a whole with PUT. */
export function AgendaEditor({
  event,
  items,
  onSaved,
  onCancel,
}: {
  event: EventRecord;
  items: AgendaItem[];
  onSaved(agenda: { items: AgendaItem[] }): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const localName = useLocalName();
  const action = useAction();
  const day = event.startsLocal.slice(0, 10);
  const [draft, setDraft] = useState<DraftItem[]>(() =>
    items.map((item) => ({
      key: nextKey++,
      id: item.id,
      kind: item.kind,
      titleAr: item.titleAr,
      titleEn: item.titleEn,
      startTime: item.startsLocal?.slice(11, 16) ?? "",
      endTime: item.endsLocal?.slice(11, 16) ?? "",
      speakers: item.speakers.map((s) => ({
        key: nextKey++,
        type: s.person ? "person" : "guest",
        personId: s.person?.id ?? "",
        personLabel: s.person ? localName(s.person) : "",
        guestNameAr: s.guestNameAr ?? "",
        guestNameEn: s.guestNameEn ?? "",
        role: s.role,
      })),
    })),
  );
  const [localError, setLocalError] = useState<string | null>(null);

  const change = (index: number, patch: Partial<DraftItem>) => setDraft((d) => d.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const changeSpeaker = (index: number, sIndex: number, patch: Partial<DraftSpeaker>) =>
    change(index, { speakers: draft[index]!.speakers.map((s, j) => (j === sIndex ? { ...s, ...patch } : s)) });
  const move = (index: number, by: number) =>
    setDraft((d) => {
      const next = [...d];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });
  // The service names fields "items.2.endsLocal"; keep the older slash form too.
  const fieldError = (i: number, key: string) => action.fieldError(`items.${i}.${key}`) ?? action.fieldError(`items/${i}/${key}`);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const badTime = draft.some((item) => [item.startTime, item.endTime].some((v) => v !== "" && !TIME.test(v)));
    setLocalError(badTime ? t("events.time_error") : null);
    if (badTime) return;
    const result = await action.run(() => api.put<{ items: AgendaItem[] }>(`/api/events/${encodeURIComponent(event.id)}/agenda`, agendaBody(draft, day)));
    if (result.ok) onSaved(result.value);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form form--wide">
      <FormErrors error={action.error} localMessage={localError} shownFields={draft.flatMap((_, i) => ["titleAr", "titleEn", "startsLocal", "endsLocal"].flatMap((k) => [`items.${i}.${k}`, `items/${i}/${k}`]))} />
      {draft.map((item, i) => (
        <fieldset key={item.key} className="agenda-editor-item">
          <legend>{t("events.item_n", { n: n(i + 1) })}</legend>
          <div className="form-grid">
            <SelectField
              id={`agenda-${item.key}-kind`}
              label={t("events.item_kind")}
              value={item.kind}
              onChange={(kind) => change(i, { kind })}
              options={AGENDA_KINDS.map((k) => ({ value: k, label: t(`events.agenda_kinds.${k}`) }))}
            />
            <div />
            <TextField id={`agenda-${item.key}-titleAr`} label={t("events.title_ar")} dir="rtl" lang="ar" value={item.titleAr} onChange={(titleAr) => change(i, { titleAr })} error={fieldError(i, "titleAr")} required />
            <TextField id={`agenda-${item.key}-titleEn`} label={t("events.title_en")} dir="ltr" lang="en" value={item.titleEn} onChange={(titleEn) => change(i, { titleEn })} error={fieldError(i, "titleEn")} required />
            <TextField id={`agenda-${item.key}-start`} label={t("events.item_starts")} type="time" dir="ltr" value={item.startTime} onChange={(startTime) => change(i, { startTime })} error={fieldError(i, "startsLocal")} />
            <TextField id={`agenda-${item.key}-end`} label={t("events.item_ends")} type="time" dir="ltr" value={item.endTime} onChange={(endTime) => change(i, { endTime })} error={fieldError(i, "endsLocal")} />
          </div>
          {item.speakers.map((s, j) => (
            <div key={s.key} className="speaker-row">
              <RadioGroupField
                id={`speaker-${s.key}-type`}
                legend={t("events.speakers")}
                value={s.type}
                onChange={(type) => changeSpeaker(i, j, { type: type as DraftSpeaker["type"] })}
                options={[
                  { value: "person", label: t("events.speaker_from_directory") },
                  { value: "guest", label: t("events.speaker_guest") },
                ]}
              />
              {s.type === "person" ? (
                <PersonPicker
                  id={`speaker-${s.key}-person`}
                  label={t("events.speaker_person")}
                  value={s.personId}
                  chosenLabel={s.personLabel}
                  onChange={(personId, personLabel) => changeSpeaker(i, j, { personId, personLabel })}
                />
              ) : (
                <>
                  <TextField id={`speaker-${s.key}-ar`} label={t("events.guest_name_ar")} dir="rtl" lang="ar" value={s.guestNameAr} onChange={(guestNameAr) => changeSpeaker(i, j, { guestNameAr })} />
                  <TextField id={`speaker-${s.key}-en`} label={t("events.guest_name_en")} dir="ltr" lang="en" value={s.guestNameEn} onChange={(guestNameEn) => changeSpeaker(i, j, { guestNameEn })} />
                </>
              )}
              <SelectField
                id={`speaker-${s.key}-role`}
                label={t("events.speaker_role")}
                value={s.role}
                onChange={(role) => changeSpeaker(i, j, { role })}
                options={SPEAKER_ROLES.map((r) => ({ value: r, label: t(`events.speaker_roles.${r}`) }))}
              />
              <button type="button" className="button button--link" onClick={() => change(i, { speakers: item.speakers.filter((_, k) => k !== j) })}>
                {t("events.remove_speaker")}
              </button>
            </div>
          ))}
          <div className="button-row">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() =>
                change(i, { speakers: [...item.speakers, { key: nextKey++, type: "person", personId: "", personLabel: "", guestNameAr: "", guestNameEn: "", role: "speaker" }] })
              }
            >
              {t("events.add_speaker")}
            </button>
            <button type="button" className="button button--ghost button--small" disabled={i === 0} onClick={() => move(i, -1)}>
              {t("events.move_up")}
            </button>
            <button type="button" className="button button--ghost button--small" disabled={i === draft.length - 1} onClick={() => move(i, 1)}>
              {t("events.move_down")}
            </button>
            <button type="button" className="button button--danger-outline button--small" onClick={() => setDraft((d) => d.filter((_, k) => k !== i))}>
              {t("events.remove_item")}
            </button>
          </div>
        </fieldset>
      ))}
      <div className="form-actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setDraft((d) => [...d, { key: nextKey++, kind: "item", titleAr: "", titleEn: "", startTime: "", endTime: "", speakers: [] }])}
        >
          {t("events.add_item")}
        </button>
        <button type="submit" className="button button--primary" disabled={action.pending}>
          {action.pending ? t("common.saving") : t("events.save_agenda")}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
