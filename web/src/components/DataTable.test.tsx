import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DataTable } from "./DataTable.js";

describe("DataTable", () => {
  it("heads each column: plain, numeric on the end side, or named for screen readers only", () => {
    render(
      <DataTable className="table" caption="Tokens" columns={["Name", { label: "Score", numeric: true }, { label: "Actions", hidden: true }]} isStale>
        <tr>
          <td>a</td>
          <td>1</td>
          <td />
        </tr>
      </DataTable>,
    );
    const table = screen.getByRole("table", { name: "Tokens" });
    expect(table.closest(".table-wrap")?.className).toBe("table-wrap is-stale");
    const headings = screen.getAllByRole("columnheader");
    expect(headings.map((th) => th.textContent)).toEqual(["Name", "Score", "Actions"]);
    expect(headings.map((th) => th.className)).toEqual(["", "num", ""]);
    expect(headings[2]!.querySelector(".visually-hidden")?.textContent).toBe("Actions");
    expect(headings[0]!.querySelector(".visually-hidden")).toBeNull();
  });
});
