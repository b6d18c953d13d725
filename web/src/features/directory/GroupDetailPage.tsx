import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { GroupDetail } from "../../api/types.js";
import { useApi } from "../../api/useApi.js";
import { Forbidden } from "../../app/StatusPages.js";
import { Badge, EmptyState, ErrorState, Loading } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName, usePickLocal, useOtherLanguage } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { RecordMeta } from "./RecordMeta.js";
import { useCountries } from "./useDirectoryData.js";

/** /directory/groups/:code — the group's member organisations. */
export function GroupDetailPage() {
  const { t } = useTranslation();
  const { code = "" } = useParams();
  const localName = useLocalName();
  const otherLang = useOtherLanguage();
  const pick = usePickLocal();
  const formatNumber = useFormatNumber();
  const countries = useCountries();
  const group = useApi<GroupDetail>(`/api/groups/${encodeURIComponent(code)}`);
  const data = group.data;
  usePageTitle(data ? localName(data) : t("directory.groups_title"));

  if (group.error?.code === "FORBIDDEN") return <Forbidden />;
  if (group.error && !data) return <ErrorState error={group.error} onRetry={group.reload} />;
  if (!data) return <Loading />;
  const description = pick(data.descriptionAr, data.descriptionEn);

  return (
    <article>
      <PageHeader
        crumbs={[{ label: t("directory.groups_title"), to: "/directory/groups" }]}
        title={localName(data)}
        subtitle={<span lang={otherLang}>{localName(data, "other")}</span>}
        badges={
          <>
            <Badge>
              <span className="visually-hidden">{t("fields.code")}: </span>
              <span dir="ltr">{data.code}</span>
            </Badge>
            {data.archivedAt && <Badge tone="warning">{t("directory.archived")}</Badge>}
          </>
        }
        actions={
          data.abilities?.update && (
            <Link to={`/directory/groups/${encodeURIComponent(data.code)}/edit`} className="button button--primary">
              {t("directory.edit_group")}
            </Link>
          )
        }
      />
      {description && <p className="lead preserve-lines">{description}</p>}
      <section className="card" aria-labelledby="group-members-title">
        <h2 id="group-members-title" className="card-title">
          {t("directory.group_members")}
          <span className="count-pill">{formatNumber(data.members.length)}</span>
        </h2>
        {data.members.length === 0 ? (
          <EmptyState>{t("directory.no_members")}</EmptyState>
        ) : (
          <ul className="member-list">
            {data.members.map((m) => {
              const c = m.country ? countries.byCode.get(m.country) : undefined;
              return (
                <li key={m.id}>
                  <Link to={`/directory/organisations/${encodeURIComponent(m.code)}`} className="row-link">
                    {localName(m)}
                  </Link>
                  <span className="row-secondary">
                    {[t(`directory.kinds.${m.kind}`), c ? localName(c) : null].filter(Boolean).join(t("common.list_separator"))}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <RecordMeta createdAt={data.createdAt} updatedAt={data.updatedAt} entityType="group" entityId={data.id} />
    </article>
  );
}
