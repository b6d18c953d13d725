import { useCallback, useId, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink } from "react-router";
import type { ActionStatus, ProposalStatus, RecommendationStatus } from "../../../../common/followup.js";
import { DateTime } from "../../components/DateTime.js";
import { Badge } from "../../components/Feedback.js";
import { useFormatNumber, useFormatPercent, useLocalName, usePickLocal } from "../../components/format.js";
import "./followup.css";

const STATUS_TONE: Record<RecommendationStatus, "neutral" | "info" | "warning" | "success" | "danger"> = {
  proposed: "neutral",
  approved: "info",
  in_progress: "warning",
  done: "success",
  dropped: "danger",
};

/** A recommendation's status as a coloured badge. */
export function StatusBadge({ status }: { status: RecommendationStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONE[status] ?? "neutral"}>{t(`followup.status.${status}`)}</Badge>;
}

const PROPOSAL_TONE: Record<ProposalStatus, "neutral" | "info" | "warning" | "success" | "danger"> = {
  submitted: "info",
  adopted: "success",
  deferred: "warning",
  rejected: "danger",
  withdrawn: "neutral",
};

export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return <Badge tone={PROPOSAL_TONE[status] ?? "neutral"}>{t(`followup.proposal_status.${status}`)}</Badge>;
}

const ACTION_TONE: Record<ActionStatus, "neutral" | "success" | "danger"> = { open: "neutral", done: "success", cancelled: "danger" };

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  const { t } = useTranslation();
  return <Badge tone={ACTION_TONE[status] ?? "neutral"}>{t(`followup.action_status.${status}`)}</Badge>;
}

/** "Overdue by 3 days" as a red badge, or nothing. */
export function OverdueMark({ overdue, days }: { overdue: boolean; days: number }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  if (!overdue) return null;
  return <Badge tone="danger">{t("followup.overdue_by", { count: days, n: n(days) })}</Badge>;
}

/** The shared percentage formatter (components/format.ts), still importable from here. */
export { useFormatPercent };

/**
 * A read-only bar for a progress (0–100) with its number beside it. The bar is a
 * progressbar for assistive technology, named by `label`.
 */
export function ProgressBar({ value, label, tone }: { value: number | null; label: string; tone?: "done" | "late" }) {
  const percent = useFormatPercent();
  const clamped = value === null ? 0 : Math.max(0, Math.min(100, value));
  return (
    <span className="progress">
      <span
        className={["progress-track", tone ? `progress-track--${tone}` : ""].join(" ").trim()}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value === null ? undefined : clamped}
        aria-valuetext={percent(value)}
      >
        <span className="progress-fill" style={{ inlineSize: `${clamped}%` }} />
      </span>
      <span className="progress-text" aria-hidden="true">
        {percent(value)}
      </span>
    </span>
  );
}

/** Organisations' names in the interface language, joined by the list separator. */
export function OrgNames({ orgs, linked = false }: { orgs: { id: string; code?: string; nameAr: string; nameEn: string }[]; linked?: boolean }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  if (orgs.length === 0) return <span className="row-secondary-inline">—</span>;
  return (
    <span className="org-names">
      {orgs.map((o, i) => (
        <span key={o.id}>
          {i > 0 && t("common.list_separator")}
          {linked && o.code ? <Link to={`/directory/organisations/${encodeURIComponent(o.code)}`}>{localName(o)}</Link> : localName(o)}
        </span>
      ))}
    </span>
  );
}

/** A due date (Gregorian "YYYY-MM-DD") shown in Hijri and Gregorian, or "no due date". */
export function DueDate({ value }: { value: string | null }) {
  const { t } = useTranslation();
  if (!value) return <span className="row-secondary-inline">{t("followup.no_due_date")}</span>;
  return <DateTime value={value} />;
}

