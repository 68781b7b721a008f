/**
 * `npm run bench -- word-pane`: what the chair waits for when the Review draft pane opens in Word,
 * GET /api/word/pane on the demo's UPR draft (one round of review done), against the real server
 * in local mode (Graph emulator in memory). The baseline, measured in the same run, is what the
 * tab's Drafts view reads for the same draft (GET /api/reports/{id}/drafts, then
 * GET /api/drafts/{id}); the pane's read also looks up the file's versions, the requests still
 * unanswered, the contributions and the ministries. Medians of 30 alternating calls.
 */
import { queryAll } from "../core/ports/repository";
import { UPR_REPORT_TITLE } from "../demo/seed";
import { localTestConfig } from "../server/config/config";
import { startServer } from "../server/main";
import { median, result, timed, type Benchmark } from "./harness";

const ROUNDS = 30;

export const benchmarks: Benchmark[] = [
  {
    name: "word-pane",
    async run() {
      const base = localTestConfig();
      const server = await startServer({ ...base, seedDemo: true, limits: { ...base.limits, ratePerMinute: 100_000, rateBurst: 10_000 } }, { background: false });
      try {
        const token = async (persona: string) => ((await (await fetch(`${server.url}/local-auth/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ persona }) })).json()) as { accessToken: string }).accessToken;
        const personas = ((await (await fetch(`${server.url}/local-auth/personas`)).json()) as { items: { id: string; roles: string[] }[] }).items;
        const chair = await token(personas.find((p) => p.roles.includes("Chair"))!.id);
        const secretariat = await token(personas.find((p) => p.roles.includes("Secretariat"))!.id);
        const upr = (await queryAll(server.repos.reports)).find((r) => r.title === UPR_REPORT_TITLE)!.id;
        const call = async (path: string, bearer: string, init: RequestInit = {}) => {
          const response = await fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json", ...init.headers } });
          if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
          return response.json() as Promise<Record<string, unknown>>;
        };
        const compiled = (await call(`/api/reports/${upr}/drafts`, secretariat, { method: "POST", body: "{}" })) as { draft: { id: string; eTag: string; version: number } };
        const draft = compiled.draft;
        const sent = (await call(`/api/drafts/${draft.id}/send-for-approval`, secretariat, { method: "POST", body: JSON.stringify({ eTag: draft.eTag }) })) as { review: { id: string } };
        await call(`/api/reviews/${sent.review.id}/decision`, chair, { method: "POST", body: JSON.stringify({ decision: "returned", comment: "Shorten section II" }) });

        const pane: number[] = [];
        const tab: number[] = [];
        for (let i = 0; i < ROUNDS; i++) {
          pane.push((await timed(() => call(`/api/word/pane?draftId=${draft.id}&reportId=${upr}&draftVersion=${draft.version}`, chair))).ms);
          tab.push((await timed(async () => [await call(`/api/reports/${upr}/drafts`, chair), await call(`/api/drafts/${draft.id}`, chair)])).ms);
        }
        return [result("word-pane.read", median(pane), "ms", { ideal: median(tab), baseline: "the tab's Drafts view reads of the same draft (list, then the draft with its reviews)", rounds: ROUNDS, best: Math.min(...pane) })];
      } finally {
        await server.stop();
      }
    },
  },
];
