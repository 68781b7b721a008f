/** Runs axe-core in the page and returns the serious and critical violations, in words. */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Run in the page (as a string: tests are type-checked without the DOM library). */
const RUN_AXE = `(async () => {
  // Tabster's focus sentinels (<i tabindex="0" aria-hidden="true" data-tabster-dummy>) move focus on at once: never a stop for anyone.
  const result = await window.axe.run({ exclude: [["[data-tabster-dummy]"]] }, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact || "", help: v.help, targets: v.nodes.slice(0, 5).map((n) => String(n.target)) }));
})()`;

export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(`"axe" in window`))) await page.addScriptTag({ content: AXE_SOURCE });
  return (await page.evaluate(RUN_AXE)) as AxeFinding[];
}
