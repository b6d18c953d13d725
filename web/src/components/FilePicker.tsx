import { forwardRef } from "react";
import { useTranslation } from "react-i18next";

/**
 * A file field whose button and "no file chosen" text follow the interface language
 * (the browser's own control speaks the browser's language). The real input stays in
 * the page, visually hidden but focusable, and is labelled by the field's label.
 */
export const FilePicker = forwardRef<
  HTMLInputElement,
  {
    id: string;
    file: File | null;
    accept?: string;
    invalid?: boolean;
    describedBy?: string;
    onChange(file: File | null): void;
  }
>(function FilePicker({ id, file, accept, invalid, describedBy, onChange }, ref) {
  const { t } = useTranslation();
  return (
    <span className={["file-picker", invalid ? "file-picker--invalid" : ""].join(" ").trim()}>
      <input
        ref={ref}
        id={id}
        type="file"
        className="file-picker-input"
        accept={accept}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
      />
      <label htmlFor={id} className="button button--secondary button--small file-picker-button">
        {t("common.choose_file")}
      </label>
      <span className="file-picker-name" aria-hidden="true">
        {file ? <bdi>{file.name}</bdi> : t("common.no_file")}
      </span>
    </span>
  );
});
