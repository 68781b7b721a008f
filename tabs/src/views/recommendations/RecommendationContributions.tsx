/** The requests about a recommendation and every version of the answers they received. */
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { ContributionDto, RequestDto } from "../../../../core/api";
import { useResource } from "../../api/use-resource";
import { ImplementationBadge, RequestStatusBadge } from "../../components/badges";
import { Loading } from "../../components/Loading";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";

const useStyles = makeStyles({
  list: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  item: { borderInlineStartWidth: tokens.strokeWidthThicker, borderInlineStartStyle: "solid", borderInlineStartColor: tokens.colorNeutralStroke2, paddingInlineStart: tokens.spacingHorizontalM },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  text: { whiteSpace: "pre-wrap", marginBlock: tokens.spacingVerticalXS },
});

export function RecommendationContributions({ recommendationId }: { recommendationId: string }) {
  const styles = useStyles();
  const { t, date, dateTime } = useI18n();
  const { api, me, ministries } = useSession();
  const data = useResource(
    async (signal) => {
      const requests = (await api.call("listRequests", { query: { recommendationId, pageSize: 200 }, signal })).items;
      // Answers only of the requests the person reads in full (not those read as shared with observers).
      const answered = me.can.readAnswers ? requests.filter((r) => r.latestVersion > 0 && r.access !== "shared") : [];
      const contributions = await Promise.all(answered.map((r) => api.call("listContributions", { params: { id: r.id }, signal }).then((c) => c.items)));
      return requests.map((request): { request: RequestDto; contributions: ContributionDto[] } => ({ request, contributions: contributions[answered.indexOf(request)] ?? [] }));
    },
    [api, recommendationId, me.can.readAnswers],
  );
  if (data.error) return <ProblemBar error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  if (data.data.length === 0) return <Text>{t("detail.noRequests")}</Text>;
  return (
    <ul className={styles.list}>
      {data.data.map(({ request, contributions }) => (
        <li key={request.id} className={styles.item}>
          <Text weight="semibold">{ministries.get(request.ministryId)?.name ?? request.ministryId}</Text> <RequestStatusBadge status={request.status} />
          <div className={styles.meta}>{t("detail.requestDue", { date: date(request.dueDate) })}</div>
          {contributions.map((c) => (
            <div key={c.id}>
              <div className={styles.meta}>
                {t("contribution.version", { version: c.version, name: c.authorName, at: dateTime(c.answeredAt) })} {c.reportedStatus && <ImplementationBadge status={c.reportedStatus} />}
              </div>
              <div className={styles.text}>{c.text}</div>
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}
