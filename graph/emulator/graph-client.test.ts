/**
 * The real @microsoft/microsoft-graph-client against the emulator (graph-contract.md 0): the
 * emulator's absolute URLs must be ones the client parses, its batch responses ones
 * BatchResponseContent reads, its upload sessions ones LargeFileUploadTask drives.
 */
import {
  AuthenticationHandler,
  BatchRequestContent,
  BatchResponseContent,
  Client,
  FileUpload,
  LargeFileUploadTask,
  PageIterator,
  RedirectHandler,
  RedirectHandlerOptions,
  ResponseType,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type Context,
  type Middleware,
} from "@microsoft/microsoft-graph-client";
import { Agent, fetch as undiciFetch } from "undici";
import { startGraphEmulator, type RunningGraphEmulator } from "./index";

/** The last middleware: undici's fetch with an Agent that trusts the emulator's certificate only. */
class UndiciFetchHandler implements Middleware {
  constructor(private readonly agent: Agent) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === "string" ? context.request : context.request.url;
    const response = await undiciFetch(url, { ...(context.options as object), dispatcher: this.agent });
    context.response = response as unknown as Response;
  }
}

let emulator: RunningGraphEmulator;
let agent: Agent;
let client: Client;

beforeAll(async () => {
  emulator = await startGraphEmulator();
  agent = new Agent({ connect: { ca: emulator.caCertificate } });
  const authProvider = { getAccessToken: async () => emulator.accessToken };
  const chain: Middleware[] = [
    new AuthenticationHandler(authProvider),
    new RetryHandler(new RetryHandlerOptions(0, 3)),
    new RedirectHandler(new RedirectHandlerOptions()),
    new TelemetryHandler(),
    new UndiciFetchHandler(agent),
  ];
  client = Client.initWithMiddleware({
    middleware: chain,
    baseUrl: `${emulator.origin}/`,
    defaultVersion: "v1.0",
    customHosts: new Set([emulator.host]),
  });
});

afterAll(async () => {
  await agent.close();
  await emulator.stop();
});

async function newList(title: string): Promise<string> {
  const site = emulator.createSite();
  const list = await client.api(`/sites/${site.id}/lists`).post({ displayName: title, columns: [{ name: "Key", text: {}, indexed: true }] });
  return `/sites/${site.id}/lists/${list.id}`;
}

describe("the Graph JS client against the emulator", () => {
  it("follows the emulator's nextLinks with PageIterator across 3 pages", async () => {
    const base = await newList("Paged");
    for (let i = 1; i <= 7; i++) await client.api(`${base}/items`).post({ fields: { Title: `t${i}`, Key: `K-${i}` } });
    emulator.resetCounters();
    const first = await client.api(`${base}/items`).expand("fields($select=Key)").filter("startswith(fields/Key,'K-')").top(3).get();
    const keys: string[] = [];
    const iterator = new PageIterator(client, first, (item: { fields: { Key: string } }) => {
      keys.push(item.fields.Key);
      return true;
    });
    await iterator.iterate();
    expect(keys).toEqual(["K-1", "K-2", "K-3", "K-4", "K-5", "K-6", "K-7"]);
    expect(emulator.counters().byKind["list-items.list"]).toBe(3);
  });

  it("round-trips a $batch built with BatchRequestContent and read with BatchResponseContent", async () => {
    const base = await newList("Batched");
    const steps = ["1", "2", "3"].map((id) => ({
      id,
      request: new Request(`${emulator.baseUrl}${base}/items`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ fields: { Title: `t${id}`, Key: `K-${id}` } }),
      }),
    }));
    const batch = new BatchRequestContent(steps);
    batch.addDependency("2", "1");
    batch.addDependency("3", "2");
    const raw = await client.api("/$batch").post(await batch.getContent());
    const responses = new BatchResponseContent(raw);
    const created = responses.getResponseById("3");
    expect(created.status).toBe(201);
    const body = (await created.json()) as { fields: { Key: string } };
    expect(body.fields.Key).toBe("K-3");
    const all = await client.api(`${base}/items`).expand("fields").get();
    expect(all.value).toHaveLength(3);
  });

  it("surfaces a refusal as a GraphError with Graph's code and status", async () => {
    const base = await newList("Refusals");
    await expect(client.api(`${base}/items`).filter("fields/Title eq 'x'").get()).rejects.toMatchObject({
      statusCode: 400,
      code: "invalidRequest",
    });
  });

  it("retries an injected 429 with the RetryHandler and succeeds", async () => {
    const base = await newList("Retried");
    emulator.setFaults({ script: [{ status: 429, retryAfterSeconds: 0, kind: "list-items.create" }] });
    const created = await client.api(`${base}/items`).post({ fields: { Title: "t", Key: "K-1" } });
    expect(created.id).toBe("1");
    expect(emulator.counters().throttled).toBeGreaterThanOrEqual(1);
    emulator.setFaults({});
  });

  it("uploads a file through an upload session with LargeFileUploadTask", async () => {
    const site = emulator.createSite();
    const library = await client.api(`/sites/${site.id}/lists`).post({ displayName: "Drafts", list: { template: "documentLibrary" } });
    const drive = await client.api(`/sites/${site.id}/lists/${library.id}/drive`).get();
    const content = Buffer.alloc(320 * 1024 * 2 + 123, 7);
    const session = await LargeFileUploadTask.createUploadSession(client, `/drives/${drive.id}/root:/Drafts/Report.docx:/createUploadSession`, {
      item: { "@microsoft.graph.conflictBehavior": "replace" },
    });
    const task = new LargeFileUploadTask(client, new FileUpload(content, "Report.docx", content.length), session, { rangeSize: 320 * 1024 });
    const result = await task.upload();
    const item = result.responseBody as { id: string; size: number; name: string };
    expect(item).toMatchObject({ name: "Report.docx", size: content.length });
    const stored = await client.api(`/drives/${drive.id}/items/${item.id}`).get();
    expect(stored.size).toBe(content.length);
    // GET …/content answers 302; the client's RedirectHandler follows it to the download URL.
    const downloaded = (await client.api(`/drives/${drive.id}/items/${item.id}/content`).responseType(ResponseType.ARRAYBUFFER).get()) as ArrayBuffer;
    expect(Buffer.from(downloaded).equals(content)).toBe(true);
  });
});
