import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@fontsource/ibm-plex-sans-arabic/400.css";
import "@fontsource/ibm-plex-sans-arabic/500.css";
import "@fontsource/ibm-plex-sans-arabic/700.css";
import "./styles.css";
import { setLanguage } from "./i18n.js";
import { readStoredLanguage } from "./app/language.js";
import { App } from "./app/App.js";

// Show the remembered language from the first paint; the session may switch to the user's own.
setLanguage(readStoredLanguage() ?? "ar");

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
