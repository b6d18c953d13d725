import { sanitizeRichText } from "../../lib/rich-text.js";

/**
 * Minutes' rich text reduced to safe HTML (see `sanitizeRichText`, shared with the library).
 * @returns sanitised HTML ("" when nothing readable is left)
 */
export function sanitizeMinutes(html: string): string {
  return sanitizeRichText(html);
}
