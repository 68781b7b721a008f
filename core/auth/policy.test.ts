import { ForbiddenError } from "../errors";
import { authorize, can, type Action, type Actor } from "./policy";

const person = (roles: Actor["roles"], ministryIds: string[] = []): Actor => ({ userId: "u", displayName: "U", roles, ministryIds });
const people = {
  secretariat: person(["Secretariat"]),
  chair: person(["Chair"]),
  focalPoint: person([], ["7"]),
  observer: person(["Observer"]),
  admin: person(["Admin"]),
  stranger: person([]),
};

// DESIGN.md, "Authorization": the table, row by row.
const table: [Action, Record<keyof typeof people, boolean>][] = [
  [{ kind: "read" }, { secretariat: true, chair: true, focalPoint: true, observer: true, admin: true, stranger: false }],
  [{ kind: "read-record", sharedWithObservers: false }, { secretariat: true, chair: true, focalPoint: true, observer: false, admin: true, stranger: false }],
  [{ kind: "read-record", sharedWithObservers: true }, { secretariat: true, chair: true, focalPoint: true, observer: true, admin: true, stranger: false }],
  [{ kind: "edit-lists" }, { secretariat: true, chair: false, focalPoint: false, observer: false, admin: false, stranger: false }],
  [{ kind: "import" }, { secretariat: true, chair: false, focalPoint: false, observer: false, admin: false, stranger: false }],
  [{ kind: "create-requests" }, { secretariat: true, chair: false, focalPoint: false, observer: false, admin: false, stranger: false }],
  [{ kind: "compile-drafts" }, { secretariat: true, chair: false, focalPoint: false, observer: false, admin: false, stranger: false }],
  [{ kind: "answer-request", ministryId: "7" }, { secretariat: false, chair: false, focalPoint: true, observer: false, admin: false, stranger: false }],
  [{ kind: "answer-request", ministryId: "8" }, { secretariat: false, chair: false, focalPoint: false, observer: false, admin: false, stranger: false }],
  [{ kind: "update-status", ministryId: "7" }, { secretariat: false, chair: false, focalPoint: true, observer: false, admin: false, stranger: false }],
  [{ kind: "update-status", ministryId: "8" }, { secretariat: false, chair: false, focalPoint: false, observer: false, admin: false, stranger: false }],
  [{ kind: "decide-draft" }, { secretariat: false, chair: true, focalPoint: false, observer: false, admin: false, stranger: false }],
  [{ kind: "administer" }, { secretariat: false, chair: false, focalPoint: false, observer: false, admin: true, stranger: false }],
];

describe("the authorization policy", () => {
  for (const [action, verdicts] of table) {
    for (const [who, allowed] of Object.entries(verdicts) as [keyof typeof people, boolean][]) {
      it(`${allowed ? "lets" : "stops"} the ${who}: ${JSON.stringify(action)}`, () => {
        expect(can(people[who], action)).toBe(allowed);
        if (allowed) expect(() => authorize(people[who], action)).not.toThrow();
        else expect(() => authorize(people[who], action)).toThrow(ForbiddenError);
      });
    }
  }

  it("tells a focal point of another ministry why they are refused", () => {
    expect(() => authorize(people.focalPoint, { kind: "answer-request", ministryId: "8" })).toThrow("only an active focal point of the ministry this concerns");
  });
});
