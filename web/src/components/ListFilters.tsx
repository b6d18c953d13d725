import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** The search form above a list: a search box, filters, and "clear". */
export function ListFilters({
  idPrefix,
  search,
  onSearch,
  onSubmit,
  searchLabel,
  searchPlaceholder,
  children,
  canClear,
  onClear,
}: {
  idPrefix: string;
  search: string;
  onSearch(value: string): void;
  onSubmit(): void;
  searchLabel: string;
  searchPlaceholder: string;
  children?: ReactNode;
  canClear: boolean;
  onClear(): void;
}) {
  const { t } = useTranslation();
  return (
    <form
      role="search"
      className="filters"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <div className="field filters-search">
        <label htmlFor={`${idPrefix}-q`} className="field-label">
          {searchLabel}
        </label>
        <div className="search-input">
          <svg className="search-icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
            <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="M13 13l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          <input
            id={`${idPrefix}-q`}
            type="search"
            className="input"
            value={search}
            placeholder={searchPlaceholder}
            onChange={(e) => onSearch(e.target.value)}
            autoComplete="off"
            enterKeyHint="search"
            dir="auto"
          />
        </div>
      </div>
      {children}
      {canClear && (
        <div className="filters-clear">
          <button type="button" className="button button--link" onClick={onClear}>
            {t("common.clear_filters")}
          </button>
        </div>
      )}
    </form>
  );
}
