import { DRAFT_PROPERTY_NAMES } from "../../../core/drafts/draft-identity";
import { paneQueryOf, PROPERTY_NAMES } from "./draft-query";

test("the pane reads the document properties core stamps into each draft", () => {
  expect(PROPERTY_NAMES).toEqual(DRAFT_PROPERTY_NAMES);
});

test("a document names its draft by its properties, else by its address, else not at all", () => {
  const properties = { "NMIRF.Site": "contoso.sharepoint.com/sites/nmirf", "NMIRF.ReportId": "4", "NMIRF.DraftId": "17", "NMIRF.DraftVersion": "3" };
  expect(paneQueryOf({ properties, url: "https://contoso.sharepoint.com/x.docx" })).toEqual({ draftId: "17", reportId: "4", draftVersion: "3", site: "contoso.sharepoint.com/sites/nmirf" });
  expect(paneQueryOf({ properties: {}, url: "https://contoso.sharepoint.com/sites/nmirf/Drafts/a.docx" })).toEqual({ url: "https://contoso.sharepoint.com/sites/nmirf/Drafts/a.docx" });
  // Word gives a local file's path (C:\…) for a copy saved on the computer: no address we can look up.
  expect(paneQueryOf({ properties: {}, url: "C:\\Users\\chair\\Desktop\\draft.docx" })).toBeUndefined();
  expect(paneQueryOf({ properties: { "NMIRF.DraftId": "  " } })).toBeUndefined();
});
