/**
 * The Overview's calendar: what is due or happens from a week ago to three months ahead, across
 * visits, their meetings, replies to communications, reports and consultations, day by day.
 * The server decides what the person may see; each entry opens its record.
 */
import { Badge, Link, makeStyles, Text, Title3, tokens } from "@fluentui/react-components";
import type { CalendarEntryDto, CalendarDto } from "../../../../core/api";
import { useResource } from "../../api/use-resource";
import { Loading } from "../../components/Loading";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { hrefOf, navigate } from "../../shell/router";
import { useSession } from "../../shell/session";
import { addDays, todayIn } from "../../taxonomy";

const useStyles = makeStyles({
  section: { marginBlockEnd: tokens.spacingVerticalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** How far back and ahead the Overview looks. */
export const CALENDAR_DAYS_BACK = 7;
export const CALENDAR_DAYS_AHEAD = 90;

function pathOf(entry: CalendarEntryDto): string {
  switch (entry.source.list) {
    case "visits":
      return `/visits/${entry.source.id}`;
    case "communications":
      return `/visits?communication=${entry.source.id}`;
    case "reports":
      return `/reports/${entry.source.id}`;
    case "consultations":
      return `/consultations/${entry.source.id}`;
  }
}

export function DueCalendar() {
  const styles = useStyles();
  const { t, date } = useI18n();
  const { api, config } = useSession();
  const today = todayIn(config.timeZone);
  const from = addDays(today, -CALENDAR_DAYS_BACK);
  const to = addDays(today, CALENDAR_DAYS_AHEAD);
  const calendar = useResource<CalendarDto>((signal) => api.call("calendar", { query: { from, to }, signal }), [api, from, to]);
  const items = calendar.data?.items ?? [];
  return (
    <section className={styles.section} aria-labelledby="calendar-heading">
      <Title3 as="h2" id="calendar-heading">
        {t("calendar.title")}
      </Title3>
      <Text className={styles.muted}>{t("calendar.period", { from: date(from, "long"), to: date(to, "long") })}</Text>
      {calendar.error !== undefined && <ProblemBar error={calendar.error} onRetry={calendar.reload} />}
      {calendar.loading && !calendar.data && <Loading />}
      {calendar.data && items.length === 0 && <Text>{t("calendar.nothing")}</Text>}
      {items.length > 0 && (
        <ul className={styles.list}>
          {items.map((entry) => (
            <li key={`${entry.kind}-${entry.source.list}-${entry.source.id}-${entry.date}-${entry.title}`}>
              <Text weight="semibold">{entry.endDate && entry.endDate !== entry.date ? t("calendar.span", { from: date(entry.date), to: date(entry.endDate) }) : date(entry.date)}</Text>
              {" · "}
              {t(`calendar.kind.${entry.kind}`)}
              {" · "}
              <Link
                href={hrefOf(pathOf(entry))}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(pathOf(entry));
                }}
              >
                <bdi>{entry.title}</bdi>
              </Link>
              {entry.overdue && (
                <>
                  {" "}
                  <Badge appearance="filled" color="danger">
                    {t("calendar.overdue")}
                  </Badge>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
