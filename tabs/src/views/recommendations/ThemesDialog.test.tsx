import "@testing-library/jest-dom";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { RenameThemesResultDto } from "../../../../core/api";
import { fakeApi, ME, renderSignedIn, stubLayout } from "../../testing/session";
import { ThemesDialog } from "./ThemesDialog";

beforeAll(stubLayout);

const items = [
  { name: "Equality & non-discrimination", count: 4, similar: ["Equality and non-discrimination"] },
  { name: "Equality and non-discrimination", count: 3, similar: ["Equality & non-discrimination"] },
  { name: "Right to education", count: 9, similar: [] },
];

test("the secretariat merges two spellings of a theme: the preview says how many change, then every one is re-tagged", async () => {
  const result = (applied: boolean): RenameThemesResultDto => ({ applied, changed: 7, notFound: [], items: [], updated: applied ? 7 : 0, failed: 0 });
  const fake = fakeApi({ listThemes: () => ({ items }), renameThemes: ({ body }) => result(Boolean((body as { apply?: boolean }).apply)) });
  const onDone = jest.fn();
  renderSignedIn(<ThemesDialog mechanism="UPR" onClose={jest.fn()} onDone={onDone} />, { me: ME.secretariat, api: fake });
  expect(await screen.findByText("Probably the same as: Equality and non-discrimination")).toBeInTheDocument();
  await userEvent.click(screen.getByRole("checkbox", { name: "Equality & non-discrimination · 4 recommendations" }));
  await userEvent.click(screen.getByRole("checkbox", { name: "Equality and non-discrimination · 3 recommendations" }));
  await userEvent.type(screen.getByRole("textbox", { name: "New name" }), "Equality and non-discrimination");
  await userEvent.click(screen.getByRole("button", { name: "Preview" }));
  expect(await screen.findByText("7 recommendations will be tagged Equality and non-discrimination.")).toBeInTheDocument();
  expect(fake.calls.filter((c) => c.id === "renameThemes")).toHaveLength(1);
  expect(fake.calls.find((c) => c.id === "renameThemes")?.input).toEqual({ body: { from: ["Equality & non-discrimination", "Equality and non-discrimination"], to: "Equality and non-discrimination", mechanism: "UPR" } });

  await userEvent.click(screen.getByRole("button", { name: "Re-tag 7 recommendations" }));
  expect(await screen.findByText("7 recommendations re-tagged.")).toBeInTheDocument();
  expect(fake.calls.filter((c) => c.id === "renameThemes")[1]?.input).toMatchObject({ body: { apply: true } });
  expect(onDone).toHaveBeenCalledWith(7);
});

test("changing the choice after a preview asks for a new preview before anything is written", async () => {
  const fake = fakeApi({ listThemes: () => ({ items }), renameThemes: () => ({ applied: false, changed: 9, notFound: [], items: [], updated: 0, failed: 0 }) });
  renderSignedIn(<ThemesDialog onClose={jest.fn()} onDone={jest.fn()} />, { me: ME.secretariat, api: fake });
  await userEvent.click(await screen.findByRole("checkbox", { name: "Right to education · 9 recommendations" }));
  await userEvent.type(screen.getByRole("textbox", { name: "New name" }), "Education");
  await userEvent.click(screen.getByRole("button", { name: "Preview" }));
  await screen.findByRole("button", { name: "Re-tag 9 recommendations" });
  await userEvent.type(screen.getByRole("textbox", { name: "New name" }), " rights");
  expect(screen.getByRole("button", { name: "Preview" })).toBeEnabled();
  expect(fake.calls.filter((c) => c.id === "renameThemes").every((c) => !(c.input as { body: { apply?: boolean } }).body.apply)).toBe(true);
});
