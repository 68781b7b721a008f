import { ForbiddenError } from "../errors";
import { accessToDraft, accessToRequest, authorize, can, type Action, type Actor, type MechanismRules } from "./policy";

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
  [{ kind: "comment-on-consultation", invited: true }, { secretariat: true, chair: true, focalPoint: true, observer: true, admin: true, stranger: false }],
  [{ kind: "comment-on-consultation", invited: false }, { secretariat: false, chair: false, focalPoint: false, observer: false, admin: false, stranger: false }],
  [{ kind: "administer" }, { secretariat: false, chair: false, focalPoint: false, observer: false, admin: true, stranger: false }],
  [{ kind: "read-data-quality" }, { secretariat: true, chair: true, focalPoint: false, observer: false, admin: true, stranger: false }],
  [{ kind: "fix-data" }, { secretariat: true, chair: false, focalPoint: false, observer: false, admin: true, stranger: false }],
  [{ kind: "read-review" }, { secretariat: true, chair: true, focalPoint: false, observer: false, admin: true, stranger: false }],
  [{ kind: "read-people" }, { secretariat: true, chair: true, focalPoint: true, observer: false, admin: true, stranger: false }],
  [{ kind: "read-answers" }, { secretariat: true, chair: true, focalPoint: true, observer: false, admin: true, stranger: false }],
  [{ kind: "read-special-procedures" }, { secretariat: true, chair: true, focalPoint: true, observer: false, admin: true, stranger: false }],
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

describe("how much of a ministry's request, and of a draft, each person reads", () => {
  const own: MechanismRules = { focalPointsRead: "own-ministry" };
  const all: MechanismRules = { focalPointsRead: "all-ministries" };
  const level = (who: keyof typeof people, ministryId: string, shared: boolean, rules = own) => accessToRequest(people[who], { ministryId, sharedWithObservers: shared }, rules).level;

  it("gives the secretariat, the chair and administrators all of every request", () => {
    for (const who of ["secretariat", "chair", "admin"] as const) for (const shared of [true, false]) expect(level(who, "8", shared)).toBe("full");
  });

  it("gives a focal point all of their own ministry's; of another's, what is shared with observers, or all of it when the mechanism says so", () => {
    expect(level("focalPoint", "7", false)).toBe("full");
    expect(level("focalPoint", "8", false)).toBe("none");
    expect(level("focalPoint", "8", true)).toBe("shared");
    expect(level("focalPoint", "8", false, all)).toBe("full");
  });

  it("gives an observer what is shared with observers only, and a person with no role nothing", () => {
    expect(level("observer", "7", true)).toBe("shared");
    expect(level("observer", "7", false)).toBe("none");
    expect(level("stranger", "7", true)).toBe("none");
  });

  it("gives a draft's internal file to those who read all of it; the shared edition to observers and, when each ministry reads only its own, focal points", () => {
    const draft = (who: keyof typeof people, shared: boolean, rules = own) => accessToDraft(people[who], { sharedWithObservers: shared }, rules).level;
    expect(["secretariat", "chair", "admin"].map((who) => draft(who as keyof typeof people, false))).toEqual(["full", "full", "full"]);
    expect([draft("focalPoint", true), draft("focalPoint", false), draft("focalPoint", false, all)]).toEqual(["shared", "none", "full"]);
    expect([draft("observer", true), draft("observer", false), draft("stranger", true)]).toEqual(["shared", "none", "none"]);
  });
});
