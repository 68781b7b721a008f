import { themeIdentity, themeLikeness } from "./themes";

describe("themes", () => {
  it("are the same theme whatever the case, accents and spaces", () => {
    expect(themeIdentity("  Droits de l'Enfant ")).toBe(themeIdentity("droits de l'enfant"));
    expect(themeIdentity("Éducation")).toBe(themeIdentity("education"));
  });

  it("are probably the same theme written with & or and, punctuation or a plural", () => {
    expect(themeLikeness("Equality & non-discrimination")).toBe(themeLikeness("Equality and non discrimination"));
    expect(themeLikeness("Rights of persons with disabilities")).toBe(themeLikeness("Right of persons with disability."));
    expect(themeLikeness("Right to education")).not.toBe(themeLikeness("Right to health"));
  });
});
