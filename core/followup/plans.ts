/**
 * The national plans an action carries out (the human rights action plan, the development plan):
 * the secretariat records a plan with its chapters and items, so that an action is linked to an
 * item of the plan rather than to free text, and the Actions view shows the actions by plan.
 */
import { z } from "zod";
import { authorize, type Actor } from "../auth/policy";
import { audit } from "../audit/audit";
import { ConflictError, ValidationError } from "../errors";
import { findOne, queryAll } from "../ports/repository";
import type { UseCaseDeps } from "../ports/use-case-deps";
import { calendarDateSchema, LIMITS, nonEmptyShortTextSchema, textSchema, type Stored } from "../records/common";
import { parseOrThrow } from "../records/validate";
import { planChapterSchema, planCodeSchema, planFieldsSchema, planItemKey, PLAN_KINDS, type PlanFields, type PlanItemFields } from "./plan";

type Deps = Pick<UseCaseDeps, "repos" | "clock">;

export const recordPlanInputSchema = z.strictObject({
  key: nonEmptyShortTextSchema,
  kind: z.enum(PLAN_KINDS),
  title: nonEmptyShortTextSchema,
  startDate: calendarDateSchema,
  endDate: calendarDateSchema,
  chapters: z.array(planChapterSchema.strict()).max(200).default([]),
  webUrl: z.url({ protocol: /^https?$/, error: "a web address (https://…)" }).optional(),
  /** The plan's items (objectives, measures), each in one of its chapters. */
  items: z
    .array(z.strictObject({ chapterCode: planCodeSchema, code: planCodeSchema, text: textSchema(LIMITS.recommendationText).pipe(z.string().trim().min(1, "required")) }))
    .max(1000)
    .default([]),
});
export type RecordPlanInput = z.input<typeof recordPlanInputSchema>;

export type PlanWithItems = Stored<PlanFields> & { items: Stored<PlanItemFields>[] };

const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code, undefined, { numeric: true });

/**
 * The secretariat records a plan with its chapters and items. Its short name (`NHRAP 2024-2028`)
 * names one plan: recording it again is refused. An item in no chapter of the plan, or two items
 * with the same number, are refused before anything is written.
 */
export async function recordPlan(deps: Deps, input: RecordPlanInput, actor: Actor): Promise<PlanWithItems> {
  authorize(actor, { kind: "edit-lists" });
  const { items, ...planInput } = parseOrThrow(recordPlanInputSchema, input, "The plan");
  const fields = parseOrThrow(planFieldsSchema, planInput, "The plan");
  const chapters = new Set(fields.chapters.map((c) => c.code));
  const issues = items.flatMap((item, index) => (chapters.has(item.chapterCode) ? [] : [{ path: `items.${index}.chapterCode`, message: `no chapter ${item.chapterCode} in the plan` }]));
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.code)) issues.push({ path: `items.${index}.code`, message: `item ${item.code} is listed twice` });
    seen.add(item.code);
  });
  if (issues.length) throw new ValidationError("The plan's items are not valid", issues);
  // The same plan recorded again (a write cut off part way) completes its items; another plan of
  // the same name is refused.
  const existing = await findOne(deps.repos.plans, "key", fields.key);
  if (existing && !samePlan(existing, fields)) throw new ConflictError(`A plan named ${fields.key} is already recorded`, "plans", fields.key);
  const plan = existing ?? (await deps.repos.plans.create(fields));
  const stored = existing ? await queryAll(deps.repos.planItems, { where: [{ field: "planId", op: "eq", value: plan.id }] }) : [];
  const storedCodes = new Set(stored.map((item) => item.code));
  const created = await deps.repos.planItems.createMany(items.filter((item) => !storedCodes.has(item.code)).map((item) => ({ ...item, key: planItemKey(plan.id, item.code), planId: plan.id })));
  const failed = created.find((result) => !result.ok);
  if (failed && !failed.ok) throw failed.error;
  if (!existing || created.length) await audit(deps, actor, { action: "plan.recorded", entity: "plans", entityId: plan.id, summary: `Plan "${plan.title}" (${plan.key}) with ${items.length} item(s)` });
  return { ...plan, items: [...stored, ...created.flatMap((result) => (result.ok ? [result.record] : []))].sort(byCode) };
}

function samePlan(stored: PlanFields, fields: PlanFields): boolean {
  return stored.kind === fields.kind && stored.title === fields.title && stored.startDate === fields.startDate && stored.endDate === fields.endDate && JSON.stringify(stored.chapters) === JSON.stringify(fields.chapters) && stored.webUrl === fields.webUrl;
}

/** Every plan with its items, the latest starting first; everyone with a role reads them (a plan is public). */
export async function listPlans(deps: Deps, actor: Actor): Promise<PlanWithItems[]> {
  authorize(actor, { kind: "read" });
  const [plans, items] = await Promise.all([queryAll(deps.repos.plans), queryAll(deps.repos.planItems)]);
  const itemsOf = new Map<string, Stored<PlanItemFields>[]>();
  for (const item of items) itemsOf.set(item.planId, [...(itemsOf.get(item.planId) ?? []), item]);
  return plans.sort((a, b) => b.startDate.localeCompare(a.startDate) || a.key.localeCompare(b.key)).map((plan) => ({ ...plan, items: (itemsOf.get(plan.id) ?? []).sort(byCode) }));
}
