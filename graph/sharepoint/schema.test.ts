import { type z } from "zod";
import { RECORD_KINDS, type RecordName } from "../../core/records/kinds";
import { SITE_SCHEMA, listOfKind } from "./schema";

function fieldsOf(schema: z.ZodType): string[] {
  // A record schema that computes a field (a ministry's name key) is the object piped into its transform.
  const object = "shape" in schema ? schema : (schema as unknown as { in: z.ZodType }).in;
  return Object.keys((object as unknown as z.ZodObject).shape);
}

describe("the site schema", () => {
  const kinds = Object.keys(RECORD_KINDS) as RecordName[];

  it.each(kinds)("gives every field of %s a column, and no column to a field it lacks", (name) => {
    const list = listOfKind(name);
    expect(list.columns.map((c) => c.field).sort()).toEqual(fieldsOf(RECORD_KINDS[name].schema).sort());
  });

  it.each(kinds)("indexes every field %s records are queried by, and makes the unique key unique", (name) => {
    const kind = RECORD_KINDS[name];
    const list = listOfKind(name);
    for (const field of kind.queryable) expect(list.columns.find((c) => c.field === field)).toMatchObject({ indexed: true });
    if (kind.uniqueKey) expect(list.columns.find((c) => c.field === kind.uniqueKey)).toMatchObject({ indexed: true, unique: true });
  });

  it("has the lists and libraries of the design", () => {
    expect(SITE_SCHEMA.map((l) => l.title).sort()).toEqual(
      ["AuditLog", "ConsultationComments", "Consultations", "Contributions", "Conversations", "DraftVersions", "Drafts", "Evidence", "FocalPoints", "Milestones", "Ministries", "Operations", "Outbox", "Recommendations", "Reports", "Requests", "Reviews", "Plans", "PlanItems", "Actions", "Indicators", "IndicatorValues", "ProgressUpdates", "FollowUpRounds", "FollowUpSchedules", "Visits", "Communications"].sort(),
    );
  });

  it("uses column names SharePoint accepts and that do not shadow its own", () => {
    const reserved = new Set(["ID", "Title", "Created", "Modified", "Author", "Editor", "Attachments", "ContentType", "Order", "Version", "Name", "FileLeafRef"]);
    for (const list of SITE_SCHEMA) {
      const names = list.columns.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) {
        expect(name).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
        expect(reserved.has(name)).toBe(false);
      }
    }
  });
});
