/** /api/openapi.json, generated from the zod schemas of core/api (zod 4's JSON Schema output). */
import { z } from "zod";
import { apiErrorSchema } from "../../core/api/common";
import { API_ROUTES, isBinaryBody, isBinaryResponse, type ApiRoute } from "../../core/api/routes";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const generated = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  delete generated.$schema;
  return generated;
}

function parametersOf(schema: z.ZodType | undefined, location: "path" | "query"): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" || (object.required ?? []).includes(name),
    schema: property,
    ...(typeof property.description === "string" ? { description: property.description } : {}),
  }));
}

const ERROR_RESPONSES: Record<string, string> = {
  "400": "The request is not valid: `error.issues` names each failing field",
  "401": "No valid bearer token",
  "403": "The policy refuses: `error.message` says why",
  "404": "No such record",
  "409": "A conflict (a unique key taken) or a state that refuses the action",
  "412": "The eTag sent is stale: `error.current` holds the record as it is now",
  "413": "The body is larger than the route accepts",
  "429": "Too many calls: wait Retry-After seconds",
  "503": "SharePoint or Microsoft Graph is busy or unreachable: try again after Retry-After",
};

function operationOf(route: ApiRoute, errorRef: JsonSchema): JsonSchema {
  const success = String(route.status ?? 200);
  const response = isBinaryResponse(route.response)
    ? { description: "The file", content: { [route.response.contentType]: { schema: { type: "string", format: "binary" } } } }
    : { description: "Success", content: { "application/json": { schema: jsonSchema(route.response as z.ZodType, "output") } } };
  const errors = Object.fromEntries(
    Object.entries(ERROR_RESPONSES)
      .filter(([status]) => route.auth === "user" || !["401", "403", "412"].includes(status))
      .map(([status, description]) => [status, { description, content: { "application/json": { schema: errorRef } } }]),
  );
  let requestBody: JsonSchema | undefined;
  if (route.body && isBinaryBody(route.body)) {
    requestBody = { required: true, description: route.body.description, content: Object.fromEntries(route.body.contentTypes.map((type) => [type, { schema: { type: "string", format: "binary" } }])) };
  } else if (route.body) {
    requestBody = { required: true, content: { "application/json": { schema: jsonSchema(route.body as z.ZodType, "input") } } };
  }
  return {
    operationId: route.id,
    summary: route.summary,
    description: `Who may call it: ${route.who}.`,
    tags: [route.tag],
    ...(route.auth === "user" ? {} : { security: [] }),
    parameters: [...parametersOf(route.params as z.ZodType | undefined, "path"), ...parametersOf(route.query as z.ZodType | undefined, "query")],
    ...(requestBody ? { requestBody } : {}),
    responses: { [success]: response, ...errors },
  };
}

export function openApiDocument(options: { version: string; serverUrl?: string; includeLocalSignIn: boolean }): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const errorRef = { $ref: "#/components/schemas/Error" };
  for (const route of Object.values(API_ROUTES) as ApiRoute[]) {
    if (route.auth === "local" && !options.includeLocalSignIn) continue;
    (paths[route.path] ??= {})[route.method] = operationOf(route, errorRef);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "NMIRF add-in API",
      version: options.version,
      description: "The HTTP API the NMIRF tab uses. Send `Authorization: Bearer <token>` (Teams SSO, or the local sign-in in local mode). See docs/api.md.",
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    components: {
      schemas: { Error: jsonSchema(apiErrorSchema, "output") },
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
