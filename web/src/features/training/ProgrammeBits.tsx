import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { TrainingAudience } from "../../../../common/training.js";
import { Badge } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName } from "../../components/format.js";
import type { ProgrammeDetail, ProgrammeSummary, TrainingOrg } from "./types.js";

/** Draft / published, archived, and the caller's own enrolment. */
export function ProgrammeBadges({ programme }: { programme: ProgrammeSummary }) {
  const { t } = useTranslation();
  return (
    <>
      {programme.status === "draft" ? <Badge tone="warning">{t("training.programme.status.draft")}</Badge> : <Badge tone="success">{t("training.programme.status.published")}</Badge>}
      {programme.archivedAt && <Badge tone="neutral">{t("training.programme.archived")}</Badge>}
      {programme.myEnrolment?.status === "enrolled" && <Badge tone="info">{t("training.programme.enrolled_badge")}</Badge>}
    </>
  );
}

/** The owning organisations, the lead first: "OIC General Secretariat and Ministry of Hajj and Umrah". */
export function OwnerNames({ owners }: { owners: TrainingOrg[] }) {
  const { i18n } = useTranslation();
  const localName = useLocalName();
  const names = owners.map((o) => localName(o));
  let text = names.join("، ");
  try {
    text = new Intl.ListFormat(i18n.language, { style: "long", type: "conjunction" }).format(names);
  } catch {
    // Older engines: a plain list.
  }
  return <span className="training-owners">{text}</span>;
}

/** The target audience as a short list. */
export function AudienceText({ audience }: { audience: TrainingAudience[] }) {
  const { t } = useTranslation();
  return <>{audience.map((a) => t(`training.programme.audience.${a}`)).join(t("common.list_separator"))}</>;
}

/** One fact of a description list (`<dl>`): its term and its description. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The owners as one fact of a description list. */
export function OwnersFact({ owners }: { owners: TrainingOrg[] }) {
  const { t } = useTranslation();
  return <Fact label={t("training.programme.owners")}><OwnerNames owners={owners} /></Fact>;
}

/** The target audience as one fact of a description list. */
export function AudienceFact({ audience }: { audience: TrainingAudience[] }) {
  const { t } = useTranslation();
  return <Fact label={t("training.programme.audience_label")}><AudienceText audience={audience} /></Fact>;
}

/**
 * The completion rule in words, one requirement a line: "attended at least 75% of the workshops
 * held", "scored at least 60% in the post-test", "answered the satisfaction survey". (The catalog
 * puts the sign after the number, with no space, as Intl's percentages and the server's texts do.)
 */
export function CompletionRule({ programme }: { programme: Pick<ProgrammeDetail, "minAttendancePct" | "minPostScorePct" | "requireSurvey"> }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const items = [
    programme.minAttendancePct > 0 ? t("training.programme.rule.attendance", { pct: n(programme.minAttendancePct) }) : null,
    t("training.programme.rule.post_test", { pct: n(programme.minPostScorePct) }),
    programme.requireSurvey ? t("training.programme.rule.survey") : null,
  ].filter((x): x is string => x !== null);
  return (
    <ul className="training-rule">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
