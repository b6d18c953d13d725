import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useNavigate, useParams } from "react-router";
import type { LibraryLanguage } from "../../../../common/library.js";
import { api } from "../../api/client.js";
import { useAction, useApi } from "../../api/useApi.js";
import { useSession } from "../../app/useSession.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { DateTime } from "../../components/DateTime.js";
import { Badge, ErrorState, FormErrors, Loading, StatusMessage } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName, usePickLocal } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { EntryComments } from "./EntryComments.js";
import { EntryFiles } from "./EntryFiles.js";
import { EntryVersions } from "./EntryVersions.js";
import { OnlyInBadge, OrganisationWithCountry, ScopeBadge, TagLinks } from "./LibraryBits.js";
import { RichBody } from "./RichBody.js";
import type { Entry, UsefulAnswer } from "./types.js";
import "./library.css";

/** "Useful": a toggle with the count; visitors see the count only. */
function UsefulToggle({ entry, onChange }: { entry: Entry; onChange(answer: UsefulAnswer): void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const n = useFormatNumber();
  const action = useAction();
  const [said, setSaid] = useState<string | null>(null);
  const count = t("library.useful_count", { count: entry.usefulCount, n: n(entry.usefulCount) });
  if (!user) return <p className="useful-count">{count}</p>;

  async function toggle() {
    const path = `/api/library/entries/${encodeURIComponent(entry.id)}/useful`;
    const marking = !entry.markedUseful;
    const result = await action.run(() => (marking ? api.put<UsefulAnswer>(path) : api.delete<UsefulAnswer>(path)));
    if (result.ok) {
      onChange(result.value);
      setSaid(t(marking ? "library.entry.useful_marked" : "library.entry.useful_unmarked"));
    }
  }

  return (
    <div className="useful">
      <button
        type="button"
        className={entry.markedUseful ? "button button--primary useful-button" : "button button--secondary useful-button"}
        aria-pressed={entry.markedUseful}
        aria-describedby="entry-useful-count"
        title={t("library.entry.useful_hint")}
        disabled={action.pending}
        onClick={() => void toggle()}
      >
        <span aria-hidden="true" className="useful-icon">
          {entry.markedUseful ? "★" : "☆"}
        </span>
        {t("library.entry.useful")}
      </button>
      <span id="entry-useful-count" className="useful-count">
        {count}
      </span>
      <StatusMessage>{said}</StatusMessage>
      <FormErrors error={action.error} />
    </div>
  );
}

/**
 * /library/:id — the entry in the interface language (or the other one, with a switch
 * when both exist), its metadata, files, versions, and the questions and comments.
 */
export function EntryPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const n = useFormatNumber();
  const localName = useLocalName();
  const pick = usePickLocal();
  const resource = useApi<Entry>(`/api/library/entries/${encodeURIComponent(id)}`);
  const entry = resource.data;
  const withdraw = useAction();
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const uiLanguage: LibraryLanguage = i18n.language === "en" ? "en" : "ar";
  const [chosen, setChosen] = useState<LibraryLanguage | null>(null);

  const has = (lang: LibraryLanguage) => !!entry && !!((lang === "ar" ? entry.titleAr : entry.titleEn)?.trim() || (lang === "ar" ? entry.bodyAr : entry.bodyEn)?.trim());
  const shown: LibraryLanguage = chosen && has(chosen) ? chosen : has(uiLanguage) ? uiLanguage : uiLanguage === "ar" ? "en" : "ar";
  const other: LibraryLanguage = shown === "ar" ? "en" : "ar";
  const title = entry ? ((shown === "ar" ? entry.titleAr : entry.titleEn) ?? entry.title) : "";
  const body = entry ? ((shown === "ar" ? entry.bodyAr : entry.bodyEn) ?? "") : "";
  usePageTitle(entry ? title : t("library.title"));

  if (resource.error?.code === "UNAUTHENTICATED") return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (resource.error && !entry) return <ErrorState error={resource.error} onRetry={resource.reload} />;
  if (!entry) return <Loading />;

  async function doWithdraw() {
    if (!entry) return;
    const result = await withdraw.run(() => api.delete(`/api/library/entries/${encodeURIComponent(entry.id)}`));
    setConfirmWithdraw(false);
    if (result.ok) navigate("/library", { replace: true, state: { notice: "withdrawn" } });
  }

  const lastEditor = entry.updatedBy ?? entry.author;
  return (
    <article className="library-entry">
      <PageHeader
        crumbs={[{ label: t("library.title"), to: "/library" }]}
        title={
          <span lang={shown} dir="auto">
            {title}
          </span>
        }
        subtitle={<OrganisationWithCountry organisation={entry.organisation} />}
        badges={
          <>
            <Badge tone="info">{t(`library.kind.${entry.kind}`)}</Badge>
            <Badge>{t(`library.category.${entry.category}`)}</Badge>
            <ScopeBadge scope={entry.scope} group={entry.group} />
            {shown !== uiLanguage && !has(uiLanguage) && <OnlyInBadge lang={shown} />}
          </>
        }
        actions={
          entry.abilities.update ? (
            <>
              <Link to={`/library/${encodeURIComponent(entry.id)}/edit`} className="button button--primary">
                {t("common.edit")}
              </Link>
              <button type="button" className="button button--danger-outline" onClick={() => setConfirmWithdraw(true)}>
                {t("library.entry.withdraw")}
              </button>
            </>
          ) : undefined
        }
      />
      <FormErrors error={withdraw.error} />
      <div className="detail-layout">
        <div className="detail-main">
          <section className="card entry-text" aria-labelledby="entry-text-title">
            <h2 id="entry-text-title" className="visually-hidden">
              {title}
            </h2>
            {has(other) && (
              <p className="entry-language-switch">
                <button type="button" className="button button--ghost button--small" lang={other} onClick={() => setChosen(other)}>
                  {t(`library.entry.read_in.${other}`)}
                </button>
              </p>
            )}
            <RichBody html={body} lang={shown} />
            <UsefulToggle entry={entry} onChange={(answer) => resource.setData({ ...entry, ...answer })} />
          </section>
          <EntryComments entry={entry} />
        </div>
        <div className="detail-side">
          <section className="card" aria-labelledby="entry-about-title">
            <h2 id="entry-about-title" className="card-title">
              {t("library.entry.about")}
            </h2>
            <dl className="summary-list entry-meta">
              <div>
                <dt>{t("library.kind_label")}</dt>
                <dd>{t(`library.kind.${entry.kind}`)}</dd>
              </div>
              <div>
                <dt>{t("library.category_label")}</dt>
                <dd>
                  <Link to={`/library?category=${encodeURIComponent(entry.category)}`}>{t(`library.category.${entry.category}`)}</Link>
                </dd>
              </div>
              {entry.tags.length > 0 && (
                <div>
                  <dt>{t("library.tags_label")}</dt>
                  <dd>
                    <TagLinks tags={entry.tags} />
                  </dd>
                </div>
              )}
              <div>
                <dt>{t("library.entry.organisation")}</dt>
                <dd>
                  <Link to={`/library?organisation=${encodeURIComponent(entry.organisation.code)}`}>
                    <OrganisationWithCountry organisation={entry.organisation} />
                  </Link>
                </dd>
              </div>
              {entry.season && (
                <div>
                  <dt>{t("library.entry.season")}</dt>
                  <dd>{localName(entry.season)}</dd>
                </div>
              )}
              {entry.event && (
                <div>
                  <dt>{t("library.entry.event")}</dt>
                  <dd>
                    <Link to={`/events/${encodeURIComponent(entry.event.id)}`}>{pick(entry.event.titleAr, entry.event.titleEn)}</Link>
                    <span className="row-secondary">
                      <DateTime value={entry.event.startsAt} />
                    </span>
                  </dd>
                </div>
              )}
              <div>
                <dt>{t("library.scope_label")}</dt>
                <dd>{entry.scope === "group" && entry.group ? localName(entry.group) : t(`library.form.scope.${entry.scope}`)}</dd>
              </div>
              {entry.author && (
                <div>
                  <dt>{t("library.entry.author")}</dt>
                  <dd>{entry.author.name}</dd>
                </div>
              )}
              <div>
                <dt>{t("library.entry.last_edited")}</dt>
                <dd>
                  {lastEditor ? (
                    <>
                      {t("library.entry.last_edited_by", { name: lastEditor.name })} <DateTime value={entry.updatedAt} mode="datetime" />
                    </>
                  ) : (
                    <DateTime value={entry.updatedAt} mode="datetime" />
                  )}
                </dd>
              </div>
              <div>
                <dt>{t("library.entry.version")}</dt>
                <dd>{n(entry.version)}</dd>
              </div>
            </dl>
          </section>
          <EntryFiles entryId={entry.id} initial={entry.attachments ?? []} canManage={entry.abilities.update} />
          <EntryVersions entry={entry} />
        </div>
      </div>
      <ConfirmDialog
        open={confirmWithdraw}
        title={t("library.entry.withdraw_title", { title })}
        confirmLabel={t("library.entry.withdraw")}
        danger
        pending={withdraw.pending}
        onConfirm={() => void doWithdraw()}
        onCancel={() => setConfirmWithdraw(false)}
      >
        <p>{t("library.entry.withdraw_body")}</p>
      </ConfirmDialog>
    </article>
  );
}
