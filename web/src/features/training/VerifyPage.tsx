import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { canonicalCertificateCode } from "../../../../common/training.js";
import { useApi } from "../../api/useApi.js";
import { DateTime } from "../../components/DateTime.js";
import { Loading } from "../../components/Feedback.js";
import { TextField } from "../../components/Field.js";
import { useOtherLanguage, usePickLocal } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { trainingPaths } from "./paths.js";
import { resultsApi, type Verification } from "./ResultsTypes.js";
import "./ProgressPanel.css";

type Outcome = "valid" | "revoked" | "not_found";
const MARK: Record<Outcome, string> = { valid: "✓", revoked: "✗", not_found: "?" };

/** The answer for one code: valid ✓, revoked ✗ or not found, with the names, programme and dates. */
function VerifyResult({ code, data, outcome }: { code: string; data: Verification | undefined; outcome: Outcome }) {
  const { t } = useTranslation();
  const pick = usePickLocal();
  const other = useOtherLanguage();
  const otherOf = (ar: string, en: string) => (other === "ar" ? ar : en);
  return (
    <section className={`verify-result verify-result--${outcome}`} aria-labelledby="verify-result-title" role="status">
      <h2 id="verify-result-title" className="verify-result-title">
        <span className="verify-mark" aria-hidden="true">
          {MARK[outcome]}
        </span>
        {t(`training.results.verify.${outcome}`)}
      </h2>
      <p>{outcome === "not_found" ? t("training.results.verify.not_found_text", { code: `\u2066${code}\u2069` }) : t(`training.results.verify.${outcome}_text`)}</p>
      {data && outcome !== "not_found" && (
        <dl className="verify-facts">
          <div>
            <dt>{t("training.results.verify.name")}</dt>
            <dd>
              <bdi>{pick(data.nameAr, data.nameEn)}</bdi>
              <span className="verify-other" lang={other}>
                <bdi>{otherOf(data.nameAr, data.nameEn)}</bdi>
              </span>
            </dd>
          </div>
          <div>
            <dt>{t("training.results.verify.programme")}</dt>
            <dd>
              <bdi>{pick(data.programmeTitleAr, data.programmeTitleEn)}</bdi>
              <span className="verify-other" lang={other}>
                <bdi>{otherOf(data.programmeTitleAr, data.programmeTitleEn)}</bdi>
              </span>
            </dd>
          </div>
          <div>
            <dt>{t("training.results.verify.completed_on")}</dt>
            <dd>
              <DateTime value={data.completedOn} />
            </dd>
          </div>
          {data.revokedAt && (
            <div>
              <dt>{t("training.results.verify.revoked_on")}</dt>
              <dd>
                <DateTime value={data.revokedAt} />
              </dd>
            </div>
          )}
          <div>
            <dt>{t("training.results.verify.code")}</dt>
            <dd>
              <bdi dir="ltr" className="certificate-code">
                {data.code}
              </bdi>
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}

/**
 * /verify/:code — the public page a certificate's QR code opens (signed in or not): whether the
 * certificate is valid or revoked, whose it is and for which programme, in the interface language;
 * and a form to check another code as typed.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { code: param = "" } = useParams();
  const canonical = canonicalCertificateCode(param);
  const result = useApi<Verification>(canonical ? resultsApi.verify(canonical) : null);
  const [typed, setTyped] = useState(canonical ?? param);
  const [typedError, setTypedError] = useState<string | undefined>(undefined);
  usePageTitle(t("training.results.verify.title"));
  useEffect(() => {
    setTyped(canonical ?? param);
    setTypedError(undefined);
  }, [param, canonical]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const next = canonicalCertificateCode(typed);
    if (!next) {
      setTypedError(t("training.results.verify.invalid_code"));
      return;
    }
    setTypedError(undefined);
    navigate(trainingPaths.verify(next));
  }

  const notFound = !canonical || result.error?.code === "CERTIFICATE_NOT_FOUND";
  const outcome: Outcome | null = notFound ? "not_found" : result.data ? result.data.status : null;

  return (
    <article className="verify-page">
      <PageHeader title={t("training.results.verify.title")} subtitle={t("training.results.verify.intro")} />
      {result.loading && !result.data && <Loading label={t("training.results.verify.checking")} />}
      {outcome && <VerifyResult code={canonical ?? param} data={result.data} outcome={outcome} />}
      {result.error && !notFound && (
        <p className="alert alert--error" role="alert">
          {result.error.code === "LOGIN_THROTTLED" ? t("errors.LOGIN_THROTTLED") : t("training.results.verify.error")}
        </p>
      )}
      <form className="verify-form card" onSubmit={onSubmit} noValidate>
        <TextField
          id="verify-code"
          label={t("training.results.verify.code")}
          hint={t("training.results.verify.code_hint")}
          value={typed}
          onChange={setTyped}
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          error={typedError}
        />
        <button type="submit" className="button button--primary">
          {t("training.results.verify.check")}
        </button>
      </form>
    </article>
  );
}
