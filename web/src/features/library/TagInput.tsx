import { useEffect, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { describedBy, FieldError } from "../../components/Field.js";
import { useFormatNumber } from "../../components/format.js";
import { MAX_TAG_LENGTH, MAX_TAGS } from "./entryForm.js";

/** Commas (Latin and Arabic) end a tag, as Enter does. */
const SEPARATORS = /[,،]/;

/**
 * Tags as removable chips, and a box to add one; suggestions (the tags already used in
 * entries the user may read, most used first) come from GET /api/library/tags?q=.
 */
export function TagInput({ id, value, onChange, error }: { id: string; value: string[]; onChange(tags: string[]): void; error?: string }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const listId = `${id}-suggestions`;
  const hint = t("library.form.tags_hint", { max: n(MAX_TAGS) });
  const shownError = problem ?? error;

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .get<{ items: { tag: string; count: number }[] }>("/api/library/tags", { q: text.trim() || undefined }, controller.signal)
        .then((answer) => setSuggestions(answer.items.map((i) => i.tag)))
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  function add(raw: string) {
    const tag = raw.replace(SEPARATORS, " ").replace(/\s+/g, " ").trim();
    if (!tag) return;
    if (value.some((v) => v.toLocaleLowerCase() === tag.toLocaleLowerCase())) {
      setText("");
      return;
    }
    if (value.length >= MAX_TAGS) {
      setProblem(t("library.form.tags_full", { max: n(MAX_TAGS) }));
      return;
    }
    if (tag.length > MAX_TAG_LENGTH) {
      setProblem(t("library.form.tag_too_long", { max: n(MAX_TAG_LENGTH) }));
      return;
    }
    setProblem(null);
    onChange([...value, tag]);
    setText("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      // Enter adds the tag instead of submitting the form.
      event.preventDefault();
      add(text);
    } else if (event.key === "Backspace" && text === "" && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  return (
    <div className={["field", "tag-input", shownError ? "field--invalid" : ""].join(" ").trim()}>
      <label htmlFor={id} className="field-label">
        {t("library.tags_label")}
      </label>
      {value.length > 0 && (
        <ul className="tag-chips">
          {value.map((tag) => (
            <li key={tag} className="tag tag--chip">
              <span dir="auto">{tag}</span>
              <button type="button" className="tag-remove" aria-label={t("library.form.tag_remove", { tag })} onClick={() => onChange(value.filter((v) => v !== tag))}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="tag-input-row">
        <input
          id={id}
          className="input"
          type="text"
          list={listId}
          dir="auto"
          autoComplete="off"
          value={text}
          placeholder={t("library.form.tag_input")}
          onChange={(e) => {
            const next = e.target.value;
            setProblem(null);
            if (SEPARATORS.test(next)) add(next);
            else setText(next);
          }}
          onKeyDown={onKeyDown}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={describedBy(id, hint, shownError)}
        />
        <button type="button" className="button button--secondary button--small" onClick={() => add(text)} disabled={!text.trim()}>
          {t("library.form.tag_add")}
        </button>
      </div>
      <datalist id={listId}>
        {suggestions
          .filter((s) => !value.includes(s))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      <FieldError id={id} error={shownError ?? undefined} />
    </div>
  );
}
