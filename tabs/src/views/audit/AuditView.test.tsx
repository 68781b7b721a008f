import "@testing-library/jest-dom";
import { screen } from "@testing-library/react";
import type { AuditEntryDto } from "../../../../core/api";
import { fakeApi, ME, renderSignedIn, stubLayout } from "../../testing/session";
import AuditView from "./AuditView";

beforeAll(stubLayout);

const entry: AuditEntryDto = {
  id: "a1",
  eTag: "ae",
  at: "2026-11-20T10:00:00.000Z",
  actorId: "u-sec",
  actorName: "Maja Novak",
  action: "recommendation.updated",
  entity: "recommendations",
  entityId: "24",
  summary: "A/HRC/43/15 148.12 updated",
  changes: [
    { field: "leadMinistryId", from: "m1", to: "m2" },
    { field: "status", from: "not-started", to: "in-progress" },
  ],
};

test("a change reads with the field's label and the ministry's name, not stored names and ids", async () => {
  renderSignedIn(<AuditView />, { me: ME.secretariat, api: fakeApi({ listAudit: () => ({ items: [entry] }) }) });
  expect(await screen.findByText("Lead ministry: Ministry of Justice → Ministry of Health")).toBeInTheDocument();
  expect(screen.getByText("Status: Not started → In progress")).toBeInTheDocument();
  expect(screen.queryByText(/leadMinistryId/)).toBeNull();
});
