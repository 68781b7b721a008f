import type { PartialMessages } from "./translate";

/**
 * French. Every key of en.ts may be given here; a key left out is shown in English. Translators:
 * keep the {parameters}; plurals are objects keyed by Intl.PluralRules categories.
 */
export const fr: PartialMessages = {};
