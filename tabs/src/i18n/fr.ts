import type { Catalogue } from "./en";
export const fr: Catalogue = {} as Catalogue;
