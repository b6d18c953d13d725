import { useDisplaySettings } from "../../app/useDisplaySettings.js";
import "../../components/RichTextEditor.css";

/**
 * An entry's text as the server saved it (sanitised HTML, like the minutes), in its own
 * language and direction whatever the interface's.
 */
export function RichBody({ html, lang, className }: { html: string; lang: "ar" | "en"; className?: string }) {
  const { digits } = useDisplaySettings();
  return (
    <div
      className={["rich-text", "library-body", lang === "ar" && digits === "arab" ? "rich-text--arab" : "", className ?? ""].join(" ").trim()}
      lang={lang}
      dir={lang === "ar" ? "rtl" : "ltr"}
      // Sanitised on save by the server (no scripts, styles, images or event handlers).
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
