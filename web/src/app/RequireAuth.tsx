import { Navigate, Outlet, useLocation } from "react-router";
import { Loading } from "../components/Feedback.js";
import { useSession } from "./useSession.js";

/** Pages behind sign-in: visitors go to /login and come back afterwards. */
export function RequireAuth() {
  const { status, user } = useSession();
  const location = useLocation();
  if (status === "loading") return <Loading />;
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** Only accept a same-site path as the place to return to after sign-in. */
export function safeNext(value: string | null): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
