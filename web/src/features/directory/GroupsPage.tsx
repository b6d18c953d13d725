import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Group } from "../../api/types.js";
import { useApi } from "../../api/useApi.js";
import { useSession } from "../../app/useSession.js";
import { Badge, EmptyState, ErrorState, Loading } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName, usePickLocal, useOtherLanguage } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";

/** /directory/groups — groups of organisations such as "GCC Hajj offices". */
export function GroupsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const localName = useLocalName();
  const otherLang = useOtherLanguage();
  const pick = usePickLocal();
  const formatNumber = useFormatNumber();
  const groups = useApi<{ items: Group[]; abilities?: { create?: boolean } }>("/api/groups");
  usePageTitle(t("directory.groups_title"));
  const canCreate = groups.data?.abilities?.create ?? user?.can.createGroup;

  return (
    <>
      <PageHeader
        title={t("directory.groups_title")}
        subtitle={t("directory.groups_intro")}
        actions={
          canCreate && (
            <Link to="/directory/groups/new" className="button button--primary">
              {t("directory.new_group")}
            </Link>
          )
        }
      />
      {groups.error && <ErrorState error={groups.error} onRetry={groups.reload} />}
      {!groups.data && groups.loading && <Loading />}
      {groups.data && groups.data.items.length === 0 && <EmptyState>{t("directory.no_groups")}</EmptyState>}
      {groups.data && groups.data.items.length > 0 && (
        <ul className="card-grid">
          {groups.data.items.map((g) => {
            const description = pick(g.descriptionAr, g.descriptionEn);
            return (
              <li key={g.id} className="card card--link">
                <h2 className="card-title">
                  <Link to={`/directory/groups/${encodeURIComponent(g.code)}`} className="stretched-link">
                    {localName(g)}
                  </Link>
                </h2>
                <p className="card-subtitle" lang={otherLang}>
                  {localName(g, "other")}
                </p>
                {description && <p className="card-text">{description}</p>}
                <div className="card-badges">
                  {g.memberCount !== undefined && (
                    <Badge tone="info">{t("directory.member_count", { count: g.memberCount, n: formatNumber(g.memberCount) })}</Badge>
                  )}
                  {g.archivedAt && <Badge tone="warning">{t("directory.archived")}</Badge>}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
