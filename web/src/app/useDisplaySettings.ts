import { createContext, useContext } from "react";
import type { Digits, Locale } from "../../../common/roles.js";

/** How the signed-in user (or the visitor) wants dates and numbers shown. */
export interface DisplaySettings {
  locale: Locale;
  digits: Digits;
  /** IANA zone used when no event zone applies. */
  timeZone: string;
}

export const DEFAULT_DISPLAY_SETTINGS: DisplaySettings = {
  locale: "ar",
  digits: "arab",
  timeZone: "Asia/Riyadh",
};

export const DisplaySettingsContext = createContext<DisplaySettings>(DEFAULT_DISPLAY_SETTINGS);

/** Read the current language, digit style and default zone. */
export function useDisplaySettings(): DisplaySettings {
  return useContext(DisplaySettingsContext);
}
