/**
 * The bot as the server will run it: createBot on the real CloudAdapter, mounted at
 * /api/messages on a loopback express server, over a small mechanism seeded through the
 * repository ports (so any Repositories implementation works).
 */
import express from "express";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Actor } from "../../../core/auth/policy";
import { FakeClock, StaticDirectory } from "../../../core/in-memory/fakes";
import type { AppInstaller, InstallOutcome } from "../../../core/ports/app-installer";
import type { AppRole } from "../../../core/ports/directory";
import type { Stored } from "../../../core/records/common";
import type { MinistryFields } from "../../../core/ministries/ministry";
import { recommendationKey } from "../../../core/recommendations/recommendation";
import { createBot, type Bot } from "../../../bot/create-bot";
import type { BotLogger } from "../../../bot/logger";
import { createE2eBackend, type E2eBackend } from "./backend";

export interface Person {
  id: string;
  displayName: string;
  email: string;
  roles: AppRole[];
}

export const PEOPLE: Person[] = [
  { id: "sec-1", displayName: "Sara Secretariat", email: "sara@gov.example", roles: ["Secretariat"] },
  { id: "chair-1", displayName: "Carla Chair", email: "carla@gov.example", roles: ["Chair"] },
  { id: "fp-1-technical", displayName: "Tess Justice", email: "tess@gov.example", roles: [] },
  { id: "fp-1-senior", displayName: "Sam Justice", email: "sam@gov.example", roles: [] },
  { id: "fp-2-technical", displayName: "Tom Education", email: "tom@gov.example", roles: [] },
  { id: "fp-2-senior", displayName: "Sue Education", email: "sue@gov.example", roles: [] },
];

export class RecordingInstaller implements AppInstaller {
  readonly calls: string[] = [];
  /** Everyone has the app except those the test says; nobody else can be reached. */
  constructor(private readonly reachable: Set<string>) {}
  async installForUser(userId: string): Promise<InstallOutcome> {
    this.calls.push(userId);
    return this.reachable.has(userId) ? "already-installed" : "impossible";
  }
}

export interface BotServer {
  url: string;
  endpoint: string;
  bot: Bot;
  backend: E2eBackend;
  clock: FakeClock;
  ministries: Stored<MinistryFields>[];
  actors: Record<string, Actor>;
  installer: RecordingInstaller;
  directory: StaticDirectory;
  logs: { level: string; message: string; data: object }[];
  addRecommendation(ministryId: string, paragraph: string): Promise<string>;
  close(): Promise<void>;
}

export async function startBotServer(options: { reachable?: string[] } = {}): Promise<BotServer> {
  const clock = new FakeClock("2026-03-02T09:00:00.000Z");
  const backend = await createE2eBackend(clock);
  const { repos } = backend;
  const justice = await repos.ministries.create({ name: "Ministry of Justice" });
  const education = await repos.ministries.create({ name: "Ministry of Education" });
  const nominations: [string, string, "technical" | "senior"][] = [
    ["fp-1-technical", justice.id, "technical"],
    ["fp-1-senior", justice.id, "senior"],
    ["fp-2-technical", education.id, "technical"],
    ["fp-2-senior", education.id, "senior"],
  ];
  for (const [userId, ministryId, role] of nominations) {
    const person = PEOPLE.find((p) => p.id === userId)!;
    await repos.focalPoints.create({ ministryId, role, userId, displayName: person.displayName, email: person.email, activeFrom: "2026-01-01T00:00:00.000Z" });
  }
  const actors = Object.fromEntries(
    PEOPLE.map((p) => [p.id, { userId: p.id, displayName: p.displayName, email: p.email, roles: p.roles, ministryIds: nominations.filter(([id]) => id === p.id).map(([, m]) => m) }]),
  );
  const logs: BotServer["logs"] = [];
  const log = (level: string) => (data: object, message: string) => void logs.push({ level, message, data });
  const logger: BotLogger = { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
  const installer = new RecordingInstaller(new Set(options.reachable ?? []));
  const directory = new StaticDirectory(PEOPLE);
  const bot = createBot({
    repos,
    clock,
    directory,
    documents: backend.documents,
    installer,
    config: { timeZone: "Europe/Ljubljana", outbox: { globalRatePerSecond: 50 } },
    logger,
  });

  const app = express();
  app.post("/api/messages", (req, res) => bot.handleMessages(req, res));
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let paragraph = 0;
  return {
    url,
    endpoint: `${url}/api/messages`,
    bot,
    backend,
    clock,
    ministries: [justice, education],
    actors,
    installer,
    directory,
    logs,
    async addRecommendation(ministryId, para) {
      paragraph += 1;
      const recommendation = await repos.recommendations.create({
        key: recommendationKey("A/HRC/59/15", para),
        text: `Strengthen the protection of children's rights (${paragraph})`,
        mechanism: "UPR",
        documentSymbol: "A/HRC/59/15",
        paragraph: para,
        recommendingStates: ["Norway", "Chile"],
        position: "supported",
        leadMinistryId: ministryId,
      });
      return recommendation.id;
    },
    async close() {
      await bot.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await backend.close();
    },
  };
}
