import { useTranslation } from "react-i18next";
import { COMPLETION_REQUIREMENTS } from "../../../../common/training.js";
import { DataTable } from "../../components/DataTable.js";
import { Badge, EmptyState } from "../../components/Feedback.js";
import { SelectField, TextField } from "../../components/Field.js";
import { useFormatNumber, useLocalName, useOtherLanguage } from "../../components/format.js";
import { Pagination } from "../../components/Pagination.js";
import { useDebouncedSearch } from "../../components/useListQuery.js";
import { useResultsFormat } from "./ResultsFormat.js";
import type { ResultsData, TraineeResult } from "./ResultsTypes.js";

export type ResultFilters = Partial<Record<"organisation" | "country" | "missing" | "q" | "sort" | "order", string>>;

const SORTS = ["name", "organisation", "attendance", "pre", "post", "gain"] as const;

/** The certificate's code and state in a trainee's row. */
function CertificateCell({ row }: { row: TraineeResult }) {
  const { t } = useTranslation();
  if (!row.certificate) return <span className="row-secondary-inline">{t("training.results.certificate_status.none")}</span>;
  return (
    <>
      <bdi dir="ltr" className="certificate-code">
        {row.certificate.code}
      </bdi>{" "}
      <Badge tone={row.certificate.status === "valid" ? "success" : "danger"}>{t(`training.results.certificate_status.${row.certificate.status}`)}</Badge>
    </>
  );
}

/**
 * The trainees with their attendance, scores, gain and what each still misses, filtered by
 * organisation, country, missing requirement and name, sorted and paged.
 */
export function ResultsTrainees({ data, filters, page, onFilter, onPage }: { data: ResultsData; filters: ResultFilters; page: number; onFilter(changes: ResultFilters): void; onPage(page: number): void }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const localName = useLocalName();
  const other = useOtherLanguage();
  const { pct, points } = useResultsFormat();
  const [q, setQ] = useDebouncedSearch(filters.q ?? "", (value) => onFilter({ q: value }));
  const list = data.trainees;

  return (
    <section className="card" aria-labelledby="results-trainees-title">
      <h2 id="results-trainees-title" className="card-title">
        {t("training.results.tab.trainees_title")}
      </h2>
      <form role="search" className="results-filters" aria-label={t("training.results.tab.filters")} onSubmit={(e) => e.preventDefault()}>
        <TextField id="results-q" type="search" label={t("training.results.tab.search")} value={q} onChange={setQ} />
        {data.scope === "all" && (
          <SelectField
            id="results-organisation"
            label={t("training.results.tab.filter_organisation")}
            value={filters.organisation ?? ""}
            onChange={(v) => onFilter({ organisation: v })}
            placeholder={t("training.results.tab.all_organisations")}
            options={data.byOrganisation.map((o) => ({ value: o.organisation.id, label: localName(o.organisation) }))}
          />
        )}
        {data.scope === "all" && (
          <SelectField
            id="results-country"
            label={t("training.results.tab.filter_country")}
            value={filters.country ?? ""}
            onChange={(v) => onFilter({ country: v })}
            placeholder={t("training.results.tab.all_countries")}
            options={data.byCountry.filter((c) => c.country).map((c) => ({ value: c.country!.code, label: localName(c.country) }))}
          />
        )}
        <SelectField
          id="results-missing"
          label={t("training.results.tab.filter_missing")}
          value={filters.missing ?? ""}
          onChange={(v) => onFilter({ missing: v })}
          placeholder={t("training.results.tab.missing_any")}
          options={[...COMPLETION_REQUIREMENTS, "none" as const].map((m) => ({ value: m, label: t(`training.results.tab.missing_${m}`) }))}
        />
        <SelectField
          id="results-sort"
          label={t("training.results.tab.sort")}
          value={filters.sort ?? "name"}
          onChange={(v) => onFilter({ sort: v === "name" ? "" : v })}
          options={SORTS.map((s) => ({ value: s, label: t(`training.results.tab.sort_${s}`) }))}
        />
        <SelectField
          id="results-order"
          label={t("training.results.tab.order")}
          value={filters.order ?? "asc"}
          onChange={(v) => onFilter({ order: v === "asc" ? "" : v })}
          options={(["asc", "desc"] as const).map((o) => ({ value: o, label: t(`training.results.tab.order_${o}`) }))}
        />
      </form>

      {list.total === 0 ? (
        <EmptyState>{data.totals.trainees === 0 ? t("training.results.tab.nobody") : t("training.results.tab.none_match")}</EmptyState>
      ) : (
        <>
          <DataTable
            className="table results-table"
            columns={[
              t("training.results.tab.col_name"),
              t("training.results.tab.col_organisation"),
              { label: t("training.results.tab.col_attendance"), numeric: true },
              { label: t("training.results.tab.col_pre"), numeric: true },
              { label: t("training.results.tab.col_post"), numeric: true },
              { label: t("training.results.tab.col_gain"), numeric: true },
              t("training.results.tab.col_survey"),
              t("training.results.tab.col_missing"),
              t("training.results.tab.col_certificate"),
            ]}
          >
            {list.items.map((row) => (
              <tr key={row.enrolmentId}>
                <th scope="row">
                  <span dir="auto">{localName(row)}</span>
                  <span className="row-secondary" lang={other} dir="auto">
                    {localName(row, "other")}
                  </span>
                </th>
                <td>
                  {localName(row.organisation)}
                  {row.country && <span className="row-secondary">{localName(row.country)}</span>}
                </td>
                <td className="num">{pct(row.attendancePct)}</td>
                <td className="num">{pct(row.prePct)}</td>
                <td className="num">{pct(row.postPct)}</td>
                <td className="num">{points(row.gain)}</td>
                <td>{row.surveyDone ? t("training.results.yes") : t("training.results.no")}</td>
                <td>
                  {row.complete ? (
                    <Badge tone="success">{t("training.results.tab.complete")}</Badge>
                  ) : (
                    <span className="results-missing">
                      {row.missing.map((m) => (
                        <Badge key={m} tone="warning">
                          {t(`training.results.requirement.${m}`)}
                        </Badge>
                      ))}
                    </span>
                  )}
                </td>
                <td>
                  <CertificateCell row={row} />
                </td>
              </tr>
            ))}
          </DataTable>
          <p className="list-status">{t("training.results.tab.trainees")}: {n(list.total)}</p>
          <Pagination page={page} pageSize={list.pageSize} total={list.total} onChange={onPage} />
        </>
      )}
    </section>
  );
}
