import { useTranslation } from "react-i18next";
import { useFormatNumber } from "./format.js";

/** Previous / next with "page X of Y". */
export function Pagination({
  page,
  pageSize,
  total,
  onChange,
}: {
  page: number;
  pageSize: number;
  total: number;
  onChange(page: number): void;
}) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t("common.pagination")}>
      <button type="button" className="button button--secondary button--small" disabled={page <= 1} onClick={() => onChange(page - 1)}>
        <span className="icon-dir" aria-hidden="true">
          ‹
        </span>{" "}
        {t("common.previous")}
      </button>
      <span className="pagination-status">
        {t("common.page_of", { page: formatNumber(page), pages: formatNumber(pages) })}
      </span>
      <button type="button" className="button button--secondary button--small" disabled={page >= pages} onClick={() => onChange(page + 1)}>
        {t("common.next")}{" "}
        <span className="icon-dir" aria-hidden="true">
          ›
        </span>
      </button>
    </nav>
  );
}
