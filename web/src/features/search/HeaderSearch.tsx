import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import "./search.css";

/** The search box in the header, on every page and for everyone: it opens /search?q=. */
export function HeaderSearch() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  // On the results page the box shows the query being looked at.
  const current = location.pathname === "/search" ? (new URLSearchParams(location.search).get("q") ?? "") : "";
  const [q, setQ] = useState(current);
  useEffect(() => setQ(current), [current]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const query = q.trim();
    if (!query) {
      input.current?.focus();
      return;
    }
    navigate(`/search?q=${encodeURIComponent(query)}`);
  }

  return (
    <form role="search" className="header-search" aria-label={t("search.header_label")} onSubmit={onSubmit}>
      <label htmlFor="header-search-q" className="visually-hidden">
        {t("search.header_label")}
      </label>
      <input
        ref={input}
        id="header-search-q"
        type="search"
        className="input header-search-input"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t("search.header_placeholder")}
        autoComplete="off"
        enterKeyHint="search"
        dir="auto"
      />
      <button type="submit" className="button button--secondary header-search-button" title={t("search.submit")}>
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M13 13l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span className="visually-hidden">{t("search.submit")}</span>
      </button>
    </form>
  );
}
