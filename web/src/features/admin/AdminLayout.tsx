import { useTranslation } from "react-i18next";
import { Navigate, NavLink, Outlet } from "react-router";
import type { MeCan } from "../../api/types.js";
import { Forbidden } from "../../app/StatusPages.js";
import { useMe } from "../../app/useSession.js";

const SECTIONS: { to: string; key: "users_title" | "invitations_title" | "outbox_title" | "audit_title"; may: (can: MeCan) => boolean }[] = [
  { to: "/admin/users", key: "users_title", may: (can) => can.manageUsers },
  { to: "/admin/invitations", key: "invitations_title", may: (can) => can.manageUsers },
  { to: "/admin/outbox", key: "outbox_title", may: (can) => can.viewOutbox },
  { to: "/admin/audit", key: "audit_title", may: (can) => can.viewAudit },
];

/** Administration: a second navigation over the sections `Me.can` opens. */
export function AdminLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const sections = SECTIONS.filter((s) => s.may(me.can));
  if (sections.length === 0) return <Forbidden />;
  return (
    <div className="admin">
      <p className="admin-eyebrow">{t("nav.admin")}</p>
      <nav aria-label={t("admin.sections")} className="subnav">
        <ul>
          {sections.map((s) => (
            <li key={s.to}>
              <NavLink to={s.to} className="subnav-link">
                {t(`admin.${s.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}

/** /admin opens the first section the user may see. */
export function AdminIndex() {
  const me = useMe();
  const first = SECTIONS.find((s) => s.may(me.can));
  return first ? <Navigate to={first.to} replace /> : <Forbidden />;
}

/** Guard for one section. */
export function useAdminSection(may: (can: MeCan) => boolean): boolean {
  const me = useMe();
  return may(me.can);
}
