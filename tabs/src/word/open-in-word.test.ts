import { openInWordHref } from "./open-in-word";

test("Open in Word is the file in SharePoint in a tenant, and local mode's stand-in for Word locally (never a dead SharePoint host)", () => {
  const draft = { id: "17", webUrl: "https://contoso.sharepoint.com/sites/nmirf/_layouts/15/Doc.aspx?sourcedoc=x" };
  expect(openInWordHref("tenant", draft)).toBe(draft.webUrl);
  expect(openInWordHref("local", draft)).toBe("/word/local.html?draftId=17");
  expect(openInWordHref("local", draft, "chair")).toBe("/word/local.html?draftId=17&persona=chair");
});
