/**
 * Repositories that survive a SIGKILL, for the bot benchmark: core's in-memory repositories,
 * with every successful write appended (synchronously, before the write resolves) to a journal
 * file. A restarted process replays the journal and finds every record the killed one had
 * written, as SharePoint would have kept them. (appendFileSync hands the line to the kernel: a
 * killed process loses nothing it wrote; fsync would only matter if the machine crashed.)
 */
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { createInMemoryRepositories } from "../../core/in-memory/in-memory-repositories";
import type { BulkResult, BulkUpdate, Page, Query, Repositories, Repository } from "../../core/ports/repository";
import type { Stored } from "../../core/records/common";

type Line = { r: string; id: string; f: Record<string, unknown> };

function fieldsOf(record: Stored<unknown>): Record<string, unknown> {
  const { id: _id, eTag: _eTag, ...fields } = record as Record<string, unknown>;
  return fields;
}

const pause = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

class JournaledRepository<Fields, Input> implements Repository<Fields, Input> {
  constructor(
    private readonly name: string,
    private readonly inner: Repository<Fields, Input>,
    private readonly journal: string,
    private readonly writeLatencyMs: number,
  ) {}

  private async slow<T>(write: () => Promise<T>): Promise<T> {
    await pause(this.writeLatencyMs / 2);
    const result = await write();
    await pause(this.writeLatencyMs / 2);
    return result;
  }

  private write(record: Stored<Fields>): void {
    appendFileSync(this.journal, `${JSON.stringify({ r: this.name, id: record.id, f: fieldsOf(record) } satisfies Line)}\n`);
  }

  get(id: string): Promise<Stored<Fields>> {
    return this.inner.get(id);
  }
  query(query?: Query<Fields>): Promise<Page<Stored<Fields>>> {
    return this.inner.query(query);
  }
  create(input: Input): Promise<Stored<Fields>> {
    return this.slow(async () => {
      const record = await this.inner.create(input);
      this.write(record);
      return record;
    });
  }
  async createMany(inputs: Input[]): Promise<BulkResult<Stored<Fields>>[]> {
    const results = await this.inner.createMany(inputs);
    for (const result of results) if (result.ok) this.write(result.record);
    return results;
  }
  update(id: string, changes: Partial<Fields>, eTag: string): Promise<Stored<Fields>> {
    return this.slow(async () => {
      const record = await this.inner.update(id, changes, eTag);
      this.write(record);
      return record;
    });
  }
  async updateMany(updates: BulkUpdate<Fields>[]): Promise<BulkResult<Stored<Fields>>[]> {
    const results = await this.inner.updateMany(updates);
    for (const result of results) if (result.ok) this.write(result.record);
    return results;
  }
}

/** Opens the journal (replaying it if it exists) and returns repositories that keep writing to it. */
export async function openJournaledRepositories(journal: string, options: { writeLatencyMs?: number } = {}): Promise<Repositories> {
  const memory = createInMemoryRepositories();
  if (existsSync(journal)) {
    const latest = new Map<string, Map<string, Record<string, unknown>>>();
    for (const text of readFileSync(journal, "utf8").split("\n")) {
      if (!text) continue;
      let line: Line;
      try {
        line = JSON.parse(text) as Line;
      } catch {
        continue; // a line torn by the kill: that write never completed
      }
      if (!latest.has(line.r)) latest.set(line.r, new Map());
      latest.get(line.r)!.set(line.id, line.f);
    }
    for (const [name, records] of latest) {
      const repository = memory[name as keyof Repositories] as unknown as Repository<unknown, unknown>;
      const ids = [...records.keys()].sort((a, b) => Number(a) - Number(b));
      for (const id of ids) {
        const created = await repository.create(records.get(id));
        if (created.id !== id) throw new Error(`journal replay of ${name}: expected id ${id}, got ${created.id}`);
      }
    }
  }
  const journaled = {} as Record<string, unknown>;
  for (const [name, repository] of Object.entries(memory)) journaled[name] = new JournaledRepository(name, repository as Repository<unknown, unknown>, journal, options.writeLatencyMs ?? 0);
  return journaled as Repositories;
}
