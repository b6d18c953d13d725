import QRCode from "qrcode";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { I18nextProvider, useTranslation } from "react-i18next";
import type { Locale } from "../../../../common/roles.js";
import { useApi } from "../../api/useApi.js";
import { DisplaySettingsContext, useDisplaySettings } from "../../app/useDisplaySettings.js";
import { CopyableValue } from "../../components/CopyButton.js";
import { DateTime } from "../../components/DateTime.js";
import { ErrorState, Loading } from "../../components/Feedback.js";
import { useLocalName } from "../../components/format.js";
import type { CheckInLink, EventRecord } from "./types.js";

/** Render `children` in another interface language (for the bilingual printed sheet). */
function InLanguage({ locale, children }: { locale: Locale; children: ReactNode }) {
  const { i18n } = useTranslation();
  const display = useDisplaySettings();
  const instance = useMemo(() => i18n.cloneInstance({ lng: locale }), [i18n, locale]);
  const digits = locale === "en" ? "latn" : display.locale === "ar" ? display.digits : "arab";
  return (
    <I18nextProvider i18n={instance}>
      <DisplaySettingsContext.Provider value={{ ...display, locale, digits }}>
        <div lang={locale} dir={locale === "ar" ? "rtl" : "ltr"} className="checkin-sheet-part">
          {children}
        </div>
      </DisplaySettingsContext.Provider>
    </I18nextProvider>
  );
}

function SheetText({ event }: { event: EventRecord }) {
  const { t, i18n } = useTranslation();
  const localName = useLocalName();
  const isArabic = i18n.language === "ar";
  return (
    <>
      <h1 className="checkin-sheet-title">{isArabic ? event.titleAr : event.titleEn}</h1>
      <p className="checkin-sheet-meta">{localName(event.host)}</p>
      {(isArabic ? event.venueAr || event.venueEn : event.venueEn || event.venueAr) && (
        <p className="checkin-sheet-meta">{isArabic ? event.venueAr || event.venueEn : event.venueEn || event.venueAr}</p>
      )}
      <p className="checkin-sheet-meta">
        <DateTime value={event.startsAt} mode="datetime" timeZone={event.timeZone} />
      </p>
      <p className="checkin-sheet-instruction">{t("events.checkin.instruction")}</p>
    </>
  );
}

/**
 * The event's self check-in QR code (in-person and hybrid events), with a print-ready
 * sheet: the title and date in Arabic and English around the code.
 */
export function CheckInQr({ event }: { event: EventRecord }) {
  const { t } = useTranslation();
  const link = useApi<CheckInLink>(`/api/events/${encodeURIComponent(event.id)}/check-in-link`);
  const [svg, setSvg] = useState<string | null>(null);
  const url = link.data?.url;

  useEffect(() => {
    if (!url) return;
    let alive = true;
    QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" }).then(
      (text) => alive && setSvg(text),
      () => alive && setSvg(null),
    );
    return () => {
      alive = false;
    };
  }, [url]);

  useEffect(() => {
    const done = () => document.documentElement.classList.remove("printing-checkin");
    window.addEventListener("afterprint", done);
    return () => {
      window.removeEventListener("afterprint", done);
      done();
    };
  }, []);

  function print() {
    document.documentElement.classList.add("printing-checkin");
    window.print();
  }

  const image = svg ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` : null;

  return (
    <section className="card" aria-labelledby="event-checkin-qr-title">
      <h2 id="event-checkin-qr-title" className="card-title">
        {t("events.checkin.qr_title")}
      </h2>
      {link.error && <ErrorState error={link.error} onRetry={link.reload} />}
      {!link.data && link.loading && <Loading />}
      {link.data && (
        <>
          <p className="card-text">{t("events.checkin.qr_intro")}</p>
          {image && <img className="checkin-qr" src={image} alt={t("events.checkin.qr_alt")} />}
          <dl className="summary-list summary-list--compact">
            <div>
              <dt>{t("events.checkin.opens")}</dt>
              <dd>
                <DateTime value={link.data.opensAt} mode="datetime" timeZone={event.timeZone} />
              </dd>
            </div>
            <div>
              <dt>{t("events.checkin.closes")}</dt>
              <dd>
                <DateTime value={link.data.closesAt} mode="datetime" timeZone={event.timeZone} />
              </dd>
            </div>
          </dl>
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={print} disabled={!image}>
              {t("events.checkin.print")}
            </button>
          </div>
          <details className="disclosure">
            <summary>{t("events.checkin.link_summary")}</summary>
            <CopyableValue id="checkin-link" label={t("events.checkin.link_label")} value={link.data.url} />
          </details>
          {image &&
            createPortal(
              <div className="checkin-sheet" aria-hidden="true">
                <InLanguage locale="ar">
                  <SheetText event={event} />
                </InLanguage>
                <img className="checkin-sheet-qr" src={image} alt="" />
                <InLanguage locale="en">
                  <SheetText event={event} />
                </InLanguage>
              </div>,
              document.body,
            )}
        </>
      )}
    </section>
  );
}
