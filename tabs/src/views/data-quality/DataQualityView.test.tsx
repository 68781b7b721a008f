import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { DataQualityDto } from "../../../../core/api/data-quality";
import { ApiProblem } from "../../api/client";
import { fakeApi, ME, renderSignedIn, stubLayout } from "../../testing/session";
import DataQualityView from "./DataQualityView";

beforeAll(stubLayout);

const broken: DataQualityDto["rows"][number] = {
  kind: "recommendations",
  list: "Recommendations",
  id: "12",
  eTag: '"g,3"',
  title: "A/HRC/43/15 para. 148.12",
  webUrl: "https://contoso.sharepoint.com/sites/nmirf/Lists/Recommendations/12_.000",
  problems: [
    { field: "status", column: "Implementation status", kind: "not_a_choice", message: "'Partly done' is not one of its choices", value: "Partly done", choices: ["not-assessed", "not-started", "in-progress", "partially-implemented", "implemented", "no-longer-relevant"] },
    { field: "cycle", column: "Cycle", kind: "not_a_number", message: "'fourth' is not a number", value: "fourth" },
  ],
  fields: { status: "Partly done", cycle: "fourth" },
};
const report = (rows: DataQualityDto["rows"]): DataQualityDto => ({ total: rows.length, lists: [{ kind: "recommendations", list: "Recommendations", count: rows.length }], rows });

test("names the list, the row and each problem in words, with a link to the item in SharePoint", async () => {
  renderSignedIn(<DataQualityView />, { me: ME.secretariat, api: fakeApi({ readDataQuality: () => report([broken]) }) });
  const card = await screen.findByRole("group", { name: /Recommendations 12 A\/HRC\/43\/15 para\. 148\.12/ });
  expect(within(card).getByText("Implementation status: “Partly done” is not one of its choices.")).toBeInTheDocument();
  expect(within(card).getByText("Cycle: “fourth” is not a number.")).toBeInTheDocument();
  expect(within(card).getByRole("link", { name: "Open in SharePoint" })).toHaveAttribute("href", broken.webUrl);
  expect(screen.getByText("1 row needs attention.")).toBeInTheDocument();
});

test("fixes the broken columns with the row's eTag, then shows the list as it is now", async () => {
  let rows = [broken];
  const fake = fakeApi({
    readDataQuality: () => report(rows),
    fixRow: () => {
      rows = [];
      return { kind: "recommendations", id: "12", eTag: '"g,4"', record: {} };
    },
  });
  renderSignedIn(<DataQualityView />, { me: ME.secretariat, api: fake });
  // A value that is not a choice is fixed by picking one, in words, not by typing a code.
  const status = await screen.findByRole("combobox", { name: /Implementation status/ });
  expect(status).toHaveValue("");
  expect(within(status).getAllByRole("option").map((o) => o.textContent)).toEqual(["Pick a value", "Not assessed", "Not started", "In progress", "Partially implemented", "Implemented", "No longer relevant"]);
  await userEvent.selectOptions(status, "In progress");
  const cycle = screen.getByRole("textbox", { name: /Cycle/ });
  await userEvent.clear(cycle);
  await userEvent.type(cycle, "4");
  await userEvent.click(screen.getByRole("button", { name: "Fix" }));
  expect(await screen.findByText("Recommendations 12 is fixed and back in the lists.")).toBeInTheDocument();
  expect(await screen.findByText("No row needs attention: every list can be used as it is.")).toBeInTheDocument();
  expect(fake.calls.find((c) => c.id === "fixRow")?.input).toEqual({ params: { kind: "recommendations", id: "12" }, body: { eTag: '"g,3"', fields: { status: "in-progress", cycle: "4" } } });
});

test("a refused fix says why and leaves the form as typed", async () => {
  const fake = fakeApi({
    readDataQuality: () => report([broken]),
    fixRow: () => {
      throw new ApiProblem("validation", "Recommendation is not valid: cycle: Invalid input", 400, [{ path: "cycle", message: "Invalid input" }]);
    },
  });
  renderSignedIn(<DataQualityView />, { me: ME.secretariat, api: fake });
  await userEvent.click(await screen.findByRole("button", { name: "Fix" }));
  expect(await screen.findByText(/Recommendation is not valid/)).toBeInTheDocument();
  expect(screen.getByRole("textbox", { name: /Cycle/ })).toHaveValue("fourth");
});

test("the chair sees the rows but no form to fix them", async () => {
  renderSignedIn(<DataQualityView />, { me: ME.chair, api: fakeApi({ readDataQuality: () => report([broken]) }) });
  await screen.findByText("Cycle: “fourth” is not a number.");
  expect(screen.queryByRole("button", { name: "Fix" })).toBeNull();
});
