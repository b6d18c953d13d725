import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { AssessmentKind } from "../../../../common/training.js";
import { api } from "../../api/client.js";
import { useAction } from "../../api/useApi.js";
import { FormErrors } from "../../components/Feedback.js";
import { trainingPaths } from "./paths.js";
import { testsApi, type Attempt, type MyAttempt } from "./TestTypes.js";

/**
 * "Take the pre-test" / "Continue the post-test" for an enrolled trainee (the progress panel shows
 * it for an open test): starts or resumes his attempt, then opens the attempt page.
 */
export function TestStartButton({ programmeId, kind, myAttempt }: { programmeId: string; kind: AssessmentKind; myAttempt: MyAttempt | null | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const action = useAction();
  const kindLabel = t(kind === "pre" ? "training.assessment.kind_pre" : "training.assessment.kind_post");
  const resume = myAttempt?.status === "in_progress";
  async function start() {
    const result = await action.run(() => api.post<Attempt>(testsApi.start(programmeId, kind)));
    if (result.ok) navigate(trainingPaths.attempt(result.value.id));
  }
  return (
    <>
      <button type="button" className="button button--primary" disabled={action.pending} aria-busy={action.pending || undefined} onClick={() => void start()}>
        {t(resume ? "training.assessment.resume_test" : "training.assessment.take_test", { kind: kindLabel })}
      </button>
      <FormErrors error={action.error} />
    </>
  );
}
