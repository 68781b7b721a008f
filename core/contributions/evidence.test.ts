import { ForbiddenError, InvalidStateError } from "../errors";
import { buildWorld } from "../testing/world";
import { changeRequest } from "../requests/change-request";
import { createRequests } from "../requests/create-requests";
import { checkEvidence, EvidenceRefusedError, storeEvidence } from "./evidence";

const pdf = new TextEncoder().encode("%PDF-1.7\n%%EOF\n");
const problem = (file: { name: string; content: Uint8Array }) => {
  try {
    checkEvidence(file);
    return "accepted";
  } catch (error) {
    return error instanceof EvidenceRefusedError ? error.problem : String(error);
  }
};

describe("the evidence policy", () => {
  it("accepts office documents, PDFs, data and images whose first bytes are their type", () => {
    expect(checkEvidence({ name: "Budget 2025.pdf", content: pdf })).toMatchObject({ name: "Budget 2025.pdf", type: { contentType: "application/pdf" } });
    expect(checkEvidence({ name: "notes", content: new TextEncoder().encode("plain"), declaredExtension: "txt" }).name).toBe("notes.txt");
    expect(checkEvidence({ name: 'a:b*c?.pdf', content: pdf }).name).toBe("a_b_c_.pdf");
  });

  it("refuses programs, web pages, SVG and what is not its type", () => {
    expect(problem({ name: "setup.exe", content: new Uint8Array([0x4d, 0x5a]) })).toBe("type");
    expect(problem({ name: "page.html", content: new TextEncoder().encode("<html>") })).toBe("type");
    expect(problem({ name: "logo.svg", content: new TextEncoder().encode("<svg/>") })).toBe("type");
    expect(problem({ name: "report.pdf.exe", content: pdf })).toBe("type");
    expect(problem({ name: "fake.pdf", content: new TextEncoder().encode("MZ") })).toBe("content");
    expect(problem({ name: "empty.pdf", content: new Uint8Array() })).toBe("content");
  });

  it("refuses names with a control character, a direction override or a folder", () => {
    for (const name of ["a\u0000b.pdf", "tab\there.pdf", "invoice\u202Efdp.exe.pdf", "x\u2067.pdf", "../x.pdf", "a/b.pdf", "a\\b.pdf"]) expect({ name, problem: problem({ name, content: pdf }) }).toEqual({ name, problem: "name" });
  });

  it("keeps a file only for an active focal point of the request's ministry, while the request is open", async () => {
    const world = await buildWorld();
    const report = await world.addReport();
    const recommendation = await world.addRecommendation();
    const { created: requests } = await createRequests(world.deps, { reportId: report.id, subjects: [{ kind: "recommendation", recommendationId: recommendation.id }], ask: "What was done?", dueDate: "2026-03-30" }, world.secretariat);
    const [justice, education] = world.ministries;
    const input = { requestId: requests[0]!.id, fileName: "a.pdf", content: pdf };
    await expect(storeEvidence(world.deps, input, world.focalPoints[education!.id]!.technical)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(storeEvidence(world.deps, input, world.observer)).rejects.toBeInstanceOf(ForbiddenError);
    const stored = await storeEvidence(world.deps, input, world.focalPoints[justice!.id]!.technical);
    expect(stored).toMatchObject({ name: "a.pdf", contentType: "application/pdf" });
    await changeRequest(world.deps, { requestId: requests[0]!.id, change: { action: "close" } }, world.secretariat);
    await expect(storeEvidence(world.deps, input, world.focalPoints[justice!.id]!.technical)).rejects.toBeInstanceOf(InvalidStateError);
  });
});
