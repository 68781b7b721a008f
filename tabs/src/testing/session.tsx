/** Renders a component inside a signed-in tab with a fake API, as a given kind of person. */
import { FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import type { MeDto, MinistryWithFocalPointsDto, RecommendationDto } from "../../../core/api";
import type { Api } from "../api/client";
import type { ResponseOf, RouteId } from "../api/routes";
import { browserHost } from "../host/host";
import { I18nProvider } from "../i18n/i18n";
import { actorOf, SessionProvider, type Session } from "../shell/session";

export type Handlers = { [K in RouteId]?: (input: { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown }) => ResponseOf<K> | Promise<ResponseOf<K>> };

/** An Api answering from handlers; a call without one fails the test loudly. */
export function fakeApi(handlers: Handlers): Api & { calls: { id: RouteId; input: unknown }[] } {
  const calls: { id: RouteId; input: unknown }[] = [];
  return {
    calls,
    async call(id, input = {}) {
      calls.push({ id, input });
      const handler = handlers[id] as ((i: unknown) => unknown) | undefined;
      if (!handler) throw new Error(`no fake for ${id}`);
      return (await handler(input)) as never;
    },
  };
}

const NO = { read: true, readAudit: false, editLists: false, import: false, createRequests: false, compileDrafts: false, sendForApproval: false, decideDrafts: false, administer: false, answerRequests: false, readAnswers: false, downloadPdf: false, readDataQuality: false, fixData: false };

export const ME = {
  secretariat: { userId: "u-sec", displayName: "Maja Novak", roles: ["Secretariat"], ministries: [], can: { ...NO, readAudit: true, editLists: true, import: true, createRequests: true, compileDrafts: true, sendForApproval: true, readAnswers: true, readDataQuality: true, fixData: true } },
  chair: { userId: "u-chair", displayName: "Irena Kralj", roles: ["Chair"], ministries: [], can: { ...NO, readAudit: true, decideDrafts: true, readAnswers: true, readDataQuality: true } },
  focalPoint: { userId: "u-fp", displayName: "Petra Kovač", roles: [], ministries: [{ id: "m1", name: "Ministry of Justice", role: "technical" }], can: { ...NO, answerRequests: true, readAnswers: true } },
  observer: { userId: "u-obs", displayName: "Ana Zupan", roles: ["Observer"], ministries: [], can: NO },
} satisfies Record<string, MeDto>;

export const MINISTRIES: MinistryWithFocalPointsDto[] = [
  { id: "m1", eTag: "e", name: "Ministry of Justice", acronym: "MoJ", active: true, focalPoints: { technical: [], senior: [] } },
  { id: "m2", eTag: "e", name: "Ministry of Health", acronym: "MoH", active: true, focalPoints: { technical: [], senior: [] } },
];

export function renderSignedIn(ui: ReactElement, options: { me: MeDto; api: Api; locale?: string }) {
  const session: Session = {
    api: options.api,
    me: options.me,
    actor: actorOf(options.me),
    config: { mode: "local", version: "test", timeZone: "UTC", signIn: { kind: "local", personasUrl: "/local-auth/personas", tokenUrl: "/local-auth/token" } },
    host: browserHost(window),
    ministries: new Map(MINISTRIES.map((m) => [m.id, m])),
    reloadMinistries: () => undefined,
  };
  return render(
    <I18nProvider locale={options.locale ?? "en"}>
      <FluentProvider theme={teamsLightTheme}>
        <SessionProvider value={session}>{ui}</SessionProvider>
      </FluentProvider>
    </I18nProvider>,
  );
}

/** jsdom has no layout: give the virtualized grid a size and a ResizeObserver. */
export function stubLayout(): void {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;
  for (const [name, value] of [["offsetHeight", 640], ["offsetWidth", 1000], ["clientHeight", 640], ["clientWidth", 1000]] as const) {
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value });
  }
  HTMLElement.prototype.scrollTo ??= function scrollTo() {};
  Element.prototype.scrollIntoView ??= function scrollIntoView() {};
}

export function recommendation(n: number, fields: Partial<RecommendationDto> = {}): RecommendationDto {
  return {
    id: String(n),
    eTag: `e${n}`,
    key: `A/HRC/43/15#148.${n}`,
    text: `Recommendation number ${n} about ${n % 2 ? "the Ombudsman" : "education"}`,
    mechanism: "UPR",
    documentSymbol: "A/HRC/43/15",
    paragraph: `148.${n}`,
    cycle: 3,
    recommendingStates: ["Portugal"],
    position: "supported",
    themes: [n % 2 ? "National human rights institution" : "Right to education"],
    affectedGroups: [],
    sdgGoals: [n % 2 ? 16 : 4],
    sdgTargets: [],
    leadMinistryId: n % 3 === 0 ? undefined : n % 2 ? "m1" : "m2",
    supportingMinistryIds: [],
    status: "not-assessed",
    statusHistory: [],
    sharedWithObservers: false,
    ...fields,
  };
}
