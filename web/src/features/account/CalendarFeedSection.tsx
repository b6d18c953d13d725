import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { useAction } from "../../api/useApi.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { CopyableValue } from "../../components/CopyButton.js";
import { FormErrors, StatusMessage } from "../../components/Feedback.js";

/**
 * A private calendar feed (.ics) of one's events, for Outlook or Google Calendar.
 * The server keeps only a hash of the address, so it is shown once, when created;
 * creating a new one ends the old one (asked first).
 */
export function CalendarFeedSection() {
  const { t } = useTranslation();
  const action = useAction();
  const [url, setUrl] = useState<string | null>(null);
  const [isConfirming, setIsConfirming] = useState(false);

  async function create() {
    setIsConfirming(false);
    const result = await action.run(() => api.post<{ url: string }>("/api/me/calendar-feed"));
    if (result.ok) setUrl(result.value.url);
  }

  return (
    <section className="card" aria-labelledby="calendar-feed-title">
      <h2 id="calendar-feed-title" className="card-title">
        {t("account.calendar_title")}
      </h2>
      <p className="card-text">{t("account.calendar_intro")}</p>
      <FormErrors error={action.error} />
      <StatusMessage>{url ? t("account.calendar_created") : null}</StatusMessage>
      {url && (
        <div className="new-token">
          <CopyableValue id="calendar-feed-url" label={t("account.calendar_url")} value={url} />
          <p className="field-hint">{t("account.calendar_private")}</p>
        </div>
      )}
      <p className="alert alert--info">{t("account.calendar_rotate_warning")}</p>
      <div className="button-row">
        <button type="button" className="button button--secondary" disabled={action.pending} aria-busy={action.pending || undefined} onClick={() => setIsConfirming(true)}>
          {action.pending ? t("common.working") : url ? t("account.calendar_rotate") : t("account.calendar_create")}
        </button>
      </div>
      <ConfirmDialog
        open={isConfirming}
        title={t("account.calendar_confirm_title")}
        confirmLabel={url ? t("account.calendar_rotate") : t("account.calendar_create")}
        onConfirm={() => void create()}
        onCancel={() => setIsConfirming(false)}
      >
        <p>{t("account.calendar_confirm_body")}</p>
      </ConfirmDialog>
    </section>
  );
}
