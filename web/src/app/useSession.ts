import { createContext, useContext } from "react";
import type { Digits, Locale } from "../../../common/roles.js";
import type { Me } from "../api/types.js";
import type { ApiError } from "../api/client.js";

export interface SessionState {
  /** "loading" until GET /api/auth/session answers; "error" if it could not. */
  status: "loading" | "ready" | "error";
  user: Me | null;
  error: ApiError | null;
  /** True when the server ended a signed-in session (expiry, sign-out elsewhere), until the next sign-in. */
  sessionEnded: boolean;
  /** The interface language now in use (the user's, else the visitor's choice). */
  locale: Locale;
  digits: Digits;
  /** Sign in; resolves with the user, rejects with an ApiError. */
  login(email: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  /** Adopt a user returned by the server (accept invitation, password change, PATCH /api/me). */
  setUser(user: Me | null): void;
  /** Switch language: remembered locally and, when signed in, saved with PATCH /api/me. */
  changeLanguage(locale: Locale): void;
  reload(): Promise<void>;
}

const notProvided = () => {
  throw new Error("SessionContext is not provided");
};

export const SessionContext = createContext<SessionState>({
  status: "loading",
  user: null,
  error: null,
  sessionEnded: false,
  locale: "ar",
  digits: "arab",
  login: notProvided,
  logout: notProvided,
  setUser: notProvided,
  changeLanguage: notProvided,
  reload: notProvided,
});

/** The signed-in user (or null) and the session actions. */
export function useSession(): SessionState {
  return useContext(SessionContext);
}

/** The signed-in user; only for pages rendered inside RequireAuth. */
export function useMe(): Me {
  const { user } = useSession();
  if (!user) throw new Error("useMe() outside a signed-in page");
  return user;
}
