import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useListState } from "./useListState.js";

/** A list's controls, showing the query it would send. */
function Controls() {
  const { filters, setFilter, search, setSearch, page, setPage } = useListState({ q: "", status: "" });
  return (
    <>
      <input aria-label="Search" value={search} onChange={(e) => setSearch(e.target.value)} />
      <button type="button" onClick={() => setFilter("status", "valid")}>
        Valid only
      </button>
      <button type="button" onClick={() => setPage(page + 1)}>
        Next
      </button>
      <output>{JSON.stringify({ ...filters, page })}</output>
    </>
  );
}

const query = () => JSON.parse(screen.getByRole("status").textContent ?? "{}") as Record<string, unknown>;

afterEach(() => vi.useRealTimers());

describe("useListState", () => {
  it("goes back to the first page when a filter changes, and when the search is written after a pause", () => {
    vi.useFakeTimers();
    render(<Controls />);
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(query()).toEqual({ q: "", status: "", page: 3 });
    fireEvent.click(screen.getByRole("button", { name: "Valid only" }));
    expect(query()).toEqual({ q: "", status: "valid", page: 1 });

    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Search" }), { target: { value: " noura " } });
    expect(query()).toEqual({ q: "", status: "valid", page: 2 });
    act(() => void vi.advanceTimersByTime(300));
    expect(query()).toEqual({ q: "noura", status: "valid", page: 1 });
  });
});
