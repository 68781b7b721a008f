/**
 * Graph's error envelope (graph-contract.md 7.1):
 * `{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}`,
 * `date` without fractions or zone. A more specific inner code (7.3), when there is one,
 * goes in `innerError.code`.
 */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { innerCode?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "GraphHttpError";
  }
}

export function notFound(message = "The resource could not be found."): GraphHttpError {
  return new GraphHttpError(404, "itemNotFound", message);
}

export function invalidRequest(message: string, innerCode?: string): GraphHttpError {
  return new GraphHttpError(400, "invalidRequest", message, innerCode ? { innerCode } : {});
}

export function errorDate(now: number): string {
  return new Date(now).toISOString().slice(0, 19);
}

export function errorEnvelope(
  error: { code: string; message: string; innerCode?: string },
  ids: { requestId: string; clientRequestId: string },
  now: number,
): { error: Record<string, unknown> } {
  const innerError: Record<string, string> = {};
  if (error.innerCode) innerError.code = error.innerCode;
  innerError.date = errorDate(now);
  innerError["request-id"] = ids.requestId;
  innerError["client-request-id"] = ids.clientRequestId;
  return { error: { code: error.code, message: error.message, innerError } };
}
