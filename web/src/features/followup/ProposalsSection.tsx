import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PROPOSAL_OUTCOMES, type ProposalOutcome } from "../../../../common/followup.js";
import { api } from "../../api/client.js";
import { useAction, type ApiResource } from "../../api/useApi.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { DateInput } from "../../components/DateInput.js";
import { DateTime } from "../../components/DateTime.js";
import { RadioGroupField, TextAreaField, TextField } from "../../components/Field.js";
import { Badge, EmptyState, FormErrors, Loading, StatusMessage } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName, usePickLocal } from "../../components/format.js";
import { FormDialog } from "../../components/FormDialog.js";
import { OrgNames, ProposalStatusBadge } from "./FollowupBits.js";
import { OrgListPicker, type ChosenOrg } from "./Pickers.js";
import { proposalPath, ProposalComments } from "./ProposalComments.js";
import type { Proposal, ProposalList } from "./types.js";

/** The outcome a decided proposal's status stands for. */
const outcomeOf = (status: Proposal["status"]): ProposalOutcome => (status === "deferred" || status === "rejected" ? status : "adopted");

/**
 * The meeting's decision on a proposal: adopted (which creates a recommendation,
 * with its responsibles and due date), deferred or rejected, with the decision's
 * reference and a note.
 */
function DecisionDialog({ proposal, open, onClose, onDecided }: { proposal: Proposal; open: boolean; onClose(): void; onDecided(next: Proposal): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const [outcome, setOutcome] = useState<ProposalOutcome>("adopted");
  const [reference, setReference] = useState("");
  const [note, setNote] = useState("");
  const [responsibles, setResponsibles] = useState<ChosenOrg[]>([]);
  const [dueOn, setDueOn] = useState<string | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const prefix = `decision-${proposal.id}`;

  async function submit() {
    const problems: Record<string, string> = {};
    if (!reference.trim()) problems.reference = t("validation.required", { field: t("followup.proposals.decision_reference") });
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const body: Record<string, unknown> = { outcome, reference: reference.trim() };
    if (note.trim()) body.note = note.trim();
    if (outcome === "adopted") {
      if (responsibles.length > 0) body.responsibleOrganisationIds = responsibles.map((o) => o.id);
      if (dueOn) body.dueOn = dueOn;
    }
    const result = await action.run(() => api.post<Proposal>(`${proposalPath(proposal.id)}/decision`, body));
    if (result.ok) onDecided(result.value);
  }

  const error = (key: string) => local[key] ?? action.fieldError(key);
  return (
    <FormDialog
      open={open}
      wide
      title={t("followup.proposals.decide_title", { title: proposal.title })}
      submitLabel={t("followup.proposals.decide_submit")}
      pending={action.pending}
      onSubmit={() => void submit()}
      onCancel={() => {
        action.clear();
        setLocal({});
        onClose();
      }}
    >
      <FormErrors
        error={action.error}
        shownFields={["outcome", "reference", "note", "responsibleOrganisationIds", "dueOn"]}
        localMessage={Object.keys(local).length > 0 ? t("errors.VALIDATION_FAILED") : null}
      />
      <RadioGroupField
        id={`${prefix}-outcome`}
        legend={t("followup.proposals.outcome_label")}
        value={outcome}
        onChange={(v) => setOutcome(v as ProposalOutcome)}
        error={error("outcome")}
        required
        options={PROPOSAL_OUTCOMES.map((o) => ({ value: o, label: t(`followup.proposals.outcome.${o}`), description: t(`followup.proposals.outcome_hint.${o}`) }))}
      />
      <TextField id={`${prefix}-reference`} label={t("followup.proposals.decision_reference")} dir="auto" maxLength={40} value={reference} onChange={setReference} error={error("reference")} required />
      <TextAreaField id={`${prefix}-note`} label={t("followup.proposals.decision_note")} dir="auto" value={note} onChange={setNote} error={error("note")} rows={2} />
      {outcome === "adopted" && (
        <>
          <OrgListPicker
            id={`${prefix}-responsibles`}
            legend={t("followup.fields.responsibles")}
            hint={t("followup.proposals.responsibles_hint")}
            value={responsibles}
            onChange={setResponsibles}
            error={error("responsibleOrganisationIds")}
          />
          <DateInput id={`${prefix}-dueOn`} label={t("followup.fields.due_on")} value={dueOn} onChange={setDueOn} error={error("dueOn")} />
        </>
      )}
    </FormDialog>
  );
}

/** One proposal: its text in its own language, who supports it, the decision, and what the user may do. */
function ProposalCard({ proposal, onChange }: { proposal: Proposal; onChange(next: Proposal): void }) {
  const { t, i18n } = useTranslation();
  const n = useFormatNumber();
  const localName = useLocalName();
  const pick = usePickLocal();
  const action = useAction();
  const [showComments, setShowComments] = useState(false);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const [deciding, setDeciding] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  const [commentCount, setCommentCount] = useState(proposal.commentCount);
  const lang = proposal.language;
  const titleId = `proposal-${proposal.id}-title`;

  async function run(kind: "sponsor" | "unsponsor" | "withdraw") {
    setSaid(null);
    const path = proposalPath(proposal.id);
    const result = await action.run(() =>
      kind === "sponsor" ? api.put<Proposal>(`${path}/sponsorship`) : kind === "unsponsor" ? api.delete<Proposal>(`${path}/sponsorship`) : api.post<Proposal>(`${path}/withdraw`),
    );
    setConfirmWithdraw(false);
    if (result.ok) {
      onChange(result.value);
      setSaid(t(`followup.proposals.done_${kind}`));
    }
  }

  return (
    <li id={`proposal-${proposal.id}`} className={`proposal proposal--${proposal.status}`}>
      <article aria-labelledby={titleId}>
        <header className="proposal-header">
          <h4 id={titleId} className="proposal-title" lang={lang} dir="auto">
            {proposal.title}
          </h4>
          <ProposalStatusBadge status={proposal.status} />
          {lang !== (i18n.language === "en" ? "en" : "ar") && <Badge>{t(`followup.written_in.${lang}`)}</Badge>}
        </header>
        <p className="row-secondary">
          {t("followup.proposals.submitted_by", { organisation: localName(proposal.organisation) })}
          {proposal.author && (
            <>
              {t("common.list_separator")}
              <bdi>{proposal.author.name}</bdi>
            </>
          )}
          {t("common.list_separator")}
          <DateTime value={proposal.createdAt} />
        </p>
        {proposal.carriedFrom && (
          <p className="card-meta">
            {t("followup.proposals.carried_from")}{" "}
            <Link to={`/events/${encodeURIComponent(proposal.carriedFrom.eventId)}?tab=followup#proposal-${encodeURIComponent(proposal.carriedFrom.id)}`}>
              {pick(proposal.carriedFrom.eventTitleAr, proposal.carriedFrom.eventTitleEn)}
            </Link>
          </p>
        )}
        <dl className="proposal-text">
          <div>
            <dt>{t("followup.proposals.problem")}</dt>
            <dd className="preserve-lines" lang={lang} dir="auto">
              {proposal.problem}
            </dd>
          </div>
          <div>
            <dt>{t("followup.proposals.proposal")}</dt>
            <dd className="preserve-lines" lang={lang} dir="auto">
              {proposal.proposal}
            </dd>
          </div>
          <div>
            <dt>{t("followup.proposals.benefit")}</dt>
            <dd className="preserve-lines" lang={lang} dir="auto">
              {proposal.benefit}
            </dd>
          </div>
        </dl>
        <p className="proposal-sponsors">
          <span className="proposal-label">{t("followup.proposals.sponsored_by")}</span>{" "}
          {proposal.sponsors.length > 0 ? <OrgNames orgs={proposal.sponsors.map((s) => s.organisation)} /> : <span className="row-secondary-inline">{t("followup.proposals.no_sponsors")}</span>}
        </p>
        {proposal.decision && (
          <div className={`proposal-decision proposal-decision--${proposal.status}`}>
            <p>
              <strong>{t(`followup.proposals.decided.${outcomeOf(proposal.status)}`)}</strong>
              {proposal.decision.reference && (
                <>
                  {t("common.list_separator")}
                  {t("followup.proposals.decision_reference")}: <bdi dir="auto">{proposal.decision.reference}</bdi>
                </>
              )}
              {t("common.list_separator")}
              <DateTime value={proposal.decision.decidedAt} />
            </p>
            {proposal.decision.note && (
              <p className="preserve-lines" dir="auto">
                {proposal.decision.note}
              </p>
            )}
            {proposal.status === "adopted" && proposal.recommendationId && (
              <p>
                <Link to={`/recommendations/${encodeURIComponent(proposal.recommendationId)}`} className="button button--secondary button--small">
                  {t("followup.proposals.view_recommendation")}
                </Link>
              </p>
            )}
          </div>
        )}
        <StatusMessage>{said}</StatusMessage>
        <FormErrors error={action.error} />
        <div className="button-row proposal-buttons">
          {proposal.abilities.sponsor && (
            <button type="button" className="button button--primary button--small" disabled={action.pending} onClick={() => void run("sponsor")} aria-describedby={titleId}>
              {t("followup.proposals.sponsor")}
            </button>
          )}
          {proposal.abilities.unsponsor && (
            <button type="button" className="button button--secondary button--small" disabled={action.pending} onClick={() => void run("unsponsor")} aria-describedby={titleId}>
              {t("followup.proposals.unsponsor")}
            </button>
          )}
          <button type="button" className="button button--ghost button--small" aria-expanded={showComments} aria-controls={`proposal-${proposal.id}-comments`} onClick={() => setShowComments((v) => !v)}>
            {t("followup.proposals.comments", { count: commentCount, n: n(commentCount) })}
          </button>
          {proposal.abilities.decide && (
            <button type="button" className="button button--primary button--small" onClick={() => setDeciding(true)} aria-describedby={titleId}>
              {t("followup.proposals.decide")}
            </button>
          )}
          {proposal.abilities.withdraw && (
            <button type="button" className="button button--danger-outline button--small" disabled={action.pending} onClick={() => setConfirmWithdraw(true)} aria-describedby={titleId}>
              {t("followup.proposals.withdraw")}
            </button>
          )}
        </div>
        <div id={`proposal-${proposal.id}-comments`} hidden={!showComments}>
          {showComments && <ProposalComments proposal={proposal} onCount={setCommentCount} />}
        </div>
      </article>
      <ConfirmDialog
        open={confirmWithdraw}
        title={t("followup.proposals.withdraw_title", { title: proposal.title })}
        confirmLabel={t("followup.proposals.withdraw")}
        danger
        pending={action.pending}
        onConfirm={() => void run("withdraw")}
        onCancel={() => setConfirmWithdraw(false)}
      >
        <p>{t("followup.proposals.withdraw_body")}</p>
      </ConfirmDialog>
      {proposal.abilities.decide && (
        <DecisionDialog
          proposal={proposal}
          open={deciding}
          onClose={() => setDeciding(false)}
          onDecided={(next) => {
            setDeciding(false);
            onChange(next);
            setSaid(t(`followup.proposals.decided_said.${outcomeOf(next.status)}`));
          }}
        />
      )}
    </li>
  );
}

/** Submit a proposal for one's organisation: the title, the problem, the proposal and the expected benefit, in one language. */
function SubmitProposalForm({ eventId, onSubmitted, onCancel }: { eventId: string; onSubmitted(p: Proposal): void; onCancel(): void }) {
  const { t, i18n } = useTranslation();
  const action = useAction();
  const [values, setValues] = useState({ language: i18n.language === "en" ? "en" : "ar", title: "", problem: "", proposal: "", benefit: "" });
  const [local, setLocal] = useState<Record<string, string>>({});
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const dir = values.language === "ar" ? "rtl" : "ltr";

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    for (const key of ["title", "problem", "proposal", "benefit"] as const) {
      if (!values[key].trim()) problems[key] = t("validation.required", { field: t(`followup.proposals.${key === "title" ? "title_label" : key}`) });
    }
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const body = { language: values.language, title: values.title.trim(), problem: values.problem.trim(), proposal: values.proposal.trim(), benefit: values.benefit.trim() };
    const result = await action.run(() => api.post<Proposal>(`/api/events/${encodeURIComponent(eventId)}/proposals`, body));
    if (result.ok) onSubmitted(result.value);
  }

  const error = (key: string) => local[key] ?? action.fieldError(key);
  return (
    <form className="form proposal-form" noValidate onSubmit={onSubmit} aria-labelledby="proposal-form-title">
      <h4 id="proposal-form-title" className="section-title">
        {t("followup.proposals.submit_title")}
      </h4>
      <FormErrors error={action.error} shownFields={["language", "title", "problem", "proposal", "benefit"]} localMessage={Object.keys(local).length > 0 ? t("errors.VALIDATION_FAILED") : null} />
      <RadioGroupField
        id="proposal-language"
        legend={t("followup.proposals.language")}
        value={values.language}
        onChange={set("language")}
        options={(["ar", "en"] as const).map((l) => ({ value: l, label: t(`common.languages.${l}`) }))}
        required
      />
      <TextField id="proposal-title" label={t("followup.proposals.title_label")} dir={dir} lang={values.language} maxLength={300} value={values.title} onChange={set("title")} error={error("title")} required />
      <TextAreaField id="proposal-problem" label={t("followup.proposals.problem")} hint={t("followup.proposals.problem_hint")} dir={dir} lang={values.language} value={values.problem} onChange={set("problem")} error={error("problem")} required />
      <TextAreaField id="proposal-proposal" label={t("followup.proposals.proposal")} hint={t("followup.proposals.proposal_hint")} dir={dir} lang={values.language} value={values.proposal} onChange={set("proposal")} error={error("proposal")} required />
      <TextAreaField id="proposal-benefit" label={t("followup.proposals.benefit")} hint={t("followup.proposals.benefit_hint")} dir={dir} lang={values.language} value={values.benefit} onChange={set("benefit")} error={error("benefit")} required />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.pending} aria-busy={action.pending || undefined}>
          {action.pending ? t("common.working") : t("followup.proposals.submit")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={action.pending}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}

/** The proposals of a meeting: submit, co-sponsor, comment, withdraw, and the host's decision. */
export function ProposalsSection({ eventId, proposals }: { eventId: string; proposals: ApiResource<ProposalList> }) {
  const { t } = useTranslation();
  const [writing, setWriting] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  const data = proposals.data;
  if (!data) {
    if (proposals.loading) return <Loading />;
    // Only the host, invited organisations and coordinators see a meeting's proposals.
    return null;
  }
  const replace = (next: Proposal) => proposals.setData({ ...data, items: data.items.some((p) => p.id === next.id) ? data.items.map((p) => (p.id === next.id ? next : p)) : [...data.items, next] });

  return (
    <section className="card" aria-labelledby="event-proposals-title">
      <div className="card-header">
        <h3 id="event-proposals-title" className="card-title">
          {t("followup.proposals.title")}
        </h3>
        {data.abilities.submit && !writing && (
          <button
            type="button"
            className="button button--primary button--small"
            onClick={() => {
              setSaid(null);
              setWriting(true);
            }}
          >
            {t("followup.proposals.new")}
          </button>
        )}
      </div>
      <p className="card-meta">{t("followup.proposals.intro")}</p>
      <StatusMessage>{said}</StatusMessage>
      {writing && (
        <SubmitProposalForm
          eventId={eventId}
          onCancel={() => setWriting(false)}
          onSubmitted={(p) => {
            replace(p);
            setWriting(false);
            setSaid(t("followup.proposals.submitted"));
          }}
        />
      )}
      {data.items.length === 0 && !writing && <EmptyState>{t("followup.proposals.none")}</EmptyState>}
      {data.items.length > 0 && (
        <ul className="proposal-list">
          {data.items.map((p) => (
            <ProposalCard key={p.id} proposal={p} onChange={replace} />
          ))}
        </ul>
      )}
    </section>
  );
}
