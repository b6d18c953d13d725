import { lazy, Suspense } from "react";
import { Loading } from "../../components/Feedback.js";
import type { EventRecord } from "../events/types.js";

const EventFollowupSection = lazy(() => import("./EventFollowupSection.js").then((m) => ({ default: m.EventFollowupSection })));

/** The event page's "Follow-up" tab: EventFollowupSection, fetched the first time the tab is opened. */
export function EventFollowupTab({ event }: { event: EventRecord }) {
  return (
    <Suspense fallback={<Loading />}>
      <EventFollowupSection event={event} />
    </Suspense>
  );
}
