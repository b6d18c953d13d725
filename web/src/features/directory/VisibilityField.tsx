import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { VISIBILITIES } from "../../../../common/roles.js";
import type { ApiError } from "../../api/client.js";
import type { GroupRef } from "../../api/types.js";
import { RadioGroupField, SelectField } from "../../components/Field.js";
import { ErrorState } from "../../components/Feedback.js";
import { useLocalName } from "../../components/format.js";
import type { FormValues } from "./formValues.js";
import { sortByLocalName } from "./useDirectoryData.js";

export interface ShareGroupChoice {
  /** The groups the record's organisation belongs to; undefined while they load. */
  groups: GroupRef[] | undefined;
  loadError?: ApiError | null;
  onRetry?(): void;
  value: string;
  onChange(value: string): void;
  error?: string;
  /** Why no group can be chosen (the organisation belongs to none), when that is so. */
  unavailable?: string;
}

/**
 * The four visibility levels, each explained. With "group", a required select of
 * the organisation's groups appears under that option.
 */
export function VisibilityField({
  id,
  value,
  onChange,
  error,
  share,
}: {
  id: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  share: ShareGroupChoice;
}) {
  const { t, i18n } = useTranslation();
  const localName = useLocalName();
  const selectId = `${id}-shareGroupId`;

  let details;
  if (share.loadError) details = <ErrorState error={share.loadError} onRetry={share.onRetry} />;
  else
    details = (
      <SelectField
        id={selectId}
        label={t("fields.shareGroupId")}
        value={share.value}
        onChange={share.onChange}
        options={sortByLocalName(share.groups ?? [], i18n.language).map((g) => ({ value: g.id, label: localName(g) }))}
        placeholder={share.groups ? t("common.choose") : t("common.loading")}
        disabled={!share.groups}
        aria-busy={!share.groups || undefined}
        hint={share.unavailable}
        error={share.error}
        required
      />
    );

  return (
    <RadioGroupField
      id={id}
      legend={t("fields.visibility")}
      value={value}
      onChange={onChange}
      error={error}
      required
      options={VISIBILITIES.map((v) => ({
        value: v,
        label: t(`directory.visibilities.${v}`),
        description:
          v === "group" && share.unavailable && value !== "group" ? (
            <>
              {t("directory.visibility_help.group")}
              <span className="radio-note">{share.unavailable}</span>
            </>
          ) : (
            t(`directory.visibility_help.${v}`)
          ),
        // A record already shared with a group keeps the option, so it can be seen and left.
        disabled: v === "group" && !!share.unavailable && value !== "group",
        details: v === "group" ? details : undefined,
      }))}
    />
  );
}

/**
 * The share group to use: the chosen one while it is among the organisation's
 * groups (a group of another organisation, or one it has left, no longer counts).
 */
export function currentShareGroup(values: FormValues, groups: GroupRef[] | undefined): string {
  const id = values.shareGroupId ?? "";
  return groups && !groups.some((g) => g.id === id) ? "" : id;
}

/**
 * The values to send: the share group goes along only with visibility "group"
 * (the server clears it for the others), so a group picked and then left is not sent.
 */
export function valuesToSend(initial: FormValues, values: FormValues, shareGroupId: string): FormValues {
  return { ...values, shareGroupId: values.visibility === "group" ? shareGroupId : (initial.shareGroupId ?? "") };
}

/** "Shared with: <group>" for a record shared with one group; nothing otherwise. */
export function ShareGroupLine({ record }: { record: { visibility: string; shareGroup: GroupRef | null } }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  if (record.visibility !== "group" || !record.shareGroup) return null;
  return (
    <span className="share-group-line">
      {t("directory.shared_with")}{" "}
      <Link to={`/directory/groups/${encodeURIComponent(record.shareGroup.code)}`}>{localName(record.shareGroup)}</Link>
    </span>
  );
}
