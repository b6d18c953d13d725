import type { ReactNode } from "react";
import { Logo } from "../../app/Logo.js";

/** The narrow, centred card of the sign-in, invitation and reset pages. */
export function AuthCard({ title, intro, children }: { title: ReactNode; intro?: ReactNode; children: ReactNode }) {
  return (
    <section className="auth-card" aria-labelledby="auth-title">
      <div className="auth-card-mark">
        <Logo size={44} />
      </div>
      <h1 id="auth-title" className="page-title">
        {title}
      </h1>
      {intro && <div className="auth-intro">{intro}</div>}
      {children}
    </section>
  );
}
