import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type StepState = "done" | "todo" | "in_progress" | "waiting" | "not_required";

const MARK: Record<StepState, string> = { done: "✓", todo: "•", in_progress: "…", waiting: "○", not_required: "–" };

/** One step of the trainee's way through a programme: its state (as a mark and in words), its rule and what to do. */
export function ProgressStep({ title, state, children }: { title: string; state: StepState; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <li className={`progress-step progress-step--${state}`}>
      <span className="progress-step-mark" aria-hidden="true">
        {MARK[state]}
      </span>
      <div className="progress-step-body">
        <h3 className="progress-step-title">
          {title} <span className="progress-step-state">({t(`training.results.progress.state_${state}`)})</span>
        </h3>
        {children}
      </div>
    </li>
  );
}
