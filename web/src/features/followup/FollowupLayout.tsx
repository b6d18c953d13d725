import { Outlet } from "react-router";
import { FollowupNav } from "./FollowupBits.js";

/**
 * The follow-up pages (recommendations, actions, programmes, accountability) under one
 * entry of the main navigation, with their own second navigation, as administration does.
 */
export function FollowupLayout() {
  return (
    <div className="followup">
      <FollowupNav />
      <Outlet />
    </div>
  );
}
