/**
 * Small builders for Adaptive Cards 1.5 JSON. Cards are plain data: each card function takes
 * what it shows and a translator, and returns the card; nothing here reads a store.
 */
import type { Translator } from "../i18n/translate";

export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

export type CardElement = { type: string } & Record<string, unknown>;
export type CardAction = { type: string; title: string } & Record<string, unknown>;

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: "1.5";
  body: CardElement[];
  actions?: CardAction[];
  refresh?: { action: CardAction; userIds?: string[] };
  rtl?: boolean;
  fallbackText?: string;
  msteams?: { width: "Full" };
}

/** Longest text a card shows of a recommendation or an answer (Teams refuses messages over ~28 KB). */
export const SHOWN_TEXT_LIMIT = 3_000;

export function shorten(text: string, tr: Translator, limit = SHOWN_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit).trimEnd()}… ${tr.t("card.shortened")}`;
}

export function adaptiveCard(
  tr: Translator,
  body: (CardElement | undefined | false)[],
  options: { actions?: (CardAction | undefined | false)[]; refresh?: AdaptiveCard["refresh"]; fallbackText?: string } = {},
): AdaptiveCard {
  const card: AdaptiveCard = {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: body.filter((element): element is CardElement => Boolean(element)),
  };
  const actions = (options.actions ?? []).filter((action): action is CardAction => Boolean(action));
  if (actions.length) card.actions = actions;
  if (options.refresh) card.refresh = options.refresh;
  if (tr.rtl) card.rtl = true;
  if (options.fallbackText) card.fallbackText = options.fallbackText;
  card.msteams = { width: "Full" };
  return card;
}

export function heading(text: string): CardElement {
  return { type: "TextBlock", text, wrap: true, size: "Large", weight: "Bolder", style: "heading" };
}

export function textBlock(text: string, options: Record<string, unknown> = {}): CardElement {
  return { type: "TextBlock", text, wrap: true, ...options };
}

export function subtle(text: string): CardElement {
  return textBlock(text, { isSubtle: true, spacing: "Small" });
}

/** A coloured notice at the top of a card: attention (errors), warning (reminders), good (done). */
export function banner(text: string, style: "attention" | "warning" | "good" | "accent" | "emphasis"): CardElement {
  return {
    type: "Container",
    style,
    bleed: true,
    items: [textBlock(text, { weight: "Bolder", color: style === "emphasis" || style === "accent" ? "Default" : style === "good" ? "Good" : style === "warning" ? "Warning" : "Attention" })],
  };
}

export function facts(pairs: [string, string | undefined][]): CardElement | undefined {
  const shown = pairs.filter((pair): pair is [string, string] => Boolean(pair[1]));
  if (!shown.length) return undefined;
  return { type: "FactSet", facts: shown.map(([title, value]) => ({ title, value })) };
}

export function section(title: string, items: (CardElement | undefined | false)[], options: { separator?: boolean } = {}): CardElement {
  return {
    type: "Container",
    separator: options.separator ?? true,
    spacing: "Medium",
    items: [textBlock(title, { weight: "Bolder" }), ...items.filter((item): item is CardElement => Boolean(item))],
  };
}

export function execute(title: string, verb: string, data: Record<string, unknown>, options: Record<string, unknown> = {}): CardAction {
  return { type: "Action.Execute", title, verb, data, ...options };
}

export function openUrl(title: string, url: string): CardAction {
  return { type: "Action.OpenUrl", title, url };
}

export function textInput(id: string, label: string, options: { value?: string; maxLength?: number; multiline?: boolean; required?: boolean; errorMessage?: string; placeholder?: string } = {}): CardElement {
  return {
    type: "Input.Text",
    id,
    label,
    isMultiline: options.multiline ?? false,
    ...(options.value !== undefined ? { value: options.value } : {}),
    ...(options.maxLength ? { maxLength: options.maxLength } : {}),
    ...(options.required ? { isRequired: true, errorMessage: options.errorMessage ?? label } : {}),
    ...(options.placeholder ? { placeholder: options.placeholder } : {}),
  };
}

export function choiceInput(id: string, label: string, choices: { title: string; value: string }[], options: { value?: string; expanded?: boolean; required?: boolean; errorMessage?: string } = {}): CardElement {
  return {
    type: "Input.ChoiceSet",
    id,
    label,
    choices,
    style: options.expanded ? "expanded" : "compact",
    ...(options.value !== undefined ? { value: options.value } : {}),
    ...(options.required ? { isRequired: true, errorMessage: options.errorMessage ?? label } : {}),
  };
}

export function dateInput(id: string, label: string, options: { min?: string; value?: string; required?: boolean; errorMessage?: string } = {}): CardElement {
  return {
    type: "Input.Date",
    id,
    label,
    ...(options.min ? { min: options.min } : {}),
    ...(options.value ? { value: options.value } : {}),
    ...(options.required ? { isRequired: true, errorMessage: options.errorMessage ?? label } : {}),
  };
}

/** Every text a card shows, for tests and for the fallback text: what a person would read. */
export function visibleText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const element = node as Record<string, unknown>;
      if (element.type === "TextBlock" && typeof element.text === "string") texts.push(element.text);
      if (element.type === "FactSet" && Array.isArray(element.facts)) {
        for (const fact of element.facts as { title: string; value: string }[]) texts.push(`${fact.title} ${fact.value}`);
      }
      if (element.type === "TextRun" && typeof element.text === "string") texts.push(element.text);
      for (const [key, value] of Object.entries(element)) if (key !== "data" && key !== "refresh") walk(value);
    }
  };
  walk((card as { body?: unknown }).body);
  return texts.join("\n");
}
