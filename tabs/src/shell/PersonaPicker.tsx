/** Local mode: the demo's personas, to sign in as one of them (loaded only when shown). */
import { Body1, Button, Card, CardHeader, makeStyles, Text, Title2, tokens } from "@fluentui/react-components";
import type { PersonaDto } from "../../../core/api";
import { useI18n } from "../i18n/i18n";

const useStyles = makeStyles({
  page: { maxWidth: "880px", marginInline: "auto", padding: tokens.spacingHorizontalXXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(240px, 1fr))", gap: tokens.spacingHorizontalM, listStyleType: "none", padding: 0, margin: 0 },
  card: { height: "100%" },
  description: { color: tokens.colorNeutralForeground3 },
});

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
