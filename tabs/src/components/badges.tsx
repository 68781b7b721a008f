/** Status badges with words (never colour alone) for implementation, request, report and review states. */
import { Badge, type BadgeProps } from "@fluentui/react-components";
import type { ImplementationStatus } from "../../../core/records/taxonomy";
import type { RequestStatus } from "../../../core/requests/request";
import type { ReportStatus } from "../../../core/reports/report";
import type { ReviewState } from "../../../core/drafts/draft";
import { useI18n } from "../i18n/i18n";

type Color = NonNullable<BadgeProps["color"]>;

const IMPLEMENTATION_COLORS: Record<ImplementationStatus, Color> = {
  "not-assessed": "informative",
  "not-started": "danger",
  "in-progress": "warning",
  "partially-implemented": "important",
  implemented: "success",
  "no-longer-relevant": "subtle",
};

const REQUEST_COLORS: Record<RequestStatus, Color> = {
  queued: "informative",
  undeliverable: "danger",
  sent: "informative",
  seen: "brand",
  answered: "success",
  overdue: "danger",
  escalated: "severe",
  extended: "warning",
  declined: "subtle",
  closed: "subtle",
};

const REPORT_COLORS: Record<ReportStatus, Color> = {
  planning: "informative",
  collecting: "brand",
  drafting: "warning",
  "in-review": "important",
  approved: "success",
  submitted: "subtle",
};

const REVIEW_COLORS: Record<ReviewState, Color> = {
  compiling: "subtle",
  interrupted: "danger",
  drafting: "informative",
  "in-review": "warning",
  returned: "danger",
  approved: "success",
  submitted: "subtle",
};

export function ImplementationBadge({ status }: { status: ImplementationStatus }) {
  const { t } = useI18n();
  return (
    <Badge appearance="tint" color={IMPLEMENTATION_COLORS[status]} shape="rounded">
      {t(`status.${status}`)}
    </Badge>
  );
}

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useI18n();
  return (
    <Badge appearance="tint" color={REQUEST_COLORS[status]} shape="rounded">
      {t(`requestStatus.${status}`)}
    </Badge>
  );
}

export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useI18n();
  return (
    <Badge appearance="tint" color={REPORT_COLORS[status]} shape="rounded">
      {t(`reportStatus.${status}`)}
    </Badge>
  );
}

export function ReviewStateBadge({ state }: { state: ReviewState }) {
  const { t } = useI18n();
  return (
    <Badge appearance="tint" color={REVIEW_COLORS[state]} shape="rounded">
      {t(`reviewState.${state}`)}
    </Badge>
  );
}
