import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ApiProblem } from "../../api/client";
import { fakeApi, ME, MINISTRIES, renderSignedIn } from "../../testing/session";
import MinistriesView from "./MinistriesView";

describe("the ministries view", () => {
  test("the secretariat names a technical focal point: the button waits for the required fields, the dialog closes once saved", async () => {
    const fake = fakeApi({ listMinistries: () => ({ items: MINISTRIES }), nominateFocalPoint: () => ({}) as never });
    renderSignedIn(<MinistriesView />, { me: ME.secretariat, api: fake });
    await userEvent.click(await screen.findByRole("button", { name: "Name technical — Ministry of Health" }));
    const dialog = screen.getByRole("dialog", { name: "Name a focal point of Ministry of Health" });
    const submit = within(dialog).getByRole("button", { name: "Name" });
    expect(submit).toBeDisabled();
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Name" }), "Nina Horvat");
    await userEvent.type(within(dialog).getByRole("textbox", { name: "E-mail" }), "nina.horvat@gov.example");
    await userEvent.type(within(dialog).getByRole("textbox", { name: /Microsoft Entra object ID/ }), "0f8b6a52-6c1e-4d5e-9a44-2b7d1c3e9f10");
    expect(submit).toBeEnabled();
    await userEvent.click(submit);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(fake.calls.find((c) => c.id === "nominateFocalPoint")?.input).toMatchObject({
      params: { id: "m2" },
      body: { role: "technical", person: { userId: "0f8b6a52-6c1e-4d5e-9a44-2b7d1c3e9f10", displayName: "Nina Horvat", email: "nina.horvat@gov.example" } },
    });
  });

  test("a refused new ministry keeps the dialog open and says why, beside the field and under the fields", async () => {
    const fake = fakeApi({
      listMinistries: () => ({ items: MINISTRIES }),
      createMinistry: () => {
        throw new ApiProblem("conflict", "A ministry of that name exists", 409, [{ path: "body.name", message: "already taken" }]);
      },
    });
    renderSignedIn(<MinistriesView />, { me: ME.secretariat, api: fake });
    await userEvent.click(await screen.findByRole("button", { name: "Add ministry" }));
    const dialog = screen.getByRole("dialog", { name: "Add ministry" });
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Name" }), "Ministry of Justice");
    await userEvent.click(within(dialog).getByRole("button", { name: "Add ministry" }));
    // Beside the field, and in the problem bar under the fields with the server's message.
    expect(await within(dialog).findAllByText("already taken")).toHaveLength(2);
    expect(within(dialog).getByText(/A ministry of that name exists/)).toBeInTheDocument();
    expect(screen.getByRole("dialog", { name: "Add ministry" })).toBeInTheDocument();
  });

  test("an observer sees the ministries and no way to change them", async () => {
    renderSignedIn(<MinistriesView />, { me: ME.observer, api: fakeApi({ listMinistries: () => ({ items: MINISTRIES }) }) });
    expect(await screen.findByRole("table", { name: /Ministries/ })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Add ministry" })).toBeNull();
    expect(screen.queryByRole("button", { name: /Name technical/ })).toBeNull();
  });
});
