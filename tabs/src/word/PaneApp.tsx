/**
 * The Word task pane's root: Word's language (right to left in Arabic) and theme, the sign-in
 * (nested app authentication in a tenant; in local mode a persona of the demo, as the tab does),
 * then the pane for the document open.
 */
import { Dropdown, FluentProvider, makeStyles, Option, Text, Title2, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { PersonaDto, PublicConfigDto } from "../../../core/api";
import { HttpApi, type Api } from "../api/client";
import { useResource } from "../api/use-resource";
import { Loading } from "../components/Loading";
import { ProblemBar } from "../components/ProblemBar";
import type { ThemeName } from "../host/host";
import { I18nProvider, useI18n } from "../i18n/i18n";
import { PersonaPicker } from "../shell/PersonaPicker";
import { localTokens, PERSONA_STORAGE_KEY } from "../shell/session";
import { loadedTheme } from "../shell/themes";
import { DraftPane } from "./DraftPane";
import { paneQueryOf } from "./draft-query";
import { nestedAppTokens } from "./naa";
import type { OpenDocument } from "./office";

const useStyles = makeStyles({
  top: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, paddingBlockEnd: 0 },
  page: { padding: tokens.spacingHorizontalM },
});

const anonymous = new HttpApi({ token: async () => undefined });

export function PaneApp({ document, locale, theme }: { document: OpenDocument | undefined; locale: string; theme: ThemeName }) {
  return (
    <I18nProvider locale={locale}>
      <Themed theme={theme}>
        <PaneSignIn document={document} />
      </Themed>
    </I18nProvider>
  );
}

function Themed({ theme, children }: { theme: ThemeName; children: React.ReactNode }) {
  const { dir, locale } = useI18n();
  useEffect(() => {
    window.document.documentElement.lang = locale;
    window.document.documentElement.dir = dir;
    window.document.documentElement.style.colorScheme = theme === "light" ? "light" : "dark";
  }, [dir, locale, theme]);
  return (
    <FluentProvider theme={loadedTheme(theme)} dir={dir} style={{ minHeight: "100vh" }}>
      {children}
    </FluentProvider>
  );
}

function initialPersona(): string | undefined {
  return new URLSearchParams(window.location.search).get("persona") ?? window.localStorage.getItem(PERSONA_STORAGE_KEY) ?? undefined;
}

function PaneSignIn({ document }: { document: OpenDocument | undefined }) {
  const { t } = useI18n();
  const styles = useStyles();
  const config = useResource<PublicConfigDto>((signal) => anonymous.call("config", { signal }), []);
  const local = config.data?.signIn.kind === "local" ? config.data.signIn : undefined;
  const personas = useResource<PersonaDto[]>(local ? (signal) => anonymous.call("localPersonas", { signal }).then((r) => r.items) : undefined, [local?.personasUrl]);
  const [personaId, setPersonaId] = useState(initialPersona);
  const choose = useCallback((id: string) => {
    window.localStorage.setItem(PERSONA_STORAGE_KEY, id);
    setPersonaId(id);
  }, []);
  const api: Api | undefined = useMemo(() => {
    const signIn = config.data?.signIn;
    if (!signIn) return undefined;
    if (signIn.kind === "entra") return new HttpApi(nestedAppTokens(signIn));
    return personaId ? new HttpApi(localTokens(signIn.tokenUrl, personaId)) : undefined;
  }, [config.data, personaId]);
  const query = useMemo(() => document && paneQueryOf(document), [document]);
  const openHref = useCallback((draft: { draftId: string; webUrl: string }) => (local ? `/word/local.html?draftId=${encodeURIComponent(draft.draftId)}` : draft.webUrl), [local]);

  if (!document) {
    return (
      <main className={styles.page}>
        <Title2 as="h1">{t("word.title")}</Title2>
        <Text as="p">{t("word.notInWord")}</Text>
      </main>
    );
  }
  if (config.error) return <ProblemBar error={config.error} onRetry={config.reload} />;
  if (!config.data) return <Loading label={t("signIn.connecting")} />;
  if (local && !api) {
    if (personas.error) return <ProblemBar error={personas.error} onRetry={personas.reload} />;
    return personas.data ? <PersonaPicker personas={personas.data} onChoose={choose} /> : <Loading label={t("signIn.connecting")} />;
  }
  if (!api) return <Loading label={t("signIn.signingIn")} />;
  return (
    <main>
      {local && personas.data && (
        <div className={styles.top}>
          <Dropdown
            aria-label={t("word.signedInAs")}
            value={personas.data.find((p) => p.id === personaId)?.displayName ?? ""}
            selectedOptions={personaId ? [personaId] : []}
            onOptionSelect={(_, d) => d.optionValue && choose(d.optionValue)}
          >
            {personas.data.map((p) => (
              <Option key={p.id} value={p.id}>
                {p.displayName}
              </Option>
            ))}
          </Dropdown>
        </div>
      )}
      <DraftPane key={personaId ?? "entra"} api={api} query={query} openHref={openHref} />
    </main>
  );
}
