const MINOR_WORDS = new Set(["of", "the", "and", "for", "on", "in", "de", "la", "le", "des", "du", "et", "y", "del"]);

const initialsCache = new Map<string, string>();

/** `Ministry of Justice` → `MJ`: a comment's initials in Word. */
export function initialsOf(name: string): string {
  const cached = initialsCache.get(name);
  if (cached !== undefined) return cached;
  const initials = name
    .split(/\s+/u)
    .filter((word) => word && !MINOR_WORDS.has(word.toLowerCase()))
    .map((word) => [...word][0] ?? "")
    .join("")
    .toUpperCase();
  const result = [...initials].slice(0, 6).join("") || "?";
  // A mechanism has a few dozen ministries: the cache stays small, and is emptied if it ever is not.
  if (initialsCache.size > 1000) initialsCache.clear();
  initialsCache.set(name, result);
  return result;
}
