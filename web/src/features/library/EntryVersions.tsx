import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/useApi.js";
import { DateTime } from "../../components/DateTime.js";
import { EmptyState, ErrorState, Loading } from "../../components/Feedback.js";
import { useFormatNumber } from "../../components/format.js";
import { TagLinks, useLocalText } from "./LibraryBits.js";
import { RichBody } from "./RichBody.js";
import type { Entry, EntryVersion, EntryVersionSummary } from "./types.js";

const editorName = (editedBy: EntryVersionSummary["editedBy"]) => (typeof editedBy === "string" ? editedBy : (editedBy?.name ?? ""));

/** One earlier version's text, kind, category and tags. */
function VersionText({ entryId, version }: { entryId: string; version: number }) {
  const { t } = useTranslation();
  const localText = useLocalText();
  const result = useApi<EntryVersion>(`/api/library/entries/${encodeURIComponent(entryId)}/versions/${version}`);
  const data = result.data;
  if (result.error) return <ErrorState error={result.error} onRetry={result.reload} />;
  if (!data) return <Loading />;
  const title = localText(data.titleAr, data.titleEn);
  const body = localText(data.bodyAr, data.bodyEn);
  return (
    <div className="version-text">
      <p className="card-eyebrow">
        {t(`library.kind.${data.kind}`)}
        {t("common.list_separator")}
        {t(`library.category.${data.category}`)}
      </p>
      <h4 className="version-title" lang={title.lang} dir="auto">
        {title.text}
      </h4>
      {body.text ? <RichBody html={body.text} lang={body.lang} /> : <EmptyState>{t("library.entry.history_no_text")}</EmptyState>}
      <TagLinks tags={data.tags ?? []} />
    </div>
  );
}

/** The entry's versions, newest first; any one can be opened to read its text. */
export function EntryVersions({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const localText = useLocalText();
  const [open, setOpen] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const versions = useApi<{ items: EntryVersionSummary[] }>(open ? `/api/library/entries/${encodeURIComponent(entry.id)}/versions` : null);
  const items = versions.data?.items ?? [];
  return (
    <section className="card entry-versions" aria-labelledby="entry-versions-title">
      <div className="card-header">
        <h2 id="entry-versions-title" className="card-title">
          {t("library.entry.history_title")}
        </h2>
        <button type="button" className="button button--secondary button--small" aria-expanded={open} aria-controls="entry-versions-body" onClick={() => setOpen((o) => !o)}>
          {open ? t("library.entry.history_hide") : t("library.entry.history_show")}
        </button>
      </div>
      <div id="entry-versions-body" hidden={!open}>
        {versions.error && <ErrorState error={versions.error} onRetry={versions.reload} />}
        {open && !versions.data && versions.loading && <Loading />}
        {versions.data && items.length === 0 && <EmptyState>{t("library.entry.history_none")}</EmptyState>}
        {items.length > 0 && (
          <ol className="version-list">
            {items.map((v) => {
              const title = localText(v.titleAr, v.titleEn);
              const isViewing = viewing === v.version;
              return (
                <li key={v.version} className="version-item">
                  <div className="version-row">
                    <span className="version-number">
                      {t("library.entry.history_version", { n: n(v.version) })}
                      {v.version === entry.version && <span className="badge">{t("library.entry.history_current")}</span>}
                    </span>
                    <span className="version-meta">
                      {editorName(v.editedBy) && <>{editorName(v.editedBy)}{t("common.list_separator")}</>}
                      <DateTime value={v.editedAt} mode="datetime" />
                    </span>
                    <span className="version-heading" lang={title.lang} dir="auto">
                      {title.text}
                    </span>
                    <button
                      type="button"
                      className="button button--link"
                      aria-expanded={isViewing}
                      onClick={() => setViewing(isViewing ? null : v.version)}
                    >
                      {isViewing ? t("library.entry.history_close", { n: n(v.version) }) : t("library.entry.history_view", { n: n(v.version) })}
                    </button>
                  </div>
                  {isViewing && <VersionText entryId={entry.id} version={v.version} />}
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </section>
  );
}
