import { identifierKey, nameKey, tidyText } from "./normalize";
test("x", () => {
  const base = nameKey("Ministry of Justice");
  for (const v of ["ministry of justice", "Ministry\u00a0of Justice", "Minis\u200btry of Justice", "Ministry of Justic\u0435", "\uff2dinistry of Justice", "  Ministry  of   Justice "]) expect(nameKey(v)).toBe(base);
  expect(nameKey("Ministère")).toBe(nameKey("Ministe\u0300re"));
  expect(nameKey("Ministère")).not.toBe(nameKey("Ministere"));
  expect(identifierKey("148.１")).toBe("148.1");
  expect(identifierKey("148.1\u200b")).toBe("148.1");
  expect(tidyText(" a\u00a0\u200bb ")).toBe("a b");
});
