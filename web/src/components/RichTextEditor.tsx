import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { useDisplaySettings } from "../app/useDisplaySettings.js";
import { FieldError } from "./Field.js";
import "./RichTextEditor.css";

/** What the editor keeps (the server's minutes-html.ts allows these and sanitises again). */
const KEPT_TAGS = new Set(["P", "BR", "STRONG", "B", "EM", "I", "U", "S", "H2", "H3", "H4", "UL", "OL", "LI", "BLOCKQUOTE", "A", "TABLE", "THEAD", "TBODY", "TR", "TH", "TD", "HR", "BDI"]);
const BLOCKS = new Set(["P", "H2", "H3", "H4", "LI", "BLOCKQUOTE", "TD", "TH"]);
const CONTAINERS = new Set(["DIV", "P", "H1", "H2", "H3", "H4", "H5", "H6", "UL", "OL", "TABLE", "BLOCKQUOTE", "HR"]);
const DROPPED_WITH_CONTENT = new Set(["SCRIPT", "STYLE", "TEMPLATE", "HEAD", "TITLE", "META", "LINK", "OBJECT", "IFRAME"]);

/** A link target the minutes may keep: http(s) or mailto; a bare "example.org" becomes https. */
export function safeHref(text: string): string | null {
  const value = text.trim();
  if (!value) return null;
  if (/^mailto:[^\s]+@[^\s]+$/i.test(value)) return value;
  if (/^[^\s@/]+@[^\s@]+\.[^\s@]+$/.test(value)) return `mailto:${value}`;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(withScheme);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/** Copy `source`'s children into `target`, keeping only the tags minutes may hold and no attributes but href and dir. */
function copyClean(source: Node, target: Node, doc: Document): void {
  for (const child of Array.from(source.childNodes)) {
    if (child.nodeType === 3) {
      target.appendChild(doc.createTextNode(child.textContent ?? ""));
      continue;
    }
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    const tag = element.tagName.toUpperCase();
    if (DROPPED_WITH_CONTENT.has(tag)) continue;
    // A <div> holding blocks is only a wrapper: keep its blocks, not a paragraph around them.
    if (tag === "DIV" && Array.from(element.children).some((c) => CONTAINERS.has(c.tagName.toUpperCase()))) {
      copyClean(element, target, doc);
      continue;
    }
    // Word and browsers wrap lines in <div>: they become paragraphs; <h1> a heading of the minutes' level.
    const as = tag === "DIV" ? "P" : tag === "H1" ? "H2" : tag === "H5" || tag === "H6" ? "H4" : tag;
    if (!KEPT_TAGS.has(as)) {
      copyClean(element, target, doc);
      continue;
    }
    const clean = doc.createElement(as.toLowerCase());
    const dir = element.getAttribute("dir");
    if (dir && ["ltr", "rtl", "auto"].includes(dir)) clean.setAttribute("dir", dir);
    if (as === "A") {
      const href = safeHref(element.getAttribute("href") ?? "");
      if (href) clean.setAttribute("href", href);
    }
    copyClean(element, clean, doc);
    target.appendChild(clean);
  }
}

/** Pasted HTML (Word, web pages) reduced to the minutes' tags, without styles or classes. */
export function cleanHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const out = doc.createElement("div");
  copyClean(doc.body, out, doc);
  return out.innerHTML;
}

/**
 * The editor's HTML as stored: stray top-level text wrapped in paragraphs, and every
 * block given dir="auto" so an Arabic paragraph reads right to left and an English one
 * left to right wherever the minutes are shown. Empty content gives "".
 */
