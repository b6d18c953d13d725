import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../components/PageHeader.js";

/** Shown for any address the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t("common.not_found_title"));
  return (
    <section className="status-page" aria-labelledby="status-title">
      <p className="status-code" aria-hidden="true">404</p>
      <h1 id="status-title" className="page-title">
        {t("common.not_found_title")}
      </h1>
      <p>{t("common.not_found_body")}</p>
      <Link to="/" className="button button--primary">
        {t("common.back_home")}
      </Link>
    </section>
  );
}

/** Shown in place of a page or a section the user may not see. */
export function Forbidden() {
  const { t } = useTranslation();
  usePageTitle(t("common.forbidden_title"));
  return (
    <section className="status-page" aria-labelledby="status-title">
      <p className="status-code" aria-hidden="true">403</p>
      <h1 id="status-title" className="page-title">
        {t("common.forbidden_title")}
      </h1>
      <p>{t("common.forbidden_body")}</p>
      <Link to="/" className="button button--primary">
        {t("common.back_home")}
      </Link>
    </section>
  );
}
