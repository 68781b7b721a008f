/** The header's controls: the signed-in person, the persona switcher (local mode), language and theme (browser). */
import {
  Avatar,
  Button,
  makeStyles,
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  tokens,
  type MenuProps,
} from "@fluentui/react-components";
import type { ThemeName } from "../host/host";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/i18n";
import { LANGUAGES } from "../i18n/format";
import type { Preferences } from "./App";
import { useSession } from "./session";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  who: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  role: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap" },
});

/** Every language of the catalogue's tab, each named in itself (Intl: English, français, español, العربية, português). */
const LANGUAGE_CHOICES: { locale: string; label: string }[] = LANGUAGES.map((locale) => ({ locale, label: autonym(locale) }));

function autonym(locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return locale;
  }
}
const THEME_CHOICES: { theme: ThemeName; label: MessageKey }[] = [
  { theme: "light", label: "theme.light" },
  { theme: "dark", label: "theme.dark" },
  { theme: "contrast", label: "theme.contrast" },
];

export function HeaderControls({ preferences }: { preferences: Preferences }) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const { me, personas, personaId, switchPersona } = useSession();
  const roleText = me.roles.length ? me.roles.map((role) => t(`role.${role}`)).join(", ") : me.ministries.length ? t("role.focalPoint") : t("role.none");

  const onPersona: MenuProps["onCheckedValueChange"] = (_, { checkedItems }) => {
    const id = checkedItems[0];
    if (id && switchPersona) switchPersona(id);
  };
  const onPreferences: MenuProps["onCheckedValueChange"] = (_, { name, checkedItems }) => {
    const value = checkedItems[0];
    if (!value) return;
    if (name === "language") preferences.setLocale?.(value);
    if (name === "theme") preferences.setTheme?.(value as ThemeName);
  };

  const groups = personas && [
    { label: "persona.group.secretariat" as const, items: personas.filter((p) => p.roles.includes("Secretariat")) },
    { label: "persona.group.chair" as const, items: personas.filter((p) => p.roles.includes("Chair")) },
    { label: "persona.group.observers" as const, items: personas.filter((p) => p.roles.includes("Observer") || p.roles.includes("Admin")) },
    { label: "persona.group.focalPoints" as const, items: personas.filter((p) => p.roles.length === 0) },
  ];

  return (
    <div className={styles.root}>
      {preferences.setLocale && (
        <Menu checkedValues={{ language: [language], theme: [preferences.theme] }} onCheckedValueChange={onPreferences}>
          <MenuTrigger disableButtonEnhancement>
            <Button appearance="subtle">{t("preferences.button")}</Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuGroup>
                <MenuGroupHeader>{t("preferences.language")}</MenuGroupHeader>
                {LANGUAGE_CHOICES.map((choice) => (
                  <MenuItemRadio key={choice.locale} name="language" value={choice.locale} lang={choice.locale}>
                    {choice.label}
                  </MenuItemRadio>
                ))}
              </MenuGroup>
              <MenuDivider />
              <MenuGroup>
                <MenuGroupHeader>{t("preferences.theme")}</MenuGroupHeader>
                {THEME_CHOICES.map((choice) => (
                  <MenuItemRadio key={choice.theme} name="theme" value={choice.theme}>
                    {t(choice.label)}
                  </MenuItemRadio>
                ))}
              </MenuGroup>
            </MenuList>
          </MenuPopover>
        </Menu>
      )}
      {groups && switchPersona ? (
        <Menu checkedValues={{ persona: personaId ? [personaId] : [] }} onCheckedValueChange={onPersona}>
          <MenuTrigger disableButtonEnhancement>
            <Button appearance="subtle" icon={<Avatar name={me.displayName} size={24} aria-hidden="true" />}>
              <span className={styles.who}>
                <Text>{me.displayName}</Text>
                <Text className={styles.role}>{roleText}</Text>
                <span className={styles.hidden}>{t("persona.switch")}</span>
              </span>
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {groups.map((group) =>
                group.items.length ? (
                  <MenuGroup key={group.label}>
                    <MenuGroupHeader>{t(group.label)}</MenuGroupHeader>
                    {group.items.map((persona) => (
                      <MenuItemRadio key={persona.id} name="persona" value={persona.id} secondaryContent={persona.description}>
                        {persona.displayName}
                      </MenuItemRadio>
                    ))}
                  </MenuGroup>
                ) : null,
              )}
            </MenuList>
          </MenuPopover>
        </Menu>
      ) : (
        <span className={styles.who}>
          <Avatar name={me.displayName} size={24} aria-hidden="true" />
          <Text>{me.displayName}</Text>
          <Text className={styles.role}>{roleText}</Text>
        </span>
      )}
    </div>
  );
}
