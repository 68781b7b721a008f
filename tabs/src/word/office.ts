/**
 * The part of Office.js the Word task pane uses, and what it reads with it: the document's
 * custom properties (WordApi 1.3, `context.document.properties.customProperties`), its address
 * (`Office.context.document.url`), Word's display language and theme. In Word, Microsoft's
 * office.js provides `Office` and `Word`; in local mode the server's stand-in
 * (public/word/office-standin.js) provides the same subset, fed with a real draft's properties.
 */
import type { ThemeName } from "../host/host";

interface CustomProperty {
  key: string;
  value: unknown;
}

interface WordContext {
  document: { properties: { customProperties: { items: CustomProperty[]; load(names: string): void } } };
  sync(): Promise<void>;
}

export interface OfficeSubset {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  context: {
    displayLanguage?: string;
    officeTheme?: { bodyBackgroundColor?: string };
    document?: { url?: string | null };
    requirements?: { isSetSupported(name: string, version?: string): boolean };
  };
}

export interface WordSubset {
  run<T>(batch: (context: WordContext) => Promise<T>): Promise<T>;
}

/** What the pane knows of the document open and of Word. */
export interface OpenDocument {
  /** The custom document properties by name (NMIRF.DraftId, …), values as text. */
  properties: Record<string, string>;
  url?: string;
  locale: string;
  theme: ThemeName;
  /** Whether Word can read custom properties here (WordApi 1.3). */
  canReadProperties: boolean;
}

const OFFICE_READY_TIMEOUT_MS = 10_000;

/** Whether a background colour (`#RRGGBB`) is dark: Word's dark and black themes. */
export function isDarkColour(colour: string | undefined): boolean {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour ?? "");
  if (!match) return false;
  const [r, g, b] = match.slice(1).map((part) => parseInt(part, 16)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

/** Reads the document open in Word; undefined when the page is not inside Word (no Office.js, or Office is not Word). */
export async function readOpenDocument(win: Window & { Office?: OfficeSubset; Word?: WordSubset }): Promise<OpenDocument | undefined> {
  const office = win.Office;
  if (!office) return undefined;
  const info = await Promise.race([office.onReady(), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), OFFICE_READY_TIMEOUT_MS))]);
  if (!info || info.host !== "Word" || !win.Word) return undefined;
  const context = office.context;
  const canReadProperties = context.requirements?.isSetSupported("WordApi", "1.3") ?? false;
  const properties: Record<string, string> = {};
  if (canReadProperties) {
    await win.Word.run(async (word) => {
      const custom = word.document.properties.customProperties;
      custom.load("key,value");
      await word.sync();
      for (const item of custom.items) properties[item.key] = String(item.value);
    });
  }
  const forced = /(?:^|[?&])theme=(light|dark|contrast)(?:&|$)/.exec(win.location.search)?.[1] as ThemeName | undefined;
  return {
    properties,
    url: context.document?.url ?? undefined,
    locale: new URLSearchParams(win.location.search).get("lang") ?? context.displayLanguage ?? win.navigator.language ?? "en",
    theme: forced ?? (isDarkColour(context.officeTheme?.bodyBackgroundColor) ? "dark" : "light"),
    canReadProperties,
  };
}
