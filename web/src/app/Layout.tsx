import { Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { ErrorState, Loading } from "../components/Feedback.js";
import { useLocalName } from "../components/format.js";
import { isFollowupPath } from "../features/followup/paths.js";
import { isTrainingPath } from "../features/training/paths.js";
import { HeaderSearch } from "../features/search/HeaderSearch.js";
import { Logo } from "./Logo.js";
import { useSession } from "./useSession.js";
import type { Locale } from "../../../common/roles.js";

/** "English" when the page is in Arabic, "العربية" when in English, each written in its own language. */
export function LanguageSwitch() {
  const { locale, changeLanguage } = useSession();
  const { t } = useTranslation();
  const target: Locale = locale === "ar" ? "en" : "ar";
  return (
    <button
      type="button"
      className="button button--ghost language-switch"
      lang={target}
      onClick={() => changeLanguage(target)}
      title={t("nav.switch_language")}
    >
      {target === "en" ? "English" : "العربية"}
    </button>
  );
}

function MainNav({ onNavigate }: { onNavigate(): void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { pathname } = useLocation();
  if (!user) return null;
  const showAdmin = user.can.manageUsers || user.can.viewAudit || user.can.viewOutbox;
  const items = [
    { to: "/", label: t("nav.home"), end: true },
    { to: "/events", label: t("nav.events") },
    // One entry for recommendations, actions, programmes and accountability (they share a second navigation).
    { to: "/training", label: t("nav.training"), current: isTrainingPath(pathname) },
    { to: "/recommendations", label: t("nav.followup"), current: isFollowupPath(pathname) },
    { to: "/library", label: t("nav.library") },
    { to: "/directory/organisations", label: t("nav.organisations") },
    { to: "/directory/people", label: t("nav.people") },
    { to: "/directory/groups", label: t("nav.groups") },
    ...(showAdmin ? [{ to: "/admin", label: t("nav.admin") }] : []),
    { to: "/account", label: t("nav.account") },
  ];
  return (
    <ul className="main-nav-list">
      {items.map((item) => (
        <li key={item.to}>
          {"current" in item ? (
            <Link to={item.to} className="main-nav-link" aria-current={item.current ? "page" : undefined} onClick={onNavigate}>
              {item.label}
            </Link>
          ) : (
            <NavLink to={item.to} end={item.end} className="main-nav-link" onClick={onNavigate}>
              {item.label}
            </NavLink>
          )}
        </li>
      ))}
    </ul>
  );
}

function UserBox() {
  const { t } = useTranslation();
  const { user, logout } = useSession();
  const localName = useLocalName();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  if (!user) return null;
  return (
    <div className="user-box">
      <div className="user-box-text">
        <span className="user-name">{user.name}</span>
        <span className="user-org" title={localName(user.organisation)}>
          {localName(user.organisation)}
        </span>
      </div>
      <button
        type="button"
        className="button button--ghost"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void logout().finally(() => {
            setPending(false);
            navigate("/login", { replace: true });
          });
        }}
      >
        {t("nav.sign_out")}
      </button>
    </div>
  );
}

/** Header with brand, navigation, user and language; the page in <main>; a short footer. */
export function Layout() {
  const { t } = useTranslation();
  const { status, user, error, reload } = useSession();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const [menuOpen, setMenuOpen] = useState(false);

  // After a navigation, move focus to the new page so keyboard and screen-reader users start there.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    setMenuOpen(false);
    const heading = mainRef.current?.querySelector<HTMLElement>("h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    } else {
      mainRef.current?.focus();
    }
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t("nav.skip_to_content")}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <Logo />
            <span className="brand-text">
              <span className="brand-name">{t("app.name")}</span>
              <span className="brand-tagline">{t("app.tagline")}</span>
            </span>
          </Link>
          <HeaderSearch />
          <div className="header-tools">
            <LanguageSwitch />
            <UserBox />
            {user && (
              <button
                type="button"
                className="button button--ghost menu-toggle"
                aria-expanded={menuOpen}
                aria-controls="main-nav"
                onClick={() => setMenuOpen((open) => !open)}
              >
                <span aria-hidden="true" className="menu-icon" />
                {t("nav.menu")}
              </button>
            )}
          </div>
        </div>
        {user && (
          <nav id="main-nav" aria-label={t("nav.main")} className={menuOpen ? "main-nav is-open" : "main-nav"}>
            <div className="main-nav-inner">
              <MainNav onNavigate={() => setMenuOpen(false)} />
            </div>
          </nav>
        )}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        {status === "loading" ? (
          <Loading />
        ) : status === "error" && error ? (
          <ErrorState error={error} onRetry={() => void reload()} />
        ) : (
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        )}
      </main>
      <footer className="site-footer">
        <div className="site-footer-inner">
          <p>{t("app.footer")}</p>
        </div>
      </footer>
    </div>
  );
}
