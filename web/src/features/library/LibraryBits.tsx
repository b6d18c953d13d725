import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { LibraryLanguage } from "../../../../common/library.js";
import { Badge } from "../../components/Feedback.js";
import { useLocalName } from "../../components/format.js";
import { useCountries } from "../directory/useDirectoryData.js";
import type { EntrySummary, LibraryScope } from "./types.js";

export interface LocalText {
  text: string;
  /** The language of `text`, for its `lang` attribute. */
  lang: LibraryLanguage;
  /** True when the interface language had nothing and the other language's text is shown. */
  isOther: boolean;
}

/** Pick a bilingual text for the interface language, falling back on the other language (and saying so). */
export function useLocalText() {
  const { i18n } = useTranslation();
  const language: LibraryLanguage = i18n.language === "en" ? "en" : "ar";
  return useCallback(
    (ar: string | null | undefined, en: string | null | undefined): LocalText => {
      const first = language === "ar" ? ar : en;
      if (first && first.trim()) return { text: first, lang: language, isOther: false };
      const other: LibraryLanguage = language === "ar" ? "en" : "ar";
      return { text: (language === "ar" ? en : ar) ?? "", lang: other, isOther: true };
    },
    [language],
  );
}

/** "In English only" beside a title that has no text in the interface language. */
export function OnlyInBadge({ lang }: { lang: LibraryLanguage }) {
  const { t } = useTranslation();
  return <Badge tone="warning">{t(`library.only_in.${lang}`)}</Badge>;
}

/** Who may read the entry: its group's name for "group", else private / all members / public. */
export function ScopeBadge({ scope, group }: Pick<EntrySummary, "scope" | "group">) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const tone = scope === "public" ? "success" : scope === "private" ? "neutral" : "info";
  return (
    <Badge tone={tone}>
      <span className="visually-hidden">{t("library.scope_label")}: </span>
      {scope === "group" && group ? localName(group) : t(`library.scope.${scope as LibraryScope}`)}
    </Badge>
  );
}

/** A country's name in the interface language, from its ISO code (the code itself while the names load). */
export function useCountryName() {
  const countries = useCountries();
  const localName = useLocalName();
  return useCallback(
    (code: string | null | undefined) => {
      if (!code) return "";
      const country = countries.byCode.get(code);
      return country ? localName(country) : code;
    },
    [countries, localName],
  );
}

/** "Kuwait Hajj Affairs Office (Kuwait)". */
export function OrganisationWithCountry({ organisation }: { organisation: { nameAr: string; nameEn: string; country: string | null } }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const countryName = useCountryName();
  const country = countryName(organisation.country);
  return <>{country ? t("library.organisation_country", { organisation: localName(organisation), country }) : localName(organisation)}</>;
}

/** The entry's tags, each a link to the library filtered by it. */
export function TagLinks({ tags }: { tags: string[] }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label={t("library.tags_label")}>
      {tags.map((tag) => (
        <li key={tag}>
          <Link to={`/library?tag=${encodeURIComponent(tag)}`} className="tag" dir="auto">
            {tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}
