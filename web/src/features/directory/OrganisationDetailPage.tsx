import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Organisation, Page, Person } from "../../api/types.js";
import { useApi } from "../../api/useApi.js";
import { Forbidden } from "../../app/StatusPages.js";
import { Badge, EmptyState, ErrorState, Loading } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName, usePickLocal, useOtherLanguage } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { ArchiveControls } from "./RecordActions.js";
import { RecordMeta } from "./RecordMeta.js";
import { ShareGroupLine } from "./VisibilityField.js";
import { useCountries } from "./useDirectoryData.js";

function OrganisationPeople({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const pick = usePickLocal();
  const formatNumber = useFormatNumber();
  const people = useApi<Page<Person>>("/api/people", { organisation: org.code, pageSize: 100 });
  const canAdd = !!org.abilities?.createPerson;
  return (
    <section className="card" aria-labelledby="org-people-title">
      <div className="card-header">
        <h2 id="org-people-title" className="card-title">
          {t("directory.people_of_organisation")}
          {people.data && <span className="count-pill">{formatNumber(people.data.total)}</span>}
        </h2>
        {canAdd && (
          <Link to={`/directory/people/new?organisation=${encodeURIComponent(org.code)}`} className="button button--secondary button--small">
            {t("directory.new_person")}
          </Link>
        )}
      </div>
      {people.error && <ErrorState error={people.error} onRetry={people.reload} />}
      {!people.data && people.loading && <Loading />}
      {people.data && people.data.items.length === 0 && <EmptyState>{t("directory.no_people")}</EmptyState>}
      {people.data && people.data.items.length > 0 && (
        <ul className="people-list">
          {people.data.items.map((p) => (
            <li key={p.id}>
              <Link to={`/directory/people/${encodeURIComponent(p.id)}`} className="row-link">
                {localName(p)}
              </Link>
              <span className="row-secondary">
                {[t(`directory.positions.${p.position}`), pick(p.titleAr, p.titleEn)].filter(Boolean).join(t("common.list_separator"))}
              </span>
            </li>
          ))}
        </ul>
      )}
      {people.data && people.data.total > people.data.items.length && (
        <Link to={`/directory/people?organisation=${encodeURIComponent(org.code)}`}>{t("directory.see_all_people")}</Link>
      )}
    </section>
  );
}

/** /directory/organisations/:code — contact, groups, people, and the actions allowed on it. */
export function OrganisationDetailPage() {
  const { t } = useTranslation();
  const { code = "" } = useParams();
  const localName = useLocalName();
  const otherLang = useOtherLanguage();
  const pick = usePickLocal();
  const countries = useCountries();
  const org = useApi<Organisation>(`/api/organisations/${encodeURIComponent(code)}`);
  const data = org.data;
  usePageTitle(data ? localName(data) : t("directory.organisations_title"));

  if (org.error?.code === "FORBIDDEN") return <Forbidden />;
  if (org.error && !data) return <ErrorState error={org.error} onRetry={org.reload} />;
  if (!data) return <Loading />;

  const country = data.country ? countries.byCode.get(data.country) : undefined;
  const address = pick(data.addressAr, data.addressEn);
  const city = pick(data.cityAr, data.cityEn);
  const abilities = data.abilities ?? {};

  return (
    <article>
      <PageHeader
        crumbs={[{ label: t("directory.organisations_title"), to: "/directory/organisations" }]}
        title={localName(data)}
        subtitle={<span lang={otherLang}>{localName(data, "other")}</span>}
        badges={
          <>
            <Badge tone="info">{t(`directory.kinds.${data.kind}`)}</Badge>
            <Badge>
              <span className="visually-hidden">{t("fields.code")}: </span>
              <span dir="ltr">{data.code}</span>
            </Badge>
            <Badge>{t(`directory.visibilities.${data.visibility}`)}</Badge>
            {data.archivedAt && <Badge tone="warning">{t("directory.archived")}</Badge>}
          </>
        }
        actions={
          <>
            {abilities.update && (
              <Link to={`/directory/organisations/${encodeURIComponent(data.code)}/edit`} className="button button--primary">
                {t("common.edit")}
              </Link>
            )}
            <ArchiveControls
              basePath={`/api/organisations/${encodeURIComponent(data.id)}`}
              abilities={abilities}
              archivedAt={data.archivedAt}
              recordName={localName(data)}
              onDone={org.reload}
            />
          </>
        }
      />
      <div className="detail-layout">
        <div className="detail-main">
          <section className="card" aria-labelledby="org-contact-title">
            <h2 id="org-contact-title" className="card-title">
              {t("directory.contact")}
            </h2>
            <dl className="summary-list">
              <div>
                <dt>{t("fields.country")}</dt>
                <dd>{pick(data.countryNameAr, data.countryNameEn) || (country ? localName(country) : data.country) || "—"}</dd>
              </div>
              <div>
                <dt>{t("directory.city")}</dt>
                <dd>{city || "—"}</dd>
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
                <dt>{t("fields.website")}</dt>
                <dd>
                  {data.website && /^https?:\/\//i.test(data.website) ? (
                    <a href={data.website} dir="ltr" rel="noopener noreferrer" target="_blank">
                      {data.website.replace(/^https?:\/\//i, "")}
                    </a>
                  ) : (
                    <span dir="ltr">{data.website || "—"}</span>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t("directory.address")}</dt>
                <dd className="preserve-lines">{address || "—"}</dd>
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
          <OrganisationPeople org={data} />
        </div>
        <div className="detail-side">
          <section className="card" aria-labelledby="org-groups-title">
            <h2 id="org-groups-title" className="card-title">
              {t("nav.groups")}
            </h2>
            {data.groups && data.groups.length > 0 ? (
              <ul className="chip-list">
                {data.groups.map((g) => (
                  <li key={g.id}>
                    <Link to={`/directory/groups/${encodeURIComponent(g.code)}`} className="chip">
                      {localName(g)}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState>{t("directory.no_groups_for_organisation")}</EmptyState>
            )}
          </section>
        </div>
      </div>
      <RecordMeta createdAt={data.createdAt} updatedAt={data.updatedAt} entityType="organisation" entityId={data.id} />
    </article>
  );
}
