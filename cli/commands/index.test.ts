import { COMMANDS } from "./index";

describe("the command list", () => {
  test("names and summarises each command as its own module does (the list loads none of them for --help)", () => {
    for (const entry of COMMANDS) {
      const command = entry.load();
      expect({ name: command.name, summary: command.summary }).toEqual({ name: entry.name, summary: entry.summary });
      expect(command.usage).toMatch(new RegExp(`^nmirf ${entry.name}\\b`));
    }
  });
});
