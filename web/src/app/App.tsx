import { BrowserRouter } from "react-router";
import { AppRoutes } from "./AppRoutes.js";
import { SessionProvider } from "./SessionProvider.js";

/** Providers (session, display settings) around the router. */
export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </SessionProvider>
  );
}
