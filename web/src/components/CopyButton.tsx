import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/** Copy a text to the clipboard and say so politely. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <span className="copy">
      <button type="button" className="button button--secondary button--small" onClick={() => void copy()}>
        {label ?? t("common.copy")}
      </button>
      <span role="status" className="copy-status">
        {state === "copied" ? t("common.copied") : state === "failed" ? t("common.copy_failed") : ""}
      </span>
    </span>
  );
}

/** A read-only value to copy (a link, a token), shown left to right. */
export function CopyableValue({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div className="field copyable">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="copyable-row">
        <input id={id} className="input input--mono" dir="ltr" readOnly value={value} onFocus={(e) => e.target.select()} />
        <CopyButton text={value} />
      </div>
    </div>
  );
}
