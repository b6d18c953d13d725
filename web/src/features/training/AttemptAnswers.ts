import { useCallback, useEffect, useRef, useState } from "react";
import type { AnswerResponse } from "../../../../common/training.js";
import { api, isApiError } from "../../api/client.js";
import { testsApi, type AttemptQuestion } from "./TestTypes.js";

/**
 * Where one answer stands: saved on the server, being saved, waiting to be retried (kept on this
 * device meanwhile), refused because the test is closed, or refused as invalid.
 */
export type SaveState = "idle" | "saving" | "saved" | "retrying" | "closed" | "invalid";

export interface AnswerState {
  response: AnswerResponse | null;
  state: SaveState;
  /** The server's message when it refused the answer. */
  error?: string;
}

const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30_000;

/** Unsaved answers of an attempt, kept on this device until the server has them. */
export const attemptStorageKey = (attemptId: string) => `rifada.attempt.${attemptId}`;

function readStored(attemptId: string): Record<string, AnswerResponse> {
  try {
    const raw = window.localStorage.getItem(attemptStorageKey(attemptId));
    return raw ? (JSON.parse(raw) as Record<string, AnswerResponse>) : {};
  } catch {
    return {};
  }
}

function writeStored(attemptId: string, questionId: string, response: AnswerResponse | null): void {
  try {
    const stored = readStored(attemptId);
    if (response === null) delete stored[questionId];
    else stored[questionId] = response;
    if (Object.keys(stored).length === 0) window.localStorage.removeItem(attemptStorageKey(attemptId));
    else window.localStorage.setItem(attemptStorageKey(attemptId), JSON.stringify(stored));
  } catch {
    // Private browsing or a full storage: the answer still goes to the server.
  }
}

