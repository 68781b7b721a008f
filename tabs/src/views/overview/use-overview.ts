/**
 * The overview's state, apart from its render: the dimension of the roll-up, chart or table,
 * the dashboard (a focal point of one ministry: that ministry's requests needing attention),
 * and the chart's data in the person's language.
 */
import type { ChartProps } from "@fluentui/react-charts";
import { useState } from "react";
import type { DashboardDto } from "../../../../core/api";
import { useResource } from "../../api/use-resource";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";
import { STATUS_CODES } from "../../taxonomy";
import { tokens } from "@fluentui/react-components";
import type { ImplementationStatus } from "../../../../core/records/taxonomy";

/** Each status's colour in the chart and its legend (theme tokens: dark and high-contrast themes follow). */
export const STATUS_COLORS: Record<ImplementationStatus, string> = {
  "not-assessed": tokens.colorNeutralForeground4,
  "not-started": tokens.colorPaletteRedForeground1,
  "in-progress": tokens.colorPaletteMarigoldForeground1,
  "partially-implemented": tokens.colorPaletteBerryForeground1,
  implemented: tokens.colorPaletteGreenForeground1,
  "no-longer-relevant": tokens.colorNeutralForeground3,
};

export type Dimension = "ministry" | "mechanism" | "theme" | "sdg";

const MAX_ROWS = 12;
/** How many requests each list of the Overview shows (the count says how many there are). */
const DUE_ITEMS = 8;

export function useOverview() {
  const { t, percent, number } = useI18n();
  const { api, me } = useSession();
  const [dimension, setDimension] = useState<Dimension>("ministry");
  const [asTable, setAsTable] = useState(false);
  // A focal point of one ministry sees that ministry's requests needing attention (the server judges the dates, in each report's time zone).
  const ministry = me.ministries.length === 1 ? me.ministries[0] : undefined;
  const dashboard = useResource<DashboardDto>((signal) => api.call("dashboard", { query: { dimension, ministryId: ministry?.id, dueItems: DUE_ITEMS }, signal }), [api, dimension, ministry?.id]);

  const label = (key: string, fallback: string | undefined) => (key === "" ? t("overview.none") : dimension === "mechanism" ? t(`mechanism.${key}` as "mechanism.UPR") : dimension === "sdg" ? `${key} · ${t(`sdg.${key}` as "sdg.1")}` : (fallback ?? key));
  const rows = (dashboard.data?.rows ?? []).slice(0, MAX_ROWS).map((row) => ({ ...row, label: label(row.key, row.label) }));
  const chartData: ChartProps[] = rows.map((row) => ({
    chartTitle: `${row.label} — ${t("overview.implementedShare", { share: percent(row.implementedShare) })}`,
    chartData: STATUS_CODES.filter((s) => row.byStatus[s] > 0).map((status) => ({
      legend: t(`status.${status}`),
      horizontalBarChartdata: { x: row.byStatus[status], total: row.total },
      color: STATUS_COLORS[status],
      xAxisCalloutData: row.label,
      yAxisCalloutData: number(row.byStatus[status]),
    })),
  }));
  return { me, ministry, dimension, setDimension, asTable, setAsTable, dashboard, rows, chartData };
}
