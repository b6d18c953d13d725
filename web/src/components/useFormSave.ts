import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useAction } from "../api/useApi.js";
import { useUnsavedChanges } from "./useUnsavedChanges.js";

export interface FormSaveOptions<State, Saved extends { version: number }, Problem extends string> {
  /** The record being edited; none for a new one. */
  existing?: Saved;
  /** The form's values for a new record, or for `record` as saved. */
  toState(record?: Saved): State;
  /** Problems the form can see before sending, by field. */
  check(values: State): Record<string, Problem>;
  /** Send the values; `version` is the one the edit is based on (0 for a new record). */
  send(values: State, version: number): Promise<Saved>;
  /** The error code of a save refused because someone else saved first. */
  conflictCode: string;
  /** The record as saved now, fetched after a conflict. */
  fetchLatest(existing: Saved): Promise<Saved>;
  /** Called once saved (the form no longer warns about leaving). */
  onSaved(saved: Saved): void;
  /** The question asked before leaving with unsaved changes. */
  leaveWarning: string;
}

/**
 * The save scaffolding of an edit form: the values and their problems found before sending,
 * the server's field messages (`action`), the unsaved-changes guard, and a stale version:
 * the form keeps the user's changes and shows what is saved now (`latest`), to save over
 * it or take it instead.
 */
export function useFormSave<State, Saved extends { version: number }, Problem extends string>(options: FormSaveOptions<State, Saved, Problem>) {
  const { t } = useTranslation();
  const { existing, toState } = options;
  const action = useAction();
  const [initial, setInitial] = useState(() => toState(existing));
  const [values, setValues] = useState<State>(initial);
  const [version, setVersion] = useState(existing?.version ?? 0);
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const [latest, setLatest] = useState<Saved | null>(null);
  const [confirmTakeTheirs, setConfirmTakeTheirs] = useState(false);
  const [saved, setSaved] = useState(false);

  const isDirty = !saved && JSON.stringify(values) !== JSON.stringify(initial);
  useUnsavedChanges(isDirty, options.leaveWarning);

  /** A field's setter; a change clears the problem found in that field. */
  const set =
    <K extends keyof State>(key: K) =>
    (value: State[K]) => {
      setValues((v) => ({ ...v, [key]: value }));
      setProblems((p) => {
        if (!(key in p)) return p;
        const next = { ...p };
        delete next[key as string];
        return next;
      });
    };

  async function save(baseVersion: number) {
    const found = options.check(values);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const result = await action.run(() => options.send(values, baseVersion));
    if (result.ok) {
      setSaved(true);
      options.onSaved(result.value);
      return;
    }
    if (existing && result.error.code === options.conflictCode) {
      // Show what is saved now; the form keeps the user's changes untouched.
      try {
        setLatest(await options.fetchLatest(existing));
      } catch {
        setLatest(null);
      }
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void save(version);
  }

  /** Save the user's values over the version saved meanwhile. */
  function saveOver() {
    if (!latest) return;
    setVersion(latest.version);
    setLatest(null);
    void save(latest.version);
  }

  /** Replace the user's values with the version saved meanwhile. */
  function takeTheirs() {
    if (!latest) return;
    const theirs = toState(latest);
    setValues(theirs);
    setInitial(theirs);
    setVersion(latest.version);
    setLatest(null);
    setProblems({});
    action.clear();
    setConfirmTakeTheirs(false);
  }

  return {
    values,
    set,
    problems,
    /** The summary above the form while problems found before sending are shown. */
    problemSummary: Object.keys(problems).length > 0 ? t("errors.VALIDATION_FAILED") : null,
    action,
    version,
    isDirty,
    onSubmit,
    latest,
    saveOver,
    askTakeTheirs: () => setConfirmTakeTheirs(true),
    /** The props of the ConfirmDialog asking before the user's changes are replaced. */
    takeTheirsDialog: { open: confirmTakeTheirs, onConfirm: takeTheirs, onCancel: () => setConfirmTakeTheirs(false) },
  };
}
