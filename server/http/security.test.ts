import { FRAME_ANCESTORS, frameAncestors } from "./security";

describe("who may frame the tab", () => {
  it("adds the tenant's own SharePoint host, and no other, when there is one", () => {
    expect(frameAncestors({})).toEqual([...FRAME_ANCESTORS]);
    expect(frameAncestors({ sharePointHost: "gov.sharepoint.com" })).toEqual([...FRAME_ANCESTORS, "https://gov.sharepoint.com"]);
  });
});