const same = (a: AnswerResponse | null | undefined, b: AnswerResponse | null | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The answers of an attempt, each saved as it changes (numbers after a pause in typing). An answer
 * is written to this device first and removed once the server has it, so a dropped connection loses
 * nothing: failed saves are retried with growing pauses and as soon as the browser is back online,
 * and answers left on the device by a closed tab are sent when the attempt is opened again.
 * One request per question at a time: the last answer given is the last one sent.
 */
export function useAttemptAnswers(attemptId: string, questions: AttemptQuestion[] | null, active: boolean, onClosed: () => void) {
  const [states, setStates] = useState<Record<string, AnswerState>>({});
  const latest = useRef<Record<string, AnswerResponse | null>>({});
  const unsaved = useRef(new Set<string>());
  const inFlight = useRef(new Map<string, { promise: Promise<void>; response: AnswerResponse | null }>());
  const queued = useRef(new Set<string>());
  const debounces = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retryDelay = useRef(FIRST_RETRY_MS);
  const initialisedFor = useRef<string | null>(null);
  const onClosedRef = useRef(onClosed);
  onClosedRef.current = onClosed;

  const setState = useCallback((questionId: string, next: Partial<AnswerState>) => {
    setStates((all) => ({ ...all, [questionId]: { ...(all[questionId] ?? { response: null, state: "idle" }), ...next } }));
  }, []);

  const sendRef = useRef<(questionId: string) => Promise<void>>(async () => undefined);

  const sendAll = useCallback(() => {
    for (const questionId of unsaved.current) if (!debounces.current.has(questionId)) void sendRef.current(questionId);
  }, []);

  const scheduleRetry = useCallback(() => {
    if (retryTimer.current) return;
    const delay = retryDelay.current;
    retryTimer.current = setTimeout(() => {
      retryTimer.current = null;
      retryDelay.current = Math.min(delay * 2, LAST_RETRY_MS);
      sendAll();
    }, delay);
  }, [sendAll]);

  sendRef.current = async (questionId: string) => {
    const current = inFlight.current.get(questionId);
    if (current) {
      if (!same(current.response, latest.current[questionId])) queued.current.add(questionId);
      return current.promise;
    }
    const response = latest.current[questionId] ?? null;
    if (response === null) return;
    setState(questionId, { state: "saving", error: undefined });
    const promise = (async () => {
      try {
        await api.put(testsApi.answer(attemptId, questionId), { response });
        retryDelay.current = FIRST_RETRY_MS;
        if (same(latest.current[questionId], response)) {
          unsaved.current.delete(questionId);
          writeStored(attemptId, questionId, null);
          setState(questionId, { state: "saved" });
        }
      } catch (e) {
        const error = isApiError(e) ? e : null;
        if (error && (error.code === "TRAINING_ATTEMPT_CLOSED" || error.code === "TRAINING_ATTEMPT_NOT_FOUND")) {
          unsaved.current.delete(questionId);
          writeStored(attemptId, questionId, null);
          setState(questionId, { state: "closed", error: error.message });
          onClosedRef.current();
        } else if (error && error.status === 400) {
          unsaved.current.delete(questionId);
          writeStored(attemptId, questionId, null);
          setState(questionId, { state: "invalid", error: error.fields[0]?.message ?? error.message });
        } else {
          // No connection, or the server is unwell: keep it here and try again.
          setState(questionId, { state: "retrying" });
          scheduleRetry();
        }
      } finally {
        inFlight.current.delete(questionId);
        if (queued.current.delete(questionId)) void sendRef.current(questionId);
      }
    })();
    inFlight.current.set(questionId, { promise, response });
    return promise;
  };

  // Start from the server's answers, then put back what this device still holds unsaved.
  useEffect(() => {
    if (!questions || initialisedFor.current === attemptId) return;
    initialisedFor.current = attemptId;
    const stored = active ? readStored(attemptId) : {};
    const next: Record<string, AnswerState> = {};
    for (const q of questions) {
      const kept = stored[q.id];
      if (kept !== undefined) {
        latest.current[q.id] = kept;
        unsaved.current.add(q.id);
        next[q.id] = { response: kept, state: "retrying" };
      } else {
        latest.current[q.id] = q.response;
        next[q.id] = { response: q.response, state: q.response ? "saved" : "idle" };
      }
    }
    setStates(next);
    if (unsaved.current.size > 0) sendAll();
  }, [attemptId, questions, active, sendAll]);

  useEffect(() => {
    const online = () => {
      if (retryTimer.current) clearTimeout(retryTimer.current);
      retryTimer.current = null;
      retryDelay.current = FIRST_RETRY_MS;
      sendAll();
    };
    window.addEventListener("online", online);
    const timers = debounces.current;
    return () => {
      window.removeEventListener("online", online);
      if (retryTimer.current) clearTimeout(retryTimer.current);
      for (const timer of timers.values()) clearTimeout(timer);
    };
  }, [sendAll]);

  /** The trainee changed an answer: keep it here, then save it (after `debounceMs` of quiet, for typing). */
  const change = useCallback(
    (questionId: string, response: AnswerResponse, debounceMs = 0) => {
      latest.current[questionId] = response;
      unsaved.current.add(questionId);
      writeStored(attemptId, questionId, response);
      setState(questionId, { response, state: "saving", error: undefined });
      const pending = debounces.current.get(questionId);
      if (pending) clearTimeout(pending);
      debounces.current.delete(questionId);
      if (debounceMs > 0) {
        debounces.current.set(
          questionId,
          setTimeout(() => {
            debounces.current.delete(questionId);
            void sendRef.current(questionId);
          }, debounceMs),
        );
      } else void sendRef.current(questionId);
    },
    [attemptId, setState],
  );

  /** Save everything not saved yet, now; true when the server has every answer. */
  const flush = useCallback(async (): Promise<boolean> => {
    for (const [questionId, timer] of debounces.current) {
      clearTimeout(timer);
      debounces.current.delete(questionId);
    }
    // Twice: an answer changed while its previous version was on its way is sent again.
    for (let round = 0; round < 2 && unsaved.current.size > 0; round += 1) {
      await Promise.all([...unsaved.current].map((questionId) => sendRef.current(questionId)));
      await Promise.all([...inFlight.current.values()].map((f) => f.promise));
    }
    return unsaved.current.size === 0;
  }, []);

  const unsavedCount = Object.values(states).filter((s) => s.state === "saving" || s.state === "retrying").length;
  return { states, change, flush, unsavedCount };
}
