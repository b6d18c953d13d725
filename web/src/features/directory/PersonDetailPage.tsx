import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Person } from "../../api/types.js";
import { useApi } from "../../api/useApi.js";
import { Forbidden } from "../../app/StatusPages.js";
import { Badge, ErrorState, Loading } from "../../components/Feedback.js";
import { useLocalName, usePickLocal, useOtherLanguage } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { ArchiveControls } from "./RecordActions.js";
import { RecordMeta } from "./RecordMeta.js";
import { ShareGroupLine } from "./VisibilityField.js";

/** /directory/people/:id */
export function PersonDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const localName = useLocalName();
  const otherLang = useOtherLanguage();
  const pick = usePickLocal();
  const person = useApi<Person>(`/api/people/${encodeURIComponent(id)}`);
  const data = person.data;
  usePageTitle(data ? localName(data) : t("directory.people_title"));

  if (person.error?.code === "FORBIDDEN") return <Forbidden />;
  if (person.error && !data) return <ErrorState error={person.error} onRetry={person.reload} />;
  if (!data) return <Loading />;
  const abilities = data.abilities ?? {};
  const title = pick(data.titleAr, data.titleEn);

  return (
    <article>
      <PageHeader
        crumbs={[
          { label: t("directory.people_title"), to: "/directory/people" },
          { label: localName(data.organisation), to: `/directory/organisations/${encodeURIComponent(data.organisation.code)}` },
        ]}
        title={localName(data)}
        subtitle={<span lang={otherLang}>{localName(data, "other")}</span>}
        badges={
          <>
            <Badge tone="info">{t(`directory.positions.${data.position}`)}</Badge>
            <Badge>{t(`directory.visibilities.${data.visibility}`)}</Badge>
            {data.archivedAt && <Badge tone="warning">{t("directory.archived")}</Badge>}
          </>
        }
        actions={
          <>
            {abilities.update && (
              <Link to={`/directory/people/${encodeURIComponent(data.id)}/edit`} className="button button--primary">
                {t("common.edit")}
              </Link>
            )}
            <ArchiveControls
              basePath={`/api/people/${encodeURIComponent(data.id)}`}
              abilities={abilities}
              archivedAt={data.archivedAt}
              recordName={localName(data)}
              onDone={person.reload}
            />
          </>
        }
      />
      <div className="detail-grid">
        <section className="card" aria-labelledby="person-main-title">
          <h2 id="person-main-title" className="card-title">
            {t("directory.person_details")}
          </h2>
          <dl className="summary-list">
            <div>
              <dt>{t("fields.organisation")}</dt>
              <dd>
                <Link to={`/directory/organisations/${encodeURIComponent(data.organisation.code)}`}>{localName(data.organisation)}</Link>
              </dd>
            </div>
            <div>
              <dt>{t("fields.position")}</dt>
              <dd>{t(`directory.positions.${data.position}`)}</dd>
            </div>
            <div>
              <dt>{t("directory.job_title")}</dt>
              <dd>{title || "—"}</dd>
            </div>
            <div>
              <dt>{t("fields.email")}</dt>
              <dd>
                {data.email ? (
                  <a href={`mailto:${data.email}`} dir="ltr">
                    {data.email}
                  </a>
                ) : (
                  "—"
                )}
              </dd>
            </div>
            <div>
              <dt>{t("fields.phone")}</dt>
              <dd>
                {data.phone ? (
                  <a href={`tel:${data.phone.replace(/[^\d+]/g, "")}`} dir="ltr">
                    {data.phone}
                  </a>
                ) : (
                  "—"
                )}
              </dd>
            </div>
            <div>
              <dt>{t("fields.preferredLanguage")}</dt>
              <dd>{t(`common.languages.${data.preferredLanguage}`)}</dd>
            </div>
            <div>
              <dt>{t("fields.visibility")}</dt>
              <dd>
                {t(`directory.visibilities.${data.visibility}`)}
                <ShareGroupLine record={data} />
                <span className="row-secondary">{t(`directory.visibility_help.${data.visibility}`)}</span>
              </dd>
            </div>
          </dl>
        </section>
      </div>
      <RecordMeta createdAt={data.createdAt} updatedAt={data.updatedAt} entityType="person" entityId={data.id} />
    </article>
  );
}
