import { API_ROUTES } from "../../../core/api/routes";
import { ROUTES, pathOf } from "./routes";
import { MECHANISMS, REPORT_TYPES, UPR_POSITIONS, IMPLEMENTATION_STATUSES } from "../../../core/records/taxonomy";
import { REQUEST_STATUSES } from "../../../core/requests/request";
import { REPORT_STATUSES } from "../../../core/reports/report";
import { ACTION_STATUSES } from "../../../core/followup/action";
import { ACTION_STATUS_CODES, MECHANISM_CODES, POSITION_CODES, REPORT_STATUS_CODES, REPORT_TYPE_CODES, REQUEST_STATUS_CODES, STATUS_CODES } from "../taxonomy";

test("the tab calls every route of the API with core's method and path", () => {
  const fromCore = Object.fromEntries(Object.entries(API_ROUTES).map(([id, route]) => [id, [route.method, route.path]]));
  expect(ROUTES).toEqual(fromCore);
});

test("the tab lists the same taxonomies as core (without bundling core's schemas)", () => {
  expect([...MECHANISM_CODES]).toEqual([...MECHANISMS]);
  expect([...REPORT_TYPE_CODES]).toEqual([...REPORT_TYPES]);
  expect([...POSITION_CODES]).toEqual([...UPR_POSITIONS]);
  expect([...STATUS_CODES]).toEqual([...IMPLEMENTATION_STATUSES]);
  expect([...REQUEST_STATUS_CODES]).toEqual([...REQUEST_STATUSES]);
  expect([...REPORT_STATUS_CODES]).toEqual([...REPORT_STATUSES]);
  expect([...ACTION_STATUS_CODES]).toEqual([...ACTION_STATUSES]);
});

test("path parameters are escaped", () => {
  expect(pathOf("/api/requests/{id}/extend", { id: "a/b" })).toBe("/api/requests/a%2Fb/extend");
});
