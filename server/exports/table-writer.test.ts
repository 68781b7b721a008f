import { PassThrough } from "node:stream";
import { writeCsv } from "./table-writer";

async function csvOf(rows: (string | number | undefined)[][]): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeCsv({ sheet: "x", columns: [{ heading: "A" }, { heading: "B" }], rows }, out);
  return Buffer.concat(chunks).toString("utf8");
}

describe("CSV exports", () => {
  it("quote what needs quoting and keep every script", async () => {
    expect(await csvOf([["Equality, non-discrimination", 'the "Roma" people'], ["حقوق الطفل", 3]])).toBe('\uFEFFA,B\r\n"Equality, non-discrimination","the ""Roma"" people"\r\nحقوق الطفل,3\r\n');
  });

  it("write what a person typed like a formula as text, so that opening the file runs nothing", async () => {
    expect(await csvOf([["=HYPERLINK(\"http://evil\")", "@SUM(A1)"], ["+1", undefined]])).toBe('\uFEFFA,B\r\n"\'=HYPERLINK(""http://evil"")",\'@SUM(A1)\r\n\'+1,\r\n');
  });
});
