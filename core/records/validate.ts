import type { z } from "zod";
import { ValidationError, type FieldIssue } from "../errors";

export function issuesOf(error: z.ZodError, prefix = ""): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
    message: issue.message,
  }));
}

/** Parses a value at a boundary: the result, or a ValidationError that names every failing field. */
export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, value: unknown, what: string, prefix = ""): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesOf(result.error, prefix);
  const detail = issues
    .slice(0, 5)
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join("; ");
  return raise(new ValidationError(`${what} is not valid: ${detail}`, issues));
}

function raise(error: Error): never {
  throw error;
}
