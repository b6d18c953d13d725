import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Country, Organisation } from "../../api/types.js";
import { useApi } from "../../api/useApi.js";
import { useMe } from "../../app/useSession.js";
import { Badge } from "../../components/Feedback.js";
import { useLocalName, usePickLocal, useOtherLanguage } from "../../components/format.js";
import { usePageTitle } from "../../components/PageHeader.js";
import { useCountries } from "../directory/useDirectoryData.js";

function MyOrganisationCard() {
  const { t } = useTranslation();
  const me = useMe();
  const localName = useLocalName();
  const otherLang = useOtherLanguage();
  const pick = usePickLocal();
  const org = useApi<Organisation>(`/api/organisations/${encodeURIComponent(me.organisation.code)}`);
  const countries = useCountries();
  const country: Country | undefined = org.data?.country ? countries.byCode.get(org.data.country) : undefined;
  const city = org.data ? pick(org.data.cityAr, org.data.cityEn) : "";
  return (
    <section className="card" aria-labelledby="my-org-title">
      <p className="card-eyebrow">{t("home.my_organisation")}</p>
      <h2 id="my-org-title" className="card-title">
        <Link to={`/directory/organisations/${encodeURIComponent(me.organisation.code)}`}>{localName(me.organisation)}</Link>
      </h2>
      <p className="card-subtitle" lang={otherLang}>
        {localName(me.organisation, "other")}
      </p>
      <div className="card-badges">
        <Badge tone="info">{t(`directory.kinds.${me.organisation.kind}`)}</Badge>
        <Badge>{t(`roles.${me.role}`)}</Badge>
      </div>
      {(country || city) && (
        <p className="card-meta">{[country ? localName(country) : null, city || null].filter(Boolean).join(t("common.list_separator"))}</p>
      )}
      {org.data?.email && (
        <p className="card-meta">
          <a href={`mailto:${org.data.email}`} dir="ltr">
            {org.data.email}
          </a>
        </p>
      )}
    </section>
  );
}

/** The signed-in start page: welcome, own organisation, and where to go next. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t("nav.home"));
  const links = [
    { to: "/directory/organisations", title: t("nav.organisations"), text: t("home.link_organisations") },
    { to: "/directory/people", title: t("nav.people"), text: t("home.link_people") },
    { to: "/directory/groups", title: t("nav.groups"), text: t("home.link_groups") },
    { to: "/account", title: t("nav.account"), text: t("home.link_account") },
    ...(me.can.manageUsers ? [{ to: "/admin/users", title: t("admin.users_title"), text: t("home.link_users") }] : []),
    ...(me.can.manageUsers ? [{ to: "/admin/invitations", title: t("admin.invitations_title"), text: t("home.link_invitations") }] : []),
    ...(me.can.viewAudit ? [{ to: "/admin/audit", title: t("admin.audit_title"), text: t("home.link_audit") }] : []),
  ];
  return (
    <>
      <div className="welcome">
        <h1 className="page-title">{t("home.welcome", { name: me.name })}</h1>
        <p className="page-subtitle">{t("home.intro")}</p>
      </div>
      <div className="home-grid">
        <MyOrganisationCard />
        <section className="card" aria-labelledby="quick-links-title">
          <h2 id="quick-links-title" className="card-title">
            {t("home.quick_links")}
          </h2>
          <ul className="quick-links">
            {links.map((link) => (
              <li key={link.to}>
                <Link to={link.to} className="quick-link">
                  <span className="quick-link-title">
                    {link.title}
                    <span className="icon-dir quick-link-arrow" aria-hidden="true">
                      →
                    </span>
                  </span>
                  <span className="quick-link-text">{link.text}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
