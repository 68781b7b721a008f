/**
 * The frame every view shares: a skip link, the header (who is signed in, the persona switcher
 * in local mode, language and theme in a browser), the navigation by role, and the view,
 * loaded on demand so the first load stays small.
 */
import { makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent, type MouseEvent } from "react";
import { Loading } from "../components/Loading";
import { ProblemBar } from "../components/ProblemBar";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/i18n";
import type { Preferences } from "./App";
import { HeaderControls } from "./HeaderControls";
import { hrefOf, navigate, pathOfSubPage, useRoute, type ViewName } from "./router";
import { useSession, type Session } from "./session";
import { ErrorBoundary } from "./ErrorBoundary";

const LOADERS: Record<ViewName, () => Promise<{ default: ComponentType }>> = {
  overview: () => import("../views/overview/OverviewView"),
  recommendations: () => import("../views/recommendations/RecommendationsView"),
  reports: () => import("../views/reports/ReportsView"),
  requests: () => import("../views/requests/RequestsView"),
  drafts: () => import("../views/drafts/DraftsView"),
  visits: () => import("../views/visits/VisitsView"),
  consultations: () => import("../views/consultations/ConsultationsView"),
  actions: () => import("../views/followup/ActionsView"),
  ministries: () => import("../views/ministries/MinistriesView"),
  import: () => import("../views/import/ImportView"),
  audit: () => import("../views/audit/AuditView"),
  "data-quality": () => import("../views/data-quality/DataQualityView"),
  config: () => import("../views/config/ConfigView"),
};

/** The views whose code is in: React.lazy takes them at once (a thenable that answers synchronously) instead of suspending. */
const LOADED = new Map<ViewName, { default: ComponentType }>();

function load(view: ViewName): Promise<{ default: ComponentType }> {
  return LOADERS[view]().then((module) => {
    LOADED.set(view, module);
    return module;
  });
}

const VIEWS = Object.fromEntries(
  (Object.keys(LOADERS) as ViewName[]).map((view) => [
    view,
    lazy(() => {
      const module = LOADED.get(view);
      return module ? ({ then: (resolve: (loaded: { default: ComponentType }) => void) => resolve(module) } as Promise<{ default: ComponentType }>) : load(view);
    }),
  ]),
) as Record<ViewName, LazyExoticComponent<ComponentType>>;

/** Starts loading a view's code (at start, while the person is being signed in); resolves when it is in (or failed). */
export function preloadView(view: ViewName): Promise<void> {
  return load(view).then(
    () => undefined,
    () => undefined,
  );
}

interface NavEntry {
  view: Exclude<ViewName, "config">;
  label: MessageKey;
  visible(session: Session): boolean;
}

const NAV: NavEntry[] = [
  { view: "overview", label: "nav.overview", visible: () => true },
  { view: "recommendations", label: "nav.recommendations", visible: () => true },
  { view: "reports", label: "nav.reports", visible: () => true },
  { view: "requests", label: "nav.requests", visible: () => true },
  { view: "drafts", label: "nav.drafts", visible: () => true },
  // Visits and communications are confidential until published: not for observers (the server refuses them too).
  { view: "visits", label: "nav.visits", visible: ({ me }) => me.can.readAnswers },
  // Everyone with a role: the server lists an observer only the consultations they may read or are invited to.
  { view: "consultations", label: "nav.consultations", visible: ({ me }) => me.can.read },
  { view: "actions", label: "nav.actions", visible: () => true },
  { view: "ministries", label: "nav.ministries", visible: () => true },
  { view: "import", label: "nav.import", visible: ({ me }) => me.can.import },
  { view: "audit", label: "nav.audit", visible: ({ me }) => me.can.readAudit },
  { view: "data-quality", label: "nav.dataQuality", visible: ({ me }) => me.can.readDataQuality },
];

