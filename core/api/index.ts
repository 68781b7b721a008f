/** The HTTP API's shapes, shared by the server (validation, OpenAPI) and the tab (typed calls). */
export * from "./common";
export * from "./recommendations";
export * from "./lists";
export * from "./requests";
export * from "./drafts";
export * from "./imports";
export * from "./overview";
export * from "./exports";
export * from "./word";
export * from "./visits";
export { API_ROUTES, isBinaryBody, isBinaryResponse, pathOf, type ApiRoute, type ApiRoutes, type BinaryBody, type BinaryResponse, type HttpMethod, type RouteId } from "./routes";
