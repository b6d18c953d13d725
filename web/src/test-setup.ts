import { afterEach } from "vitest";
import { cleanup } from "@testing-library/react";
import { setLanguage } from "./i18n.js";

afterEach(() => {
  cleanup();
  setLanguage("ar");
});
