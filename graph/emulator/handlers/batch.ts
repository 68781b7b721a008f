/**
 * POST /$batch (graph-contract.md 6.1–6.6): at most 20 requests with unique ids; `dependsOn`
 * orders them and a failed dependency makes its dependents 424; every inner request is routed,
 * counted, throttled and charged on its own, and answered with its own status, headers and body.
 * Inner JSON responses carry the exact header key `Content-Type` the JS client's
 * BatchResponseContent reads (6.6).
 */
import { invalidRequest } from "../errors";
import { jsonObject, jsonResponse, type EmulatorRequest, type EmulatorResponse } from "../http";
import { parseQueryString } from "../odata/query-options";

export const MAX_BATCH_REQUESTS = 20;

interface InnerSpec {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn: string[];
}

function parseSpecs(request: EmulatorRequest): InnerSpec[] {
  const payload = jsonObject(request);
  const requests = payload.requests;
  if (!Array.isArray(requests)) throw invalidRequest("Invalid batch payload format: 'requests' must be an array.");
  if (requests.length === 0) throw invalidRequest("Invalid batch payload format: the batch has no requests.");
  if (requests.length > MAX_BATCH_REQUESTS) {
    throw invalidRequest(`The number of requests in a batch (${requests.length}) exceeds the maximum of ${MAX_BATCH_REQUESTS}.`);
  }
  const seen = new Set<string>();
  const specs = requests.map((raw: unknown, index) => {
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw invalidRequest(`Batch request ${index + 1} is not an object.`);
    const r = raw as Record<string, unknown>;
    if ((typeof r.id !== "string" && typeof r.id !== "number") || String(r.id) === "") throw invalidRequest(`Batch request ${index + 1} has no 'id'.`);
    if (typeof r.method !== "string" || r.method === "") throw invalidRequest(`Batch request '${String(r.id)}' has no 'method'.`);
    if (typeof r.url !== "string" || r.url === "") throw invalidRequest(`Batch request '${String(r.id)}' has no 'url'.`);
    const id = String(r.id);
    if (seen.has(id.toLowerCase())) throw invalidRequest(`The batch contains more than one request with the id '${id}'.`);
    seen.add(id.toLowerCase());
    const headers: Record<string, string> = {};
    if (r.headers !== undefined && r.headers !== null) {
      if (typeof r.headers !== "object" || Array.isArray(r.headers)) throw invalidRequest(`The headers of batch request '${id}' must be an object.`);
      for (const [key, value] of Object.entries(r.headers as Record<string, unknown>)) headers[key.toLowerCase()] = String(value);
    }
    const dependsOn = r.dependsOn === undefined || r.dependsOn === null ? [] : r.dependsOn;
    if (!Array.isArray(dependsOn)) throw invalidRequest(`'dependsOn' of batch request '${id}' must be an array of ids.`);
    const spec: InnerSpec = { id, method: r.method.toUpperCase(), url: r.url, headers, dependsOn: dependsOn.map(String) };
    if (r.body !== undefined && r.body !== null) spec.body = r.body;
    return spec;
  });
  const ids = new Map(specs.map((s) => [s.id.toLowerCase(), s]));
  for (const spec of specs) {
    for (const dependency of spec.dependsOn) {
      if (!ids.has(dependency.toLowerCase())) throw invalidRequest(`Batch request '${spec.id}' depends on '${dependency}', which is not in the batch.`);
    }
  }
  return specs;
}

function innerBody(spec: InnerSpec): Buffer | { error: string } {
  if (spec.body === undefined) return Buffer.alloc(0);
  const contentType = spec.headers["content-type"];
  if (contentType === undefined) return { error: "A request with a body needs a Content-Type header." };
  if (contentType.split(";")[0]!.trim().toLowerCase() === "application/json") {
    return Buffer.from(typeof spec.body === "string" ? spec.body : JSON.stringify(spec.body));
  }
  if (typeof spec.body !== "string") return { error: "A body that is not JSON must be base64 encoded." };
  return Buffer.from(spec.body, "base64");
}

export interface InnerRunner {
  /** Routes, admits (faults, RU) and serves one inner request; never throws. */
  (request: EmulatorRequest): EmulatorResponse;
  /** An error response for a request that could not even be routed. */
  error(request: EmulatorRequest, status: number, code: string, message: string): EmulatorResponse;
}

function innerRequest(outer: EmulatorRequest, spec: InnerSpec, body: Buffer): EmulatorRequest {
  // The JS client 3.0.7 strips only scheme and host from absolute Request URLs, so its inner
  // urls start with /v1.0/ (BatchRequestContent.getContent); they are read as relative ones.
  const url = spec.url.replace(/^\//, "").replace(/^v1\.0\//, "");
  const question = url.indexOf("?");
  return {
    method: spec.method,
    path: question === -1 ? url : url.slice(0, question),
    query: parseQueryString(question === -1 ? "" : url.slice(question + 1)),
    headers: spec.headers,
    body,
    inner: true,
    requestId: outer.requestId,
    clientRequestId: spec.headers["client-request-id"] ?? outer.clientRequestId,
  };
}

function toBatchResponse(id: string, response: EmulatorResponse): Record<string, unknown> {
  const out: Record<string, unknown> = { id, status: response.status, headers: { ...response.headers } };
  if (response.json !== undefined) out.body = response.json;
  else if (response.bytes !== undefined && response.bytes.length > 0) out.body = response.bytes.toString("base64");
  return out;
}

export function handleBatch(request: EmulatorRequest, run: InnerRunner): EmulatorResponse {
  if (request.method !== "POST") throw invalidRequest("$batch takes POST only.");
  const specs = parseSpecs(request);
  const statuses = new Map<string, number>();
  const responses: Record<string, unknown>[] = [];
  const pending = [...specs];
  while (pending.length > 0) {
    const index = pending.findIndex((spec) => spec.dependsOn.every((d) => statuses.has(d.toLowerCase())));
    if (index === -1) throw invalidRequest("The dependsOn of the batch requests form a cycle.");
    const spec = pending.splice(index, 1)[0]!;
    const body = innerBody(spec);
    const inner = innerRequest(request, spec, Buffer.isBuffer(body) ? body : Buffer.alloc(0));
    let response: EmulatorResponse;
    const failed = spec.dependsOn.find((d) => (statuses.get(d.toLowerCase()) ?? 0) >= 400);
    if (failed !== undefined) {
      response = run.error(inner, 424, "failedDependency", `The request depends on request '${failed}', which failed.`);
    } else if (!Buffer.isBuffer(body)) {
      response = run.error(inner, 400, "invalidRequest", body.error);
    } else if (inner.path === "$batch") {
      response = run.error(inner, 400, "invalidRequest", "A batch cannot contain another batch.");
    } else {
      response = run(inner);
    }
    statuses.set(spec.id.toLowerCase(), response.status);
    responses.push(toBatchResponse(spec.id, response));
  }
  return jsonResponse(200, { responses });
}
