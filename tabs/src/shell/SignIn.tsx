/**
 * Signs the person in before the shell shows: Teams SSO in a host; in local mode, a persona of
 * the demo (chosen here, or remembered, or named in the URL as `?persona=`).
 */
import { Body1, Button, Card, CardHeader, makeStyles, Text, Title2, tokens } from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import type { MeDto, MinistryWithFocalPointsDto, PersonaDto, PublicConfigDto } from "../../../core/api";
import { takeBoot } from "../api/boot";
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
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(240px, 1fr))", gap: tokens.spacingHorizontalM, listStyleType: "none", padding: 0, margin: 0 },
  card: { height: "100%" },
  description: { color: tokens.colorNeutralForeground3 },
});

const anonymous = new HttpApi({ token: async () => undefined });

function initialPersona(): string | undefined {
  const fromUrl = new URLSearchParams(window.location.search).get("persona");
  return fromUrl ?? window.localStorage.getItem(PERSONA_STORAGE_KEY) ?? undefined;
}

export function SignIn({ host, preferences }: { host: Host; preferences: Preferences }) {
  const { t } = useI18n();
  const config = useResource((signal) => takeBoot("config") ?? anonymous.call("config", { signal }), []);
  const local = config.data?.signIn.kind === "local" ? config.data.signIn : undefined;
  const personas = useResource(local ? (signal) => anonymous.call("localPersonas", { signal }).then((r) => r.items) : undefined, [local?.personasUrl]);
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
  const me = useResource<MeDto>((signal) => takeBoot("me", personaId) ?? api.call("me", { signal }), [api]);
  const ministries = useResource<MinistryWithFocalPointsDto[]>((signal) => api.call("listMinistries", { signal }).then((r) => r.items), [api]);
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

export function PersonaPicker({ personas, onChoose }: { personas: PersonaDto[]; onChoose(id: string): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <main className={styles.page}>
      <Title2 as="h1">{t("signIn.title")}</Title2>
      <Body1>{t("signIn.localExplanation")}</Body1>
      <ul className={styles.grid} aria-label={t("signIn.personas")}>
        {personas.map((persona) => (
          <li key={persona.id}>
            <Card className={styles.card}>
              <CardHeader header={<Text weight="semibold">{persona.displayName}</Text>} description={<Text className={styles.description}>{persona.description}</Text>} />
              <Button appearance="primary" onClick={() => onChoose(persona.id)} aria-label={t("signIn.signInAs", { name: persona.displayName })}>
                {t("signIn.signIn")}
              </Button>
            </Card>
          </li>
        ))}
      </ul>
    </main>
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
