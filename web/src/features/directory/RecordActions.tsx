import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import type { Abilities } from "../../api/types.js";
import { useAction } from "../../api/useApi.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { FormErrors } from "../../components/Feedback.js";

/**
 * Archive or restore a record, as its `abilities` allow. Archiving asks first;
 * restoring is harmless and immediate.
 */
export function ArchiveControls({
  basePath,
  abilities,
  archivedAt,
  recordName,
  onDone,
}: {
  /** e.g. `/api/organisations/<id>` */
  basePath: string;
  abilities: Abilities | undefined;
  archivedAt: string | null;
  recordName: string;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const canArchive = !archivedAt && !!abilities?.archive;
  const canRestore = !!archivedAt && !!(abilities?.restore ?? abilities?.archive);
  if (!canArchive && !canRestore) return null;

  async function archive() {
    const result = await action.run(() => api.post(`${basePath}/archive`));
    setConfirming(false);
    if (result.ok) onDone();
  }

  async function restore() {
    const result = await action.run(() => api.post(`${basePath}/restore`));
    if (result.ok) onDone();
  }

  return (
    <>
      {canArchive && (
        <button type="button" className="button button--danger-outline" onClick={() => setConfirming(true)} disabled={action.pending}>
          {t("common.archive")}
        </button>
      )}
      {canRestore && (
        <button type="button" className="button button--secondary" onClick={() => void restore()} disabled={action.pending} aria-busy={action.pending || undefined}>
          {action.pending ? t("common.working") : t("common.restore")}
        </button>
      )}
      <ConfirmDialog
        open={confirming}
        title={t("common.archive_confirm_title", { name: recordName })}
        confirmLabel={t("common.archive")}
        danger
        pending={action.pending}
        onConfirm={() => void archive()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t("common.archive_confirm_body")}</p>
      </ConfirmDialog>
      <div className="page-actions-error">
        <FormErrors error={action.error} />
      </div>
    </>
  );
}
