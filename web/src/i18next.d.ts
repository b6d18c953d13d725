import "i18next";
import type en from "../../common/i18n/en.json" with { type: "json" };

/** `t()` accepts only keys of en.json, so a missing or misspelt key fails `tsc`. */
declare module "i18next" {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}