export function normalizeRichText(html: string): string {
  // Browsers write new lines as <div> and add styled <span>s: keep only the minutes' tags first.
  const doc = new DOMParser().parseFromString(`<div>${cleanHtml(html)}</div>`, "text/html");
  const root = doc.body.firstElementChild as HTMLElement;
  if (!root.textContent?.trim()) return "";
  let paragraph: HTMLElement | null = null;
  for (const node of Array.from(root.childNodes)) {
    const isInline = node.nodeType === 3 || (node.nodeType === 1 && !BLOCKS.has((node as Element).tagName) && !["UL", "OL", "TABLE", "HR", "P"].includes((node as Element).tagName));
    if (isInline) {
      if (node.nodeType === 3 && !node.textContent?.trim() && !paragraph) {
        node.remove();
        continue;
      }
      if (!paragraph) {
        paragraph = doc.createElement("p");
        root.insertBefore(paragraph, node);
      }
      paragraph.appendChild(node);
    } else {
      paragraph = null;
    }
  }
  // Empty lines left at the start or end by Enter are not part of the minutes.
  const isBlank = (node: ChildNode | null) =>
    !!node && (node.nodeType === 3 ? !node.textContent?.trim() : node.nodeType === 1 && /^(P|H[2-4])$/.test((node as Element).tagName) && !node.textContent?.trim() && !(node as Element).querySelector("a, hr, table"));
  while (isBlank(root.lastChild)) root.lastChild!.remove();
  while (isBlank(root.firstChild)) root.firstChild!.remove();
  // Lists too: their numbers or bullets then sit on the side their items start from.
  for (const block of Array.from(root.querySelectorAll("p, h2, h3, h4, ul, ol, li, blockquote"))) {
    if (!block.hasAttribute("dir")) block.setAttribute("dir", "auto");
  }
  return root.innerHTML;
}

type Command = "bold" | "italic" | "heading" | "bullets" | "numbers" | "link";

function exec(command: string, value?: string): void {
  try {
    document.execCommand(command, false, value);
  } catch {
    // Not supported (e.g. in tests): the text stays as typed.
  }
}

function queryState(command: string): boolean {
  try {
    return document.queryCommandState(command);
  } catch {
    return false;
  }
}

/**
 * A small rich-text field: a toolbar (bold, italic, heading, bulleted and numbered lists,
 * link) over a contentEditable area. Each paragraph takes its own direction from its first
 * letters (Arabic right to left, English left to right). `value` is read when it changes
 * from outside (e.g. a restored draft); while typing, the editor owns its content.
 */
