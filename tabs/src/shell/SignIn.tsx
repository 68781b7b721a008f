/**
 * Signs the person in before the shell shows: Teams SSO in a host; in local mode, a persona of
 * the demo (chosen here, or remembered, or named in the URL as `?persona=`).
 */
import { Body1, makeStyles, Title2, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useMemo, useState } from "react";
import type { MeDto, MinistryWithFocalPointsDto, PersonaDto, PublicConfigDto } from "../../../core/api";
import { takeBoot, takeSettledBoot } from "../api/boot";
import { HttpApi, type Api } from "../api/client";
import { useResource } from "../api/use-resource";
import { Loading } from "../components/Loading";
import { ProblemBar } from "../components/ProblemBar";
import type { Host } from "../host/host";
import { useI18n } from "../i18n/i18n";
import type { Preferences } from "./App";
import { actorOf, hostTokens, localTokens, PERSONA_STORAGE_KEY, SessionProvider, type Session } from "./session";
import { Shell } from "./Shell";

const useStyles = makeStyles({
  page: { maxWidth: "880px", marginInline: "auto", padding: tokens.spacingHorizontalXXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

// The persona picker shows only before a persona is chosen (local mode): its code loads then.
const LazyPersonaPicker = lazy(() => import("./PersonaPicker").then((module) => ({ default: module.PersonaPicker })));

function PersonaPicker(props: { personas: PersonaDto[]; onChoose(id: string): void }) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Loading label={t("signIn.connecting")} />}>
      <LazyPersonaPicker {...props} />
    </Suspense>
  );
}

const anonymous = new HttpApi({ token: async () => undefined });

function initialPersona(): string | undefined {
  const fromUrl = new URLSearchParams(window.location.search).get("persona");
  return fromUrl ?? window.localStorage.getItem(PERSONA_STORAGE_KEY) ?? undefined;
}

export function SignIn({ host, preferences }: { host: Host; preferences: Preferences }) {
  const { t } = useI18n();
  const config = useResource((signal) => takeBoot("config") ?? anonymous.call("config", { signal }), [], () => takeSettledBoot("config"));
  const local = config.data?.signIn.kind === "local" ? config.data.signIn : undefined;
  const personas = useResource(
    local ? (signal) => (takeBoot("personas") ?? anonymous.call("localPersonas", { signal })).then((r) => r.items) : undefined,
    [local?.personasUrl],
    () => takeSettledBoot("personas")?.items,
  );
  const [personaId, setPersonaId] = useState(initialPersona);

  const choose = useCallback((id: string) => {
    window.localStorage.setItem(PERSONA_STORAGE_KEY, id);
    const url = new URL(window.location.href);
    if (url.searchParams.has("persona")) {
      url.searchParams.set("persona", id);
      window.history.replaceState(null, "", url);
    }
    setPersonaId(id);
  }, []);

  const api = useMemo(() => {
    if (!config.data) return undefined;
    if (config.data.signIn.kind === "entra") return host.getAuthToken ? new HttpApi(hostTokens(host)) : undefined;
    return personaId ? new HttpApi(localTokens(config.data.signIn.tokenUrl, personaId, undefined, takeBoot("token", personaId))) : undefined;
  }, [config.data, host, personaId]);

  if (config.error) return <ProblemBar error={config.error} onRetry={config.reload} />;
  if (!config.data) return <Loading label={t("signIn.connecting")} />;
  if (config.data.signIn.kind === "entra") {
    if (!api) return <OpenInTeams />;
    return <Signed key="sso" config={config.data} host={host} preferences={preferences} api={api} />;
  }
  // A persona already chosen signs in at once; the list of personas (for the switcher) arrives meanwhile.
  if (personaId && api && !personas.data?.every((p) => p.id !== personaId)) {
    return <Signed key={personaId} config={config.data} host={host} preferences={preferences} api={api} personas={personas.data} personaId={personaId} switchPersona={choose} />;
  }
  if (personas.error) return <ProblemBar error={personas.error} onRetry={personas.reload} />;
  if (!personas.data) return <Loading label={t("signIn.connecting")} />;
  return <PersonaPicker personas={personas.data} onChoose={choose} />;
}

interface SignedProps {
  config: PublicConfigDto;
  host: Host;
  api: Api;
  preferences: Preferences;
  personas?: PersonaDto[];
  personaId?: string;
  switchPersona?(id: string): void;
}

function Signed({ config, host, api, preferences, personas, personaId, switchPersona }: SignedProps) {
  const { t } = useI18n();
  const me = useResource<MeDto>((signal) => takeBoot("me", personaId) ?? api.call("me", { signal }), [api], () => takeSettledBoot("me", personaId));
  const ministries = useResource<MinistryWithFocalPointsDto[]>(
    (signal) => (takeBoot("ministries", personaId) ?? api.call("listMinistries", { signal })).then((r) => r.items),
    [api],
    () => takeSettledBoot("ministries", personaId)?.items,
  );
  const byId = useMemo(() => new Map((ministries.data ?? []).map((m) => [m.id, m])), [ministries.data]);
  const session: Session | undefined = useMemo(
    () =>
      me.data && {
        api,
        me: me.data,
        actor: actorOf(me.data),
        config,
        host,
        personas,
        personaId,
        switchPersona,
        ministries: byId,
        reloadMinistries: ministries.reload,
      },
    [api, me.data, config, host, personas, personaId, switchPersona, byId, ministries.reload],
  );
  if (me.error) {
    return (
      <div style={{ padding: 24 }}>
        <ProblemBar error={me.error} onRetry={me.reload} />
        {switchPersona && personas && <PersonaPicker personas={personas} onChoose={switchPersona} />}
      </div>
    );
  }
  if (!session) return <Loading label={t("signIn.signingIn")} />;
  return (
    <SessionProvider value={session}>
      <Shell preferences={preferences} ministriesError={ministries.error} />
    </SessionProvider>
  );
}

function OpenInTeams() {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <main className={styles.page}>
      <Title2 as="h1">{t("signIn.openInTeamsTitle")}</Title2>
      <Body1>{t("signIn.openInTeams")}</Body1>
    </main>
  );
}
