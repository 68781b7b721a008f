/**
 * Local mode's stand-in for Word (/word/local.html?draftId=): the draft's own file (its name,
 * version and document properties, read from the .docx by the server), a download of it, and
 * the Review draft pane beside it, loaded as Word loads it, with the stand-in for Office.js.
 */
import { Body1, Button, FluentProvider, makeStyles, Subtitle2, Table, TableBody, TableCell, TableRow, Text, Title2, tokens } from "@fluentui/react-components";
import { useEffect, useMemo } from "react";
import type { LocalWordDocumentDto } from "../../../core/api/word";
import { HttpApi } from "../api/client";
import { useAction, useResource } from "../api/use-resource";
import { Loading } from "../components/Loading";
import { ProblemBar } from "../components/ProblemBar";
import type { ThemeName } from "../host/host";
import { I18nProvider, useI18n } from "../i18n/i18n";
import { localTokens, PERSONA_STORAGE_KEY } from "../shell/session";
import { loadedTheme } from "../shell/themes";
import { downloadDraftFile } from "./open-in-word";

const useStyles = makeStyles({
  page: { display: "flex", flexWrap: "wrap", minHeight: "100vh" },
  document: { flex: "1 1 420px", padding: tokens.spacingHorizontalXXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, backgroundColor: tokens.colorNeutralBackground2 },
  pane: { flex: "0 0 380px", maxWidth: "100%", minHeight: "100vh", borderTopStyle: "none", borderBottomStyle: "none", borderInlineEndStyle: "none", borderInlineStartStyle: "solid", borderInlineStartWidth: "1px", borderInlineStartColor: tokens.colorNeutralStroke2, backgroundColor: tokens.colorNeutralBackground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

const anonymous = new HttpApi({ token: async () => undefined });

export function LocalWordApp({ locale, theme }: { locale: string; theme: ThemeName }) {
  return (
    <I18nProvider locale={locale}>
      <Themed theme={theme}>
        <LocalWord theme={theme} />
      </Themed>
    </I18nProvider>
  );
}

function Themed({ theme, children }: { theme: ThemeName; children: React.ReactNode }) {
  const { dir, locale } = useI18n();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = dir;
  }, [dir, locale]);
  return (
    <FluentProvider theme={loadedTheme(theme)} dir={dir}>
      {children}
    </FluentProvider>
  );
}

function LocalWord({ theme }: { theme: ThemeName }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const search = new URLSearchParams(window.location.search);
  const draftId = search.get("draftId") ?? undefined;
  const persona = search.get("persona") ?? window.localStorage.getItem(PERSONA_STORAGE_KEY) ?? undefined;
  const file = useResource<LocalWordDocumentDto>(draftId ? (signal) => anonymous.call("localWordDocument", { query: { draftId }, signal }) : undefined, [draftId]);
  const api = useMemo(() => (persona ? new HttpApi(localTokens("/local-auth/token", persona)) : undefined), [persona]);
  const download = useAction(async () => api && file.data && draftId && downloadDraftFile(api, draftId, file.data.fileName));
  const paneUrl = draftId ? `/word/pane.html?${new URLSearchParams({ draftId, lang: locale, theme, ...(persona ? { persona } : {}) }).toString()}` : undefined;

  return (
    <div className={styles.page}>
      <main className={styles.document}>
        <Title2 as="h1">{t("word.local.title")}</Title2>
        <Body1>{t("word.local.explanation")}</Body1>
        {!draftId && <Text>{t("word.local.noDraft")}</Text>}
        <ProblemBar error={file.error} onRetry={file.reload} />
        {draftId && !file.data && !file.error && <Loading />}
        {file.data && (
          <>
            <Subtitle2 as="h2">
              <bdi>{file.data.fileName}</bdi>
            </Subtitle2>
            <Text className={styles.muted}>{t("word.fileVersionOpen", { version: file.data.fileVersion })}</Text>
            <div>
              <Button appearance="primary" onClick={() => void download.run()} disabled={!api || download.busy}>
                {t("word.local.download")}
              </Button>
            </div>
            <ProblemBar error={download.error} />
            <Subtitle2 as="h2">{t("word.local.properties")}</Subtitle2>
            <Table size="small" aria-label={t("word.local.properties")}>
              <TableBody>
                {Object.entries(file.data.properties).map(([name, value]) => (
                  <TableRow key={name}>
                    <TableCell>
                      <bdi>{name}</bdi>
                    </TableCell>
                    <TableCell>
                      <bdi>{value}</bdi>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </main>
      {paneUrl && <iframe className={styles.pane} src={paneUrl} title={t("word.local.pane")} />}
    </div>
  );
}
