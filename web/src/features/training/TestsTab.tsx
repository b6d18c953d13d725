import { useTranslation } from "react-i18next";
import { useApi } from "../../api/useApi.js";
import { ErrorState, Loading } from "../../components/Feedback.js";
import { SurveySummary } from "./SurveySummary.js";
import { TestSettings } from "./TestSettings.js";
import { testsApi, type Assessment, type Assessments, type BankQuestion } from "./TestTypes.js";
import type { ProgrammeTabProps } from "./types.js";
import "./QuestionsTab.css";

/**
 * The pre- and post-test of a programme (managers): questions from the bank, time limit, window,
 * publication, attempt counts and lock state; and the satisfaction survey's results.
 */
export function TestsTab({ programme }: ProgrammeTabProps) {
  const { t } = useTranslation();
  const tests = useApi<Assessments>(testsApi.assessments(programme.id));
  const bank = useApi<{ items: BankQuestion[] }>(testsApi.questions(programme.id));

  const error = tests.error ?? bank.error;
  if (!tests.data || !bank.data) return error ? <ErrorState error={error} onRetry={() => (tests.reload(), bank.reload())} /> : <Loading />;
  const data = tests.data;
  const saved = (a: Assessment) => {
    tests.setData({ ...data, [a.kind]: a });
    // The bank shows which test each question is in.
    bank.reload();
  };
  return (
    <section className="tests-tab" aria-labelledby="tests-title">
      <div className="section-header">
        <h2 id="tests-title" className="section-title">
          {t("training.assessment.title")}
        </h2>
      </div>
      <p className="section-intro">{t("training.assessment.tests_intro")}</p>
      <div className="tests-grid">
        <TestSettings programmeId={programme.id} kind="pre" assessment={data.pre} bank={bank.data.items} onSaved={saved} />
        <TestSettings programmeId={programme.id} kind="post" assessment={data.post} bank={bank.data.items} preQuestionIds={data.pre?.questions?.map((q) => q.id)} onSaved={saved} />
      </div>
      <SurveySummary programmeId={programme.id} />
    </section>
  );
}
