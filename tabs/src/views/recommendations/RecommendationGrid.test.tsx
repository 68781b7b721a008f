import "@testing-library/jest-dom";
import { act, fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeApi, ME, recommendation, renderSignedIn, stubLayout } from "../../testing/session";
import { RecommendationGrid } from "./RecommendationGrid";

beforeAll(stubLayout);

const rows = Array.from({ length: 3000 }, (_, i) => recommendation(i + 1));

function renderGrid(props: Partial<Parameters<typeof RecommendationGrid>[0]> = {}) {
  const onOpen = jest.fn();
  const onSort = jest.fn();
  const toggle = jest.fn();
  renderSignedIn(
    <RecommendationGrid rows={rows} sort={{ key: "symbol", direction: "ascending" }} onSort={onSort} onOpen={onOpen} ministryName={(id) => (id === "m1" ? "MoJ" : id ? "MoH" : "")} selection={{ selected: new Set(["2"]), toggle, toggleAll: jest.fn() }} {...props} />,
    { me: ME.secretariat, api: fakeApi({}) },
  );
  return { onOpen, onSort, toggle };
}

describe("the recommendations grid", () => {
  test("tells assistive technologies how many rows there are, while only those in view are in the page", () => {
    renderGrid();
    const grid = screen.getByRole("grid", { name: "Recommendations" });
    expect(grid).toHaveAttribute("aria-rowcount", "3001");
    const rendered = within(grid).getAllByRole("row");
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(60);
    expect(within(grid).getByRole("columnheader", { name: /Paragraph/ })).toHaveAttribute("aria-sort", "ascending");
  });

  test("arrow keys move between rows, Enter opens one, Space selects it", async () => {
    const { onOpen, toggle } = renderGrid();
    const first = screen.getAllByRole("row").find((row) => row.getAttribute("aria-rowindex") === "2")!;
    act(() => first.focus());
    await userEvent.keyboard("{ArrowDown}");
    expect(document.activeElement).toHaveAttribute("aria-rowindex", "3");
    await userEvent.keyboard("{Enter}");
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ paragraph: "148.2" }));
    await userEvent.keyboard(" ");
    expect(toggle).toHaveBeenCalledWith("2");
    expect(document.activeElement).toHaveAttribute("aria-selected", "true");
  });

  test("sorting is a button in the column header; a column without sorting has none", () => {
    const { onSort } = renderGrid();
    fireEvent.click(screen.getByRole("button", { name: /Status/ }));
    expect(onSort).toHaveBeenCalledWith("status");
    expect(within(screen.getByRole("columnheader", { name: "Recommendation" })).queryByRole("button")).toBeNull();
  });

  test("the select-all box shows 'some selected' as mixed, and a row's box selects that row", async () => {
    const { toggle } = renderGrid();
    const all = screen.getByRole("checkbox", { name: "Select the 3,000 recommendations shown" });
    expect(all).toBePartiallyChecked();
    expect(screen.getByRole("checkbox", { name: "Select A/HRC/43/15 148.2" })).toBeChecked();
    await userEvent.click(screen.getByRole("checkbox", { name: "Select A/HRC/43/15 148.3" }));
    expect(toggle).toHaveBeenCalledWith("3");
  });

  test("a person who cannot assign ministries gets no selection boxes", () => {
    renderGrid({ selection: undefined });
    expect(screen.queryAllByRole("checkbox")).toHaveLength(0);
    expect(screen.getByRole("grid")).not.toHaveAttribute("aria-multiselectable");
  });

  test("says so when nothing matches", () => {
    renderGrid({ rows: [] });
    expect(screen.getByText("No recommendation matches these filters.")).toBeInTheDocument();
  });
});