/** The text of a recommendation in the interface language (the other one if empty), with its language. */
export function useRecommendationText() {
  const { i18n } = useTranslation();
  const ui: "ar" | "en" = i18n.language === "en" ? "en" : "ar";
  return useCallback(
    (r: { textAr: string; textEn: string }): { text: string; lang: "ar" | "en" } => {
      const first = ui === "ar" ? r.textAr : r.textEn;
      if (first && first.trim()) return { text: first, lang: ui };
      return { text: (ui === "ar" ? r.textEn : r.textAr) ?? "", lang: ui === "ar" ? "en" : "ar" };
    },
    [ui],
  );
}

/** A recommendation's reference and text as one link (the text cut short in lists). */
export function RecommendationLink({ rec, short = true }: { rec: { id: string; reference: string | null; textAr: string; textEn: string }; short?: boolean }) {
  const textOf = useRecommendationText();
  const { text, lang } = textOf(rec);
  return (
    <Link to={`/recommendations/${encodeURIComponent(rec.id)}`} className="rec-link">
      {rec.reference && (
        <bdi className="rec-ref" dir="auto">
          {rec.reference}
        </bdi>
      )}
      <span lang={lang} dir="auto" className={short ? "rec-text rec-text--short" : "rec-text"}>
        {text}
      </span>
    </Link>
  );
}

/** Show a bilingual text in the interface language first; the other language on demand. */
export function BilingualText({ ar, en, as = "p" }: { ar: string; en: string; as?: "p" | "div" }) {
  const { t, i18n } = useTranslation();
  const ui: "ar" | "en" = i18n.language === "en" ? "en" : "ar";
  const [showOther, setShowOther] = useState(false);
  const id = useId();
  const mine = (ui === "ar" ? ar : en)?.trim() ?? "";
  const theirs = (ui === "ar" ? en : ar)?.trim() ?? "";
  const otherLang: "ar" | "en" = ui === "ar" ? "en" : "ar";
  const Tag = as;
  if (!mine) {
    return (
      <>
        <Tag className="bilingual-text preserve-lines" lang={otherLang} dir="auto">
          {theirs}
        </Tag>
        {theirs && <p className="card-meta">{t(`followup.only_in.${otherLang}`)}</p>}
      </>
    );
  }
  return (
    <>
      <Tag className="bilingual-text preserve-lines" lang={ui} dir="auto">
        {mine}
      </Tag>
      {theirs && theirs !== mine && (
        <>
          <button type="button" className="button button--link other-language-toggle" aria-expanded={showOther} aria-controls={id} lang={otherLang} onClick={() => setShowOther((v) => !v)}>
            {showOther ? t(`followup.hide_text_in.${otherLang}`) : t(`followup.show_text_in.${otherLang}`)}
          </button>
          <div id={id} hidden={!showOther}>
            {showOther && (
              <Tag className="bilingual-text bilingual-text--other preserve-lines" lang={otherLang} dir="auto">
                {theirs}
              </Tag>
            )}
          </div>
        </>
      )}
    </>
  );
}

/** A title in the interface language (programmes, areas, events). */
export function useTitle() {
  const pick = usePickLocal();
  return useCallback((r: { titleAr?: string | null; titleEn?: string | null } | null | undefined) => (r ? pick(r.titleAr, r.titleEn) : ""), [pick]);
}

const SECTIONS = [
  { to: "/recommendations", key: "recommendations" },
  { to: "/actions", key: "actions" },
  { to: "/programmes", key: "programmes" },
  { to: "/accountability", key: "accountability" },
] as const;

/** The follow-up pages' own navigation (recommendations, my actions, programmes, accountability). */
export function FollowupNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("followup.nav.label")} className="subnav followup-nav">
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.to}>
            <NavLink to={s.to} className="subnav-link">
              {t(`followup.nav.${s.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A labelled definition row for summary lists, left out when there is nothing to show. */
export function Row({ label, children, show = true }: { label: ReactNode; children: ReactNode; show?: boolean }) {
  if (!show) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
