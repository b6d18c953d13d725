import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../../app/useSession.js";
import { DateTime } from "../../components/DateTime.js";

/** Created / updated, and a link to the record's audit trail for those who may read it. */
export function RecordMeta({
  createdAt,
  updatedAt,
  entityType,
  entityId,
}: {
  createdAt?: string;
  updatedAt?: string;
  entityType: string;
  entityId: string;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <footer className="record-meta">
      <dl className="meta-list">
        {createdAt && (
          <div>
            <dt>{t("common.created_at")}</dt>
            <dd>
              <DateTime value={createdAt} mode="datetime" />
            </dd>
          </div>
        )}
        {updatedAt && (
          <div>
            <dt>{t("common.updated_at")}</dt>
            <dd>
              <DateTime value={updatedAt} mode="datetime" />
            </dd>
          </div>
        )}
      </dl>
      {user?.can.viewAudit && (
        <Link to={`/admin/audit?entityType=${encodeURIComponent(entityType)}&entityId=${encodeURIComponent(entityId)}`}>
          {t("common.view_history")}
        </Link>
      )}
    </footer>
  );
}
