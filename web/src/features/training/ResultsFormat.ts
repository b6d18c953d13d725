import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useDisplaySettings } from "../../app/useDisplaySettings.js";
import { useFormatPercent } from "../../components/format.js";

/** "—" for what is not there (a test not taken, an average over nobody). */
export const NONE = "—";

/**
 * Percentages (0–100) and points in the interface language and the user's digits, with up to
 * one decimal (averages): "67.5%" / "٦٧٫٥٪" (the shared formatter, components/format.ts); a rate
 * (0–1) as a whole percentage; a gain with its sign: "+23.3" / "+٢٣٫٣".
 */
export function useResultsFormat() {
  const { i18n } = useTranslation();
  const { digits } = useDisplaySettings();
  const percent = useFormatPercent();
  const locale = `${i18n.language}-u-nu-${digits}`;
  const pct = useCallback((value: number | null | undefined) => percent(value, { decimals: 1 }), [percent]);
  const rate = useCallback((value: number | null | undefined) => percent(value, { fraction: true }), [percent]);
  const points = useCallback(
    (value: number | null | undefined) => {
      if (value === null || value === undefined) return NONE;
      const abs = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.abs(value));
      // Isolated left to right, so the sign stays before the number inside Arabic text.
      return `\u2066${value > 0 ? "+" : value < 0 ? "−" : ""}${abs}\u2069`;
    },
    [locale],
  );
  return { pct, rate, points };
}
