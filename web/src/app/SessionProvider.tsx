import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { Locale } from "../../../common/roles.js";
import { api, isApiError, onUnauthenticated, setCsrfToken, type ApiError } from "../api/client.js";
import type { Me, SessionAnswer } from "../api/types.js";
import { setLanguage } from "../i18n.js";
import { readStoredLanguage, rememberLanguage } from "./language.js";
import { DisplaySettingsContext, DEFAULT_DISPLAY_SETTINGS, type DisplaySettings } from "./useDisplaySettings.js";
import { SessionContext, type SessionState } from "./useSession.js";

/**
 * Loads the session once, keeps the signed-in user, and provides the display
 * settings (language, digits, zone) from that user or from the visitor's choice.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionState["status"]>("loading");
  const [user, setUserState] = useState<Me | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const userRef = useRef<Me | null>(null);
  userRef.current = user;
  const [visitorLocale, setVisitorLocale] = useState<Locale>(() => readStoredLanguage() ?? "ar");

  const reload = useCallback(async () => {
    try {
      const session = await api.get<SessionAnswer>("/api/auth/session");
      setCsrfToken(session.csrfToken);
      setUserState(session.user);
      setError(null);
      setStatus("ready");
    } catch (e) {
      if (isApiError(e)) setError(e);
      setStatus("error");
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const [sessionEnded, setSessionEnded] = useState(false);
  // The server says the session ended (expired, signed out elsewhere): forget the user and say why on the sign-in page.
  useEffect(
    () =>
      onUnauthenticated(() => {
        if (userRef.current) setSessionEnded(true);
        setUserState(null);
      }),
    [],
  );

  const setUser = useCallback((next: Me | null) => {
    setUserState(next);
    if (next) {
      setVisitorLocale(next.locale);
      rememberLanguage(next.locale);
    }
  }, []);

  const login = useCallback(
    async (email: string, password: string) => {
      const answer = await api.post<SessionAnswer & { user: Me }>("/api/auth/login", { email, password });
      setSessionEnded(false);
      setUser(answer.user);
      setStatus("ready");
      return answer.user;
    },
    [setUser],
  );

  const logout = useCallback(async () => {
    try {
      await api.post("/api/auth/logout");
    } finally {
      setUserState(null);
      setCsrfToken(null);
      // A fresh anonymous session answer keeps the CSRF token current for the next login.
      void reload();
    }
  }, [reload]);

  const changeLanguage = useCallback(
    (locale: Locale) => {
      setVisitorLocale(locale);
      rememberLanguage(locale);
      const current = userRef.current;
      if (!current || current.locale === locale) return;
      setUserState({ ...current, locale });
      api.patch<Me>("/api/me", { locale }).catch(() => {
        // The interface has already switched; the preference is saved again on the next switch.
      });
    },
    [],
  );

  const locale: Locale = user?.locale ?? visitorLocale;
  // The digits setting is a choice for the Arabic interface; English text always takes Latin digits
  // (as DateInput does), so "Page ١ of ٤" never happens.
  const digits = locale === "en" ? "latn" : (user?.digits ?? "arab");

  // setLanguage() is the one place that sets <html lang dir>.
  useEffect(() => {
    setLanguage(locale);
  }, [locale]);

  const display = useMemo<DisplaySettings>(
    () => ({ ...DEFAULT_DISPLAY_SETTINGS, locale, digits }),
    [locale, digits],
  );

  const value = useMemo<SessionState>(
    () => ({ status, user, error, sessionEnded, locale, digits, login, logout, setUser, changeLanguage, reload }),
    [status, user, error, sessionEnded, locale, digits, login, logout, setUser, changeLanguage, reload],
  );

  return (
    <SessionContext.Provider value={value}>
      <DisplaySettingsContext.Provider value={display}>{children}</DisplaySettingsContext.Provider>
    </SessionContext.Provider>
  );
}
