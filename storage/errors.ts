import { RestError } from "@azure/storage-blob";

export function statusOf(error: unknown): number | undefined {
  return error instanceof RestError ? error.statusCode : undefined;
}

export function codeOf(error: unknown): string | undefined {
  return error instanceof RestError ? error.code : undefined;
}
