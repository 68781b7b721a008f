import type { z } from "zod";
import { ConflictError, isDomainError } from "../../core/errors";
import type { Stored } from "../../core/records/common";
import type { RecordKind } from "../../core/records/kinds";
import { parseOrThrow } from "../../core/records/validate";
import type { BulkResult } from "../../core/ports/repository";
import type { GraphClient } from "../client/graph-client";
import { translate } from "../client/errors";
import { toFields, selectOf } from "./field-mapping";
import { SharePointListRepository, type GraphListItem, type ListLocation } from "./list-repository";
import { fieldKeyOf, type ListSpec } from "./schema";

/**
 * Records kept as the metadata of files in a document library (a compiled draft is its .docx
 * in the Drafts library). Creating a record attaches its fields to the file named by `fileId`;
 * files that carry no record (templates, documents uploaded by hand) are not records.
 */
export class SharePointLibraryRepository<Schema extends z.ZodType> extends SharePointListRepository<Schema> {
  private readonly keyColumn: string;

  constructor(
    client: GraphClient,
    location: ListLocation,
    private readonly driveId: string,
    list: ListSpec,
    kind: RecordKind<Schema>,
  ) {
    super(client, location, list, kind);
    const column = list.columns.find((c) => c.field === kind.uniqueKey);
    if (!column) throw new Error(`${list.title}: a library of records needs a unique key column`);
    this.keyColumn = fieldKeyOf(column);
  }

  protected override isRecord(item: GraphListItem): boolean {
    const key = item.fields?.[this.keyColumn];
    return typeof key === "string" && key.length > 0;
  }

  override async create(input: z.input<Schema>): Promise<Stored<z.output<Schema>>> {
    const record = parseOrThrow(this.kind.schema, input, this.kind.label) as Record<string, unknown>;
    const fileId = String(record.fileId);
    let item: GraphListItem;
    try {
      item = (await this.client.api(`/drives/${this.driveId}/items/${encodeURIComponent(fileId)}/listItem?$expand=fields($select=${selectOf(this.list)})`).get()) as GraphListItem;
    } catch (error) {
      return translate(error, { entity: "File", id: fileId });
    }
    if (this.isRecord(item)) throw new ConflictError(`the file ${fileId} already carries a ${this.kind.label.toLowerCase()}`, this.kind.label, fileId);
    try {
      const fields = (await this.client
        .api(`${this.itemsPath}/${item.id}/fields`)
        .header("If-Match", item.eTag ?? "*")
        .patch(toFields(this.list, record))) as Record<string, unknown>;
      return this.fromFieldValueSet(String(item.id), fields);
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 409 && (error as { code?: string }).code !== "resourceModified") throw this.conflict(record);
      return translate(error, { entity: this.kind.label });
    }
  }

  override async createMany(inputs: z.input<Schema>[]): Promise<BulkResult<Stored<z.output<Schema>>>[]> {
    const results: BulkResult<Stored<z.output<Schema>>>[] = [];
    for (const input of inputs) {
      try {
        results.push({ ok: true, record: await this.create(input) });
      } catch (error) {
        if (!isDomainError(error)) throw error;
        results.push({ ok: false, error });
      }
    }
    return results;
  }
}
