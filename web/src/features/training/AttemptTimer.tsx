import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatNumber } from "../../components/format.js";

const WARNINGS = [5, 1] as const;

/** "04:59" or "1:04:59", in the user's digits. */
function useClock() {
  const format = useFormatNumber();
  return (ms: number) => {
    const total = Math.max(0, Math.ceil(ms / 1000));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    const two = (n: number) => format(n).padStart(2, format(0));
    return h > 0 ? `${format(h)}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
  };
}

/**
 * The time left until the deadline, counted on the server's clock (`offsetMs` = server time minus
 * this device's time, so a device whose clock is wrong still counts right). Warns at 5 and 1 minutes
 * (read out by screen readers) and calls `onExpire` once when it reaches zero.
 */
export function AttemptTimer({ deadlineAt, offsetMs, onExpire }: { deadlineAt: string; offsetMs: number; onExpire(): void }) {
  const { t } = useTranslation();
  const clock = useClock();
  const deadline = Date.parse(deadlineAt);
  const left = () => deadline - (Date.now() + offsetMs);
  const [remaining, setRemaining] = useState(left);
  const [warning, setWarning] = useState<string | null>(null);
  const warned = useRef(new Set<number>());
  const expired = useRef(false);
  const onExpireRef = useRef(onExpire);
  onExpireRef.current = onExpire;

  useEffect(() => {
    const tick = () => {
      const ms = deadline - (Date.now() + offsetMs);
      setRemaining(ms);
      if (ms <= 0) {
        if (!expired.current) {
          expired.current = true;
          setWarning(t("training.assessment.time_up"));
          onExpireRef.current();
        }
        return;
      }
      // The tightest warning that applies (opening the page with 3 minutes left says "5 minutes").
      const due = WARNINGS.filter((m) => ms <= m * 60_000 && !warned.current.has(m));
      if (due.length > 0) {
        for (const m of WARNINGS) if (ms <= m * 60_000) warned.current.add(m);
        setWarning(t(due[due.length - 1] === 1 ? "training.assessment.warn_1" : "training.assessment.warn_5"));
      }
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [deadline, offsetMs, t]);

  const urgent = remaining <= 60_000;
  return (
    <div className={["attempt-timer", remaining <= 5 * 60_000 ? "attempt-timer--low" : "", urgent ? "attempt-timer--urgent" : ""].join(" ").trim()}>
      <p className="attempt-timer-clock">
        <span className="attempt-timer-label">{t("training.assessment.time_left")}</span>{" "}
        {/* Read once a minute at most: the live warnings below speak at 5 and 1 minutes. */}
        <span role="timer" aria-live="off" className="attempt-timer-value">
          <bdi>{clock(remaining)}</bdi>
        </span>
      </p>
      <p role="alert" className="attempt-timer-warning">
        {warning}
      </p>
    </div>
  );
}
