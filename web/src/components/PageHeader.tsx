import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export interface Crumb {
  label: string;
  to: string;
}

/** Set the document title as "<page> — Rifada". */
export function usePageTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  const appName = t("app.name");
  useEffect(() => {
    if (typeof document !== "undefined") document.title = title ? `${title} — ${appName}` : appName;
  }, [title, appName]);
}

/** The page's one h1, its breadcrumbs and its main actions. */
export function PageHeader({
  title,
  subtitle,
  crumbs,
  actions,
  badges,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  crumbs?: Crumb[];
  actions?: ReactNode;
  badges?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="page-header">
      {crumbs && crumbs.length > 0 && (
        <nav aria-label={t("common.breadcrumbs")} className="breadcrumbs">
          <ol>
            {crumbs.map((c) => (
              <li key={c.to}>
                <Link to={c.to}>{c.label}</Link>
                <span className="breadcrumbs-sep icon-dir" aria-hidden="true">
                  ›
                </span>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <div className="page-header-row">
        <div className="page-header-text">
          <h1 className="page-title">{title}</h1>
          {subtitle && <p className="page-subtitle">{subtitle}</p>}
          {badges && <div className="page-badges">{badges}</div>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
    </div>
  );
}
