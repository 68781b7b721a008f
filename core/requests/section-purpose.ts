/**
 * What a request about a section is for, from the section's key: a section of a report, a
 * meeting of a visit (core/visits), or the reply to a communication (core/communications).
 * No schema library here: the tab imports it.
 */
/** A section subject's key for a visit's meeting (`visit-programme:{meeting key}`) and for a communication's reply. */
export const VISIT_MEETING_SECTION_PREFIX = "visit-programme:";
export const COMMUNICATION_REPLY_SECTION = "communication-reply";

/** What a section subject is for: a section of a report, a meeting of a visit, or the reply to a communication (the doors name each in words). */
export function sectionPurpose(section: string): "report-section" | "visit-meeting" | "communication-reply" {
  if (section === COMMUNICATION_REPLY_SECTION) return "communication-reply";
  if (section.startsWith(VISIT_MEETING_SECTION_PREFIX)) return "visit-meeting";
  return "report-section";
}
