/**
 * Whether an indicator is on track, by a rule the secretariat can say in one sentence: at the
 * pace shown since the baseline, does the latest value reach the target by its date?
 */
import { daysBetween, type CalendarDate } from "../calendar/calendar";
import type { IndicatorFields, IndicatorValueFields } from "./indicator";

export const INDICATOR_TRACKS = ["no-data", "achieved", "on-track", "off-track"] as const;
export type IndicatorTrack = (typeof INDICATOR_TRACKS)[number];

type Measured = Pick<IndicatorFields, "baselineValue" | "baselineDate" | "targetValue" | "targetDate">;

/** The value holding on the latest date (on one date, the latest reported). */
export function latestValue<V extends Pick<IndicatorValueFields, "date" | "reportedAt" | "value">>(values: readonly V[]): V | undefined {
  return [...values].sort((a, b) => a.date.localeCompare(b.date) || a.reportedAt.localeCompare(b.reportedAt)).at(-1);
}

/**
 * - `no-data`: no value reported since the baseline;
 * - `achieved`: the latest value reaches the target (whichever way the target lies from the baseline);
 * - `off-track`: the target date has passed without reaching it, or the pace from the baseline to the
 *   latest value, kept up, would not reach the target by its date;
 * - `on-track` otherwise.
 */
export function trackOf(indicator: Measured, values: readonly Pick<IndicatorValueFields, "date" | "reportedAt" | "value">[], today: CalendarDate): IndicatorTrack {
  const latest = latestValue(values.filter((v) => v.date >= indicator.baselineDate));
  if (!latest) return today > indicator.targetDate ? "off-track" : "no-data";
  const direction = Math.sign(indicator.targetValue - indicator.baselineValue) || 1;
  const reaches = (value: number) => (value - indicator.targetValue) * direction >= 0;
  if (reaches(latest.value)) return "achieved";
  if (today > indicator.targetDate) return "off-track";
  const elapsed = daysBetween(indicator.baselineDate, latest.date);
  if (elapsed <= 0) return "on-track";
  const span = daysBetween(indicator.baselineDate, indicator.targetDate);
  const projected = indicator.baselineValue + ((latest.value - indicator.baselineValue) / elapsed) * span;
  return reaches(projected) ? "on-track" : "off-track";
}