export function RichTextEditor({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  placeholder,
}: {
  id: string;
  label: string;
  value: string;
  onChange(html: string): void;
  error?: string;
  hint?: string;
  placeholder?: string;
}): ReactElement {
  const { t } = useTranslation();
  const { locale, digits } = useDisplaySettings();
  const editor = useRef<HTMLDivElement>(null);
  const emitted = useRef<string | null>(null);
  const savedRange = useRef<Range | null>(null);
  const labelId = `${id}-label`;
  const linkId = `${useId().replace(/:/g, "")}-link`;
  const [active, setActive] = useState<Record<string, boolean>>({});
  const [linkText, setLinkText] = useState<string | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);

  // Show `value` when it did not come from this editor (first render, restored draft, reset).
  useEffect(() => {
    const el = editor.current;
    if (el && value !== emitted.current) {
      el.innerHTML = value;
      emitted.current = value;
    }
  }, [value]);

  function emit() {
    const el = editor.current;
    if (!el) return;
    const html = normalizeRichText(el.innerHTML);
    if (html !== emitted.current) {
      emitted.current = html;
      onChange(html);
    }
  }

  /** Whether the caret is in a heading now (asked at the click, not from the last selection event). */
  function isInHeading(): boolean {
    const el = editor.current;
    const node = document.getSelection()?.anchorNode ?? null;
    const block = (node instanceof Element ? node : node?.parentElement)?.closest("h2, h3, h4");
    return !!block && !!el && el.contains(block);
  }

  function refreshState() {
    const el = editor.current;
    const selection = document.getSelection();
    if (!el || !selection || selection.rangeCount === 0 || !el.contains(selection.anchorNode)) return;
    const heading = isInHeading();
    setActive({
      bold: queryState("bold"),
      italic: queryState("italic"),
      bullets: queryState("insertUnorderedList"),
      numbers: queryState("insertOrderedList"),
      heading,
    });
  }

  useEffect(() => {
    document.addEventListener("selectionchange", refreshState);
    return () => document.removeEventListener("selectionchange", refreshState);
  });

  function run(command: Command) {
    const el = editor.current;
    if (!el) return;
    if (command === "link") {
      const selection = document.getSelection();
      savedRange.current = selection && selection.rangeCount > 0 && el.contains(selection.anchorNode) ? selection.getRangeAt(0).cloneRange() : null;
      setLinkError(null);
      setLinkText("");
      return;
    }
    el.focus();
    exec("defaultParagraphSeparator", "p");
    if (command === "bold") exec("bold");
    else if (command === "italic") exec("italic");
    else if (command === "heading") exec("formatBlock", isInHeading() ? "<p>" : "<h3>");
    else if (command === "bullets") exec("insertUnorderedList");
    else if (command === "numbers") exec("insertOrderedList");
    emit();
    refreshState();
  }

  function insertLink(event: FormEvent | KeyboardEvent) {
    event.preventDefault();
    const href = safeHref(linkText ?? "");
    if (!href) {
      setLinkError(t("common.editor.link_invalid"));
      return;
    }
    const el = editor.current;
    if (!el) return;
    el.focus();
    const selection = document.getSelection();
    if (savedRange.current && selection) {
      selection.removeAllRanges();
      selection.addRange(savedRange.current);
    }
    if (selection && !selection.isCollapsed && savedRange.current) exec("createLink", href);
    else {
      const escaped = (linkText ?? "").trim().replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      exec("insertHTML", `<a href="${href.replace(/"/g, "&quot;")}">${escaped}</a>&nbsp;`);
    }
    setLinkText(null);
    emit();
  }

  const buttons: { command: Command; label: string; text: string; pressed?: boolean; className?: string }[] = [
    { command: "bold", label: t("common.editor.bold"), text: t("common.editor.bold_short"), pressed: !!active.bold, className: "rte-bold" },
    { command: "italic", label: t("common.editor.italic"), text: t("common.editor.italic_short"), pressed: !!active.italic, className: "rte-italic" },
    { command: "heading", label: t("common.editor.heading"), text: t("common.editor.heading_short"), pressed: !!active.heading },
    { command: "bullets", label: t("common.editor.bullets"), text: "•", pressed: !!active.bullets },
    { command: "numbers", label: t("common.editor.numbers"), text: t("common.editor.numbers_short"), pressed: !!active.numbers },
    { command: "link", label: t("common.editor.link"), text: t("common.editor.link") },
  ];

  return (
    <div className={["field", "rte", error ? "field--invalid" : ""].join(" ").trim()}>
      <span id={labelId} className="field-label">
        {label}
      </span>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <div className="rte-frame">
        <div role="toolbar" aria-label={t("common.editor.toolbar", { field: label })} aria-controls={id} className="rte-toolbar">
          {buttons.map((b) => (
            <button
              key={b.command}
              type="button"
              className={["rte-button", b.className ?? ""].join(" ").trim()}
              aria-label={b.label}
              title={b.label}
              aria-pressed={b.command === "link" ? undefined : b.pressed}
              aria-expanded={b.command === "link" ? linkText !== null : undefined}
              // Keep the selection in the text while the button is pressed.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => run(b.command)}
            >
              <span aria-hidden="true">{b.text}</span>
            </button>
          ))}
        </div>
        {linkText !== null && (
          <div className="rte-link">
            <label htmlFor={linkId} className="field-label">
              {t("common.editor.link_address")}
            </label>
            <div className="copyable-row">
              <input
                id={linkId}
                className="input"
                dir="ltr"
                type="url"
                inputMode="url"
                autoFocus
                value={linkText}
                placeholder="https://"
                aria-invalid={linkError ? true : undefined}
                aria-describedby={linkError ? `${linkId}-error` : undefined}
                onChange={(e) => setLinkText(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") insertLink(e);
                  if (e.key === "Escape") {
                    e.preventDefault();
                    setLinkText(null);
                    editor.current?.focus();
                  }
                }}
              />
              <button type="button" className="button button--secondary button--small" onClick={insertLink}>
                {t("common.editor.link_insert")}
              </button>
              <button type="button" className="button button--ghost button--small" onClick={() => setLinkText(null)}>
                {t("common.cancel")}
              </button>
            </div>
            <FieldError id={linkId} error={linkError ?? undefined} />
          </div>
        )}
        <div
          ref={editor}
          id={id}
          className={["rte-content", locale === "ar" && digits === "arab" ? "rich-text--arab" : ""].join(" ").trim()}
          contentEditable
          suppressContentEditableWarning
          role="textbox"
          aria-multiline="true"
          aria-labelledby={labelId}
          aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
          aria-invalid={error ? true : undefined}
          dir="auto"
          data-placeholder={placeholder}
          onInput={emit}
          onBlur={emit}
          onFocus={() => exec("defaultParagraphSeparator", "p")}
          onKeyDown={(e) => {
            if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") {
              e.preventDefault();
              run("link");
            }
          }}
          onPaste={(e) => {
            const html = e.clipboardData.getData("text/html");
            if (!html) return;
            e.preventDefault();
            exec("insertHTML", cleanHtml(html));
            emit();
          }}
        />
      </div>
      <FieldError id={id} error={error} />
    </div>
  );
}