const useStyles = makeStyles({
  root: { display: "grid", gridTemplateColumns: "220px minmax(0, 1fr)", gridTemplateRows: "auto minmax(0, 1fr)", minHeight: "100vh", "@media (max-width: 720px)": { gridTemplateColumns: "minmax(0, 1fr)" } },
  header: {
    gridColumn: "1 / -1",
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    flexWrap: "wrap",
    minWidth: 0,
    "@media (max-width: 720px)": { paddingInline: tokens.spacingHorizontalM },
  },
  brand: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  nav: { borderInlineEndWidth: tokens.strokeWidthThin, borderInlineEndStyle: "solid", borderInlineEndColor: tokens.colorNeutralStroke2, backgroundColor: tokens.colorNeutralBackground2, paddingBlock: tokens.spacingVerticalM, "@media (max-width: 720px)": { borderInlineEndStyle: "none", borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` } },
  // Narrow (a phone, the meeting side panel): one row that scrolls sideways, not four rows above the view.
  navList: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, "@media (max-width: 720px)": { flexDirection: "row", flexWrap: "nowrap", overflowX: "auto", scrollbarWidth: "thin" } },
  navLink: {
    display: "block",
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
    textDecorationLine: "none",
    borderInlineStartWidth: tokens.strokeWidthThicker, borderInlineStartStyle: "solid", borderInlineStartColor: "transparent",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover, color: tokens.colorNeutralForeground2Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
    "@media (max-width: 720px)": { whiteSpace: "nowrap", paddingInline: tokens.spacingHorizontalM },
  },
  navCurrent: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, borderInlineStartColor: tokens.colorCompoundBrandStroke, backgroundColor: tokens.colorSubtleBackgroundSelected },
  main: { padding: tokens.spacingHorizontalXL, minWidth: 0, backgroundColor: tokens.colorNeutralBackground3, "@media (max-width: 720px)": { padding: tokens.spacingHorizontalM } },
  skip: {
    position: "absolute",
    insetInlineStart: tokens.spacingHorizontalS,
    top: "-100px",
    zIndex: 1000,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ":focus": { top: tokens.spacingVerticalS },
  },
});

export function Shell({ preferences, ministriesError }: { preferences: Preferences; ministriesError?: unknown }) {
  const styles = useStyles();
  const { t } = useI18n();
  const session = useSession();
  const route = useRoute();

  // A deep link from the host (Teams subPageId) opens its record once, at start.
  useEffect(() => {
    const path = pathOfSubPage(session.host.info.subPageId);
    if (path) navigate(path, { replace: true });
    else if (session.host.info.frameContext === "settings") navigate("/config", { replace: true });
  }, [session.host]);

  const entries = NAV.filter((entry) => entry.visible(session));
  const View = VIEWS[route.view];
  const onNavigate = (event: MouseEvent<HTMLAnchorElement>, path: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(path);
    document.getElementById("main")?.focus();
  };

  useEffect(() => {
    const label = NAV.find((entry) => entry.view === route.view)?.label;
    document.title = label ? `${t(label)} · ${t("app.name")}` : t("app.name");
  }, [route.view, t]);

  return (
    <div className={styles.root}>
      <a className={styles.skip} href="#main">
        {t("nav.skip")}
      </a>
      <header className={styles.header}>
        <Text className={styles.brand}>{t("app.name")}</Text>
        <HeaderControls preferences={preferences} />
      </header>
      <nav className={styles.nav} aria-label={t("nav.label")}>
        <ul className={styles.navList}>
          {entries.map((entry) => {
            const current = route.view === entry.view;
            const path = entry.view === "overview" ? "/" : `/${entry.view}`;
            return (
              <li key={entry.view}>
                <a href={hrefOf(path)} className={mergeClasses(styles.navLink, current && styles.navCurrent)} aria-current={current ? "page" : undefined} onClick={(event) => onNavigate(event, path)}>
                  {t(entry.label)}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <main id="main" className={styles.main} tabIndex={-1}>
        {ministriesError ? <ProblemBar error={ministriesError} onRetry={session.reloadMinistries} /> : null}
        <ErrorBoundary key={route.view}>
          <Suspense fallback={<Loading />}>
            <View />
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
