import { addDays, calendarDateAt, daysBetween, startOfDate, zonedInstant } from "./calendar";

describe("calendar dates in a time zone", () => {
  it("reads 09:00 in Ljubljana as 08:00 UTC in winter and 07:00 UTC in summer", () => {
    expect(zonedInstant("2026-03-28", "09:00", "Europe/Ljubljana").toISOString()).toBe("2026-03-28T08:00:00.000Z");
    expect(zonedInstant("2026-03-29", "09:00", "Europe/Ljubljana").toISOString()).toBe("2026-03-29T07:00:00.000Z");
    expect(zonedInstant("2026-10-25", "09:00", "Europe/Ljubljana").toISOString()).toBe("2026-10-25T08:00:00.000Z");
  });

  it("starts a day at midnight local time, on the days clocks change too", () => {
    expect(startOfDate("2026-03-29", "Europe/Ljubljana").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDate("2026-03-30", "Europe/Ljubljana").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfDate("2026-10-25", "Europe/Ljubljana").toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(startOfDate("2026-10-26", "Europe/Ljubljana").toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });

  it("reads a time skipped by the spring change as the same time after it", () => {
    // 02:30 does not exist in Ljubljana on 29 March 2026: clocks go from 02:00 to 03:00.
    expect(zonedInstant("2026-03-29", "02:30", "Europe/Ljubljana").toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("reads a time repeated by the autumn change as its first occurrence", () => {
    // 02:30 happens twice on 25 October 2026: first at UTC+2, then at UTC+1.
    expect(zonedInstant("2026-10-25", "02:30", "Europe/Ljubljana").toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("handles zones far from UTC and the southern hemisphere", () => {
    expect(zonedInstant("2026-04-05", "09:00", "America/Santiago").toISOString()).toBe("2026-04-05T13:00:00.000Z");
    expect(zonedInstant("2026-01-15", "09:00", "Pacific/Apia").toISOString()).toBe("2026-01-14T20:00:00.000Z");
    expect(zonedInstant("2026-06-01", "09:00", "Asia/Kathmandu").toISOString()).toBe("2026-06-01T03:15:00.000Z");
  });

  it("gives the local calendar date of an instant", () => {
    expect(calendarDateAt(new Date("2026-03-28T23:30:00Z"), "Europe/Ljubljana")).toBe("2026-03-29");
    expect(calendarDateAt(new Date("2026-03-28T23:30:00Z"), "America/Lima")).toBe("2026-03-28");
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2026-03-05", -7)).toBe("2026-02-26");
    expect(daysBetween("2026-03-01", "2026-03-29")).toBe(28);
    expect(daysBetween("2026-03-29", "2026-03-01")).toBe(-28);
  });

  it("refuses what is not a calendar date", () => {
    expect(() => addDays("29/03/2026", 1)).toThrow(RangeError);
    expect(() => zonedInstant("2026-03-29", "9am", "UTC")).toThrow(RangeError);
  });
});
