import type { Catalogue } from "./en";

export const es: Partial<Catalogue> = {};
