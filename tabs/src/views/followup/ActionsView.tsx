/**
 * Actions: every action the person may read, by ministry and status, overdue or with an
 * indicator off track; one chosen shows its indicators and timeline (and, for the secretariat,
 * the updates to accept or return). The secretariat also finds here the follow-up rounds that
 * ask the ministries about their actions, and the schedules that start them.
 */
import { Badge, Dropdown, makeStyles, Option, Switch, Tab, TabList, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens, Link } from "@fluentui/react-components";
import { useState } from "react";
import type { ActionStatus } from "../../../../core/followup/action";
import { useResource } from "../../api/use-resource";
import { ExportMenu } from "../../components/ExportMenu";
import { Loading } from "../../components/Loading";
import { PageHeader } from "../../components/PageHeader";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";
import { ACTION_STATUS_CODES } from "../../taxonomy";
import { FollowUpRounds } from "./FollowUpRounds";
import { ActionItem } from "./RecommendationFollowUp";

const ANY = "__any__";

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "center", marginBlockEnd: tokens.spacingVerticalM },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  detail: { marginBlockStart: tokens.spacingVerticalL, listStyleType: "none", padding: 0 },
  parts: { marginBlockEnd: tokens.spacingVerticalM },
});

type Part = "actions" | "rounds";

export default function ActionsView() {
  const styles = useStyles();
  const { t } = useI18n();
  const { me } = useSession();
  const [part, setPart] = useState<Part>("actions");
  // The rounds' routes are the secretariat's: the same permission as asking ministries for input.
  const mayStartRounds = me.can.createRequests;
  return (
    <>
      <PageHeader title={t("actions.title")} description={t("actions.description")} />
      {mayStartRounds && (
        <TabList className={styles.parts} selectedValue={part} onTabSelect={(_, d) => setPart(d.value as Part)} aria-label={t("actions.parts")}>
          <Tab value="actions">{t("actions.title")}</Tab>
          <Tab value="rounds">{t("rounds.tab")}</Tab>
        </TabList>
      )}
      {/* Hidden, not unmounted: back from the rounds, the filters and the action chosen are as they were. */}
      <div hidden={part !== "actions"}>
        <ActionsList />
      </div>
      {mayStartRounds && part === "rounds" && <FollowUpRounds />}
    </>
  );
}

function ActionsList() {
  const styles = useStyles();
  const { t, date, number } = useI18n();
  const { api, ministries } = useSession();
  const [ministryId, setMinistryId] = useState<string>();
  const [planId, setPlanId] = useState<string>();
  const [status, setStatus] = useState<ActionStatus>();
  const [overdue, setOverdue] = useState(false);
  const [offTrack, setOffTrack] = useState(false);
  const [chosen, setChosen] = useState<string>();
  const list = useResource(
    (signal) => api.call("listActions", { query: { ministryId, planId, status, overdue: overdue ? "true" : undefined, offTrack: offTrack ? "true" : undefined, pageSize: 200 }, signal }),
    [api, ministryId, planId, status, overdue, offTrack],
  );
  // The national plans, for the actions by plan; without any, the filter is not shown.
  const plans = useResource((signal) => api.call("listPlans", { signal }), [api]);
  const planTitle = (id: string) => plans.data?.items.find((p) => p.id === id)?.title ?? id;
  const detail = useResource(chosen ? (signal) => api.call("getAction", { params: { id: chosen }, signal }) : undefined, [api, chosen]);
  const ministryName = (id: string) => ministries.get(id)?.name ?? id;
  return (
    <>
      <div className={styles.bar}>
        <Dropdown aria-label={t("actions.ministry")} value={ministryId ? ministryName(ministryId) : t("actions.allMinistries")} selectedOptions={[ministryId ?? ANY]} onOptionSelect={(_, d) => setMinistryId(d.optionValue === ANY ? undefined : d.optionValue)}>
          <Option value={ANY}>{t("actions.allMinistries")}</Option>
          {[...ministries.values()].map((m) => (
            <Option key={m.id} value={m.id}>
              {m.name}
            </Option>
          ))}
        </Dropdown>
        <Dropdown aria-label={t("actions.status")} value={status ? t(`actionStatus.${status}`) : t("actions.allStatuses")} selectedOptions={[status ?? ANY]} onOptionSelect={(_, d) => setStatus(d.optionValue === ANY ? undefined : (d.optionValue as ActionStatus))}>
          <Option value={ANY}>{t("actions.allStatuses")}</Option>
          {ACTION_STATUS_CODES.map((code) => (
            <Option key={code} value={code}>
              {t(`actionStatus.${code}`)}
            </Option>
          ))}
        </Dropdown>
        {plans.data && plans.data.items.length > 0 && (
          <Dropdown aria-label={t("actions.plan")} value={planId ? planTitle(planId) : t("actions.allPlans")} selectedOptions={[planId ?? ANY]} onOptionSelect={(_, d) => setPlanId(d.optionValue === ANY ? undefined : d.optionValue)}>
            <Option value={ANY}>{t("actions.allPlans")}</Option>
            {plans.data.items.map((p) => (
              <Option key={p.id} value={p.id}>
                {p.title}
              </Option>
            ))}
          </Dropdown>
        )}
        <Switch checked={overdue} onChange={(_, d) => setOverdue(d.checked)} label={t("actions.overdueOnly")} />
        <Switch checked={offTrack} onChange={(_, d) => setOffTrack(d.checked)} label={t("actions.offTrackOnly")} />
        {/* The file holds the actions these filters show, all of them (the table shows the first 200). */}
        <ExportMenu
          name={ministryId ? `${t("actions.title")} ${ministryName(ministryId)}` : t("actions.title")}
          load={(format, lang) => api.call("exportActions", { query: { ministryId, planId, status, overdue: overdue ? "true" : undefined, offTrack: offTrack ? "true" : undefined, format, lang } })}
        />
      </div>
      <ProblemBar error={list.error} onRetry={list.reload} />
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.items.length === 0 && <Text>{t("actions.none")}</Text>}
      {list.data && list.data.items.length > 0 && (
        <div className={styles.scroll}>
          <Table className={styles.table} aria-label={t("actions.title")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("actions.colTitle")}</TableHeaderCell>
                <TableHeaderCell>{t("actions.colLead")}</TableHeaderCell>
                <TableHeaderCell>{t("actions.colEnd")}</TableHeaderCell>
                <TableHeaderCell>{t("actions.status")}</TableHeaderCell>
                <TableHeaderCell>{t("actions.colOffTrack")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.items.map((action) => (
                <TableRow key={action.id} aria-selected={chosen === action.id}>
                  <TableCell>
                    <Link onClick={() => setChosen(action.id)}>{action.title}</Link>
                  </TableCell>
                  <TableCell>{ministryName(action.leadMinistryId)}</TableCell>
                  <TableCell>
                    {date(action.endDate)}{" "}
                    {action.overdue && (
                      <Badge appearance="filled" color="danger" shape="rounded">
                        {t("followUp.overdue")}
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell>{t(`actionStatus.${action.status}`)}</TableCell>
                  <TableCell>{number(action.indicatorsOffTrack)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <ProblemBar error={detail.error} onRetry={detail.reload} />
      {detail.data && (
        <ul className={styles.detail}>
          <ActionItem
            view={detail.data}
            onChanged={() => {
              detail.reload();
              list.reload();
            }}
          />
        </ul>
      )}
    </>
  );
}
