import { useTranslation } from "react-i18next";
import { DateTime } from "../../components/DateTime.js";
import { Badge, EmptyState } from "../../components/Feedback.js";
import { useDisplaySettings } from "../../app/useDisplaySettings.js";
import { useFormatNumber, useLocalName, usePickLocal } from "../../components/format.js";
import "../../components/RichTextEditor.css";
import type { Decision, Minutes } from "./types.js";

function DecisionItem({ decision }: { decision: Decision }) {
  const { t, i18n } = useTranslation();
  const n = useFormatNumber();
  const localName = useLocalName();
  const pick = usePickLocal();
  const text = pick(decision.textAr, decision.textEn);
  // The text shown may be the other language's when this one was left empty.
  const textLang = (i18n.language === "ar" ? decision.textAr : decision.textEn).trim() ? i18n.language : i18n.language === "ar" ? "en" : "ar";
  return (
    <li className="decision">
      <p className="decision-head">
        <span className="decision-number">{t("events.decisions.number", { n: n(decision.number) })}</span>
        {decision.reference && (
          <Badge>
            <span>
              {t("events.decisions.reference")}: <bdi>{decision.reference}</bdi>
            </span>
          </Badge>
        )}
      </p>
      <p className="decision-text preserve-lines" lang={textLang} dir="auto">
        {text}
      </p>
      {(decision.responsible || decision.dueOn) && (
        <dl className="decision-meta">
          {decision.responsible && (
            <div>
              <dt>{t("events.decisions.responsible")}</dt>
              <dd>{localName(decision.responsible)}</dd>
            </div>
          )}
          {decision.dueOn && (
            <div>
              <dt>{t("events.decisions.due_on")}</dt>
              <dd>
                <DateTime value={decision.dueOn} />
              </dd>
            </div>
          )}
        </dl>
      )}
    </li>
  );
}

/** The minutes as saved: the (server-sanitised) text, then the numbered decisions. */
export function MinutesView({ minutes }: { minutes: Minutes }) {
  const { t } = useTranslation();
  const { locale, digits } = useDisplaySettings();
  return (
    <>
      {minutes.bodyHtml ? (
        // The server sanitises the minutes on save (minutes-html.ts): only structure, emphasis and links remain.
        <div className={["rich-text", "minutes-body", locale === "ar" && digits === "arab" ? "rich-text--arab" : ""].join(" ").trim()} dangerouslySetInnerHTML={{ __html: minutes.bodyHtml }} />
      ) : (
        <EmptyState>{t("events.minutes.empty")}</EmptyState>
      )}
      <h3 className="section-title">{t("events.decisions.title")}</h3>
      {minutes.decisions.length === 0 ? (
        <EmptyState>{t("events.decisions.none")}</EmptyState>
      ) : (
        <ol className="decision-list">
          {minutes.decisions.map((d) => (
            <DecisionItem key={d.id} decision={d} />
          ))}
        </ol>
      )}
    </>
  );
}
