import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import { ListEditor } from "./ListEditor.js";

interface Row {
  key: number;
  text: string;
}

let nextKey = 10;

/** A list of plain rows, kept as a form would keep it. */
function Rows({ initial, max = 3, reorder = true }: { initial: string[]; max?: number; reorder?: boolean }) {
  const [rows, setRows] = useState<Row[]>(() => initial.map((text, i) => ({ key: i + 1, text })));
  return (
    <ListEditor
      className="form-section"
      legend="Questions"
      hint="At most three."
      hintId="rows-hint"
      empty="No questions yet."
      value={rows}
      onChange={setRows}
      itemLabel={(i) => `Question ${i + 1}`}
      renderFields={(row, _i, change) => <input aria-label="Text" value={row.text} onChange={(e) => change({ text: e.target.value })} />}
      moveLabels={reorder ? { up: "Move up", down: "Move down" } : undefined}
      removeLabel={(i) => `Remove question ${i + 1}`}
      addLabel="Add a question"
      newItem={() => ({ key: nextKey++, text: "" })}
      canAdd={rows.length < max}
    />
  );
}

const texts = () => screen.queryAllByLabelText<HTMLInputElement>("Text").map((input) => input.value);

describe("ListEditor", () => {
  it("moves, edits, removes and adds rows, each named by its place", () => {
    render(<Rows initial={["a", "b"]} />);
    expect(screen.getByRole("group", { name: "Questions" }).getAttribute("aria-describedby")).toBe("rows-hint");
    const first = screen.getByRole("group", { name: "Question 1" });
    expect(within(first).getByRole("button", { name: "Move up: Question 1" }).hasAttribute("disabled")).toBe(true);
    fireEvent.click(within(first).getByRole("button", { name: "Move down: Question 1" }));
    expect(texts()).toEqual(["b", "a"]);
    fireEvent.change(within(screen.getByRole("group", { name: "Question 2" })).getByLabelText("Text"), { target: { value: "a!" } });
    expect(texts()).toEqual(["b", "a!"]);
    fireEvent.click(screen.getByRole("button", { name: "Remove question 1" }));
    expect(texts()).toEqual(["a!"]);
    fireEvent.click(screen.getByRole("button", { name: "Add a question" }));
    expect(texts()).toEqual(["a!", ""]);
  });

  it("stops adding at the limit, says when there are no rows, and leaves out reordering when not asked for", () => {
    render(<Rows initial={["a", "b", "c"]} reorder={false} />);
    expect(screen.getByRole("button", { name: "Add a question" }).hasAttribute("disabled")).toBe(true);
    expect(screen.queryByRole("button", { name: /^Move/ })).toBeNull();
    for (let i = 0; i < 3; i++) fireEvent.click(screen.getByRole("button", { name: "Remove question 1" }));
    expect(screen.getByText("No questions yet.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Add a question" }).hasAttribute("disabled")).toBe(false);
  });
});
