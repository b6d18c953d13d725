import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import type { ApiToken, CreatedApiToken } from "../../api/types.js";
import { useAction, useApi } from "../../api/useApi.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { CopyableValue, CopyButton } from "../../components/CopyButton.js";
import { DataTable } from "../../components/DataTable.js";
import { DateInput } from "../../components/DateInput.js";
import { DateTime } from "../../components/DateTime.js";
import { TextField } from "../../components/Field.js";
import { Badge, EmptyState, ErrorState, FormErrors, Loading } from "../../components/Feedback.js";

function tokenStatus(token: ApiToken, now: number): "active" | "expired" | "revoked" {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return "expired";
  return "active";
}

/**
 * A token expires at the first instant it no longer works (midnight after the chosen day);
 * people read "valid until <the chosen day>", so show the instant just before.
 */
function lastValidInstant(expiresAt: string): string {
  return new Date(Date.parse(expiresAt) - 1000).toISOString();
}

/** Today as "YYYY-MM-DD" in Riyadh, the earliest expiry one may choose. */
function todayInRiyadh(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Riyadh", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

/** The plain token, shown once, with a copy button and a curl example. */
function NewTokenPanel({ created, onDismiss }: { created: CreatedApiToken; onDismiss(): void }) {
  const { t } = useTranslation();
  const origin = typeof window !== "undefined" ? window.location.origin : "http://localhost:3000";
  const curl = `curl -H "Authorization: Bearer ${created.token}" ${origin}/api/organisations`;
  return (
    <div className="alert alert--success new-token" role="status" aria-labelledby="new-token-title">
      <h3 id="new-token-title" className="alert-title">
        {t("account.token_created", { name: created.name })}
      </h3>
      <p>{t("account.token_once")}</p>
      <CopyableValue id="new-token-value" label={t("account.token_value")} value={created.token} />
      <div className="field">
        <p className="field-label" id="curl-label">
          {t("account.token_example")}
        </p>
        <pre className="code-block" dir="ltr" aria-labelledby="curl-label">
          <code>{curl}</code>
        </pre>
        <CopyButton text={curl} label={t("account.copy_example")} />
      </div>
      <button type="button" className="button button--secondary button--small" onClick={onDismiss}>
        {t("account.token_done")}
      </button>
    </div>
  );
}

/** Personal API tokens: list, create (optionally with an expiry date), revoke. */
export function TokensSection() {
  const { t } = useTranslation();
  const tokens = useApi<{ items: ApiToken[] }>("/api/me/tokens");
  const [name, setName] = useState("");
  const [expiresOn, setExpiresOn] = useState<string | null>(null);
  const [missing, setMissing] = useState<string | undefined>();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const createAction = useAction();
  const revokeAction = useAction();
  const now = Date.now();

  async function onCreate(event: FormEvent) {
    event.preventDefault();
    const nameMissing = name.trim() ? undefined : t("validation.required", { field: t("account.token_name") });
    setMissing(nameMissing);
    if (nameMissing) return;
    const body: { name: string; expiresOn?: string } = { name: name.trim() };
    if (expiresOn) body.expiresOn = expiresOn;
    const result = await createAction.run(() => api.post<CreatedApiToken>("/api/me/tokens", body));
    if (result.ok) {
      setCreated(result.value);
      setName("");
      setExpiresOn(null);
      tokens.reload();
    }
  }

  async function onRevoke() {
    if (!revoking) return;
    const result = await revokeAction.run(() => api.delete(`/api/me/tokens/${encodeURIComponent(revoking.id)}`));
    if (result.ok) {
      setRevoking(null);
      tokens.reload();
    }
  }

  const items = tokens.data?.items ?? [];

  return (
    <section className="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title" className="card-title">
        {t("account.tokens_title")}
      </h2>
      <p className="card-text">{t("account.tokens_intro")}</p>

      {created && <NewTokenPanel created={created} onDismiss={() => setCreated(null)} />}

      <form onSubmit={onCreate} noValidate className="form token-form" aria-labelledby="token-form-title">
        <h3 id="token-form-title" className="section-title">
          {t("account.new_token")}
        </h3>
        <FormErrors error={createAction.error} shownFields={["name", "expiresOn"]} localMessage={missing ? t("errors.VALIDATION_FAILED") : null} />
        <TextField
          id="token-name"
          dir="auto"
          label={t("account.token_name")}
          hint={t("account.token_name_hint")}
          value={name}
          onChange={setName}
          error={missing ?? createAction.fieldError("name")}
          maxLength={100}
          required
        />
        <DateInput
          id="token-expires"
          label={t("account.token_expiry_optional")}
          value={expiresOn}
          onChange={setExpiresOn}
          min={todayInRiyadh()}
          error={createAction.fieldError("expiresOn")}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={createAction.pending} aria-busy={createAction.pending || undefined}>
            {createAction.pending ? t("common.working") : t("account.create_token")}
          </button>
        </div>
      </form>

      <h3 className="section-title">{t("account.your_tokens")}</h3>
      {tokens.error && <ErrorState error={tokens.error} onRetry={tokens.reload} />}
      {!tokens.data && tokens.loading && <Loading />}
      {tokens.data && items.length === 0 && <EmptyState>{t("account.no_tokens")}</EmptyState>}
      {items.length > 0 && (
        <DataTable
          className="table table--cards"
          caption={t("account.your_tokens")}
          columns={[
            t("account.token_name"),
            t("account.token_prefix"),
            t("common.created_at"),
            t("account.last_used"),
            t("account.expires"),
            t("common.status"),
            { label: t("common.actions"), hidden: true },
          ]}
        >
          {items.map((token) => {
            const status = tokenStatus(token, now);
            return (
              <tr key={token.id}>
                <th scope="row" data-label={t("account.token_name")}>
                  {token.name}
                </th>
                <td data-label={t("account.token_prefix")}>
                  <code dir="ltr">{token.prefix}…</code>
                </td>
                <td data-label={t("common.created_at")}>
                  <DateTime value={token.createdAt} mode="datetime" />
                </td>
                <td data-label={t("account.last_used")}>{token.lastUsedAt ? <DateTime value={token.lastUsedAt} mode="datetime" /> : t("account.never_used")}</td>
                <td data-label={t("account.expires")}>{token.expiresAt ? <DateTime value={lastValidInstant(token.expiresAt)} mode="date" /> : t("account.no_expiry")}</td>
                <td data-label={t("common.status")}>
                  <Badge tone={status === "active" ? "success" : status === "expired" ? "warning" : "neutral"}>{t(`account.token_status.${status}`)}</Badge>
                </td>
                <td className="cell-actions">
                  {status === "active" && (
                    <button type="button" className="button button--danger-outline button--small" onClick={() => setRevoking(token)}>
                      {t("account.revoke")}
                      <span className="visually-hidden"> {token.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={t("account.revoke_title", { name: revoking?.name ?? "" })}
        confirmLabel={t("account.revoke")}
        danger
        pending={revokeAction.pending}
        onConfirm={() => void onRevoke()}
        onCancel={() => {
          setRevoking(null);
          revokeAction.clear();
        }}
      >
        <p>{t("account.revoke_body")}</p>
        <FormErrors error={revokeAction.error} />
      </ConfirmDialog>
    </section>
  );
}
