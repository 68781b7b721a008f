/**
 * Ministries and their focal points: two per ministry (technical, senior). The secretariat adds
 * ministries and re-nominates focal points; the previous nomination ends and stays in the
 * history with what that person answered.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Dropdown, Field, Input, makeStyles, Option, Radio, RadioGroup, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from "@fluentui/react-components";
import type { FocalPointDto, MinistryWithFocalPointsDto } from "../../../../core/api";
import type { FocalPointRole } from "../../../../core/ministries/focal-point";
import { Loading } from "../../components/Loading";
import { PageHeader } from "../../components/PageHeader";
import { FormDialog } from "../../components/FormDialog";
import { issueFor, ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { useMinistriesView, useNewMinistry, useNomination, useNominationHistory } from "./use-ministries-view";

const useStyles = makeStyles({
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  history: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export default function MinistriesView() {
  const styles = useStyles();
  const { t } = useI18n();
  const { me, list, nominating, setNominating, history, setHistory, adding, setAdding, changed } = useMinistriesView();
  const person = (people: FocalPointDto[]) =>
    people.length === 0 ? (
      <Text className={styles.muted}>{t("ministries.vacant")}</Text>
    ) : (
      people.map((p) => (
        <div key={p.id}>
          <Text>{p.displayName}</Text>
          <div className={styles.muted}>{p.email}</div>
        </div>
      ))
    );
  return (
    <>
      <PageHeader
        title={t("ministries.title")}
        description={t("ministries.description")}
        actions={me.can.editLists && <Button appearance="primary" onClick={() => setAdding(true)}>{t("ministries.add")}</Button>}
      />
      <ProblemBar error={list.error} onRetry={list.reload} />
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <Table className={styles.table} aria-label={t("ministries.title")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("ministries.ministry")}</TableHeaderCell>
              <TableHeaderCell>{t("ministries.technical")}</TableHeaderCell>
              <TableHeaderCell>{t("ministries.senior")}</TableHeaderCell>
              <TableHeaderCell>{t("ministries.actions")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {[...list.data]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((m) => (
                <TableRow key={m.id}>
                  <TableCell>
                    <Text weight="semibold">{m.name}</Text> {m.acronym && <Text className={styles.muted}>({m.acronym})</Text>}
                    {!m.active && <div className={styles.muted}>{t("ministries.inactive")}</div>}
                  </TableCell>
                  <TableCell>{person(m.focalPoints.technical)}</TableCell>
                  <TableCell>{person(m.focalPoints.senior)}</TableCell>
                  <TableCell>
                    <div className={styles.actions}>
                      {me.can.editLists && (
                        <>
                          <Button size="small" onClick={() => setNominating({ ministry: m, role: "technical" })} aria-label={t("ministries.actionFor", { action: t("ministries.nominateTechnical"), ministry: m.name })}>
                            {t("ministries.nominateTechnical")}
                          </Button>
                          <Button size="small" onClick={() => setNominating({ ministry: m, role: "senior" })} aria-label={t("ministries.actionFor", { action: t("ministries.nominateSenior"), ministry: m.name })}>
                            {t("ministries.nominateSenior")}
                          </Button>
                        </>
                      )}
                      <Button size="small" appearance="subtle" onClick={() => setHistory(m)} aria-label={t("ministries.actionFor", { action: t("ministries.history"), ministry: m.name })}>
                        {t("ministries.history")}
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
              ))}
          </TableBody>
        </Table>
      )}
      {nominating && (
        <NominateDialog
          ministry={nominating.ministry}
          role={nominating.role}
          onClose={() => setNominating(undefined)}
          onDone={() => {
            setNominating(undefined);
            changed();
          }}
        />
      )}
      {history && <HistoryDialog ministry={history} onClose={() => setHistory(undefined)} />}
      {adding && (
        <AddMinistryDialog
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            changed();
          }}
        />
      )}
    </>
  );
}

function NominateDialog({ ministry, role: initialRole, onClose, onDone }: { ministry: MinistryWithFocalPointsDto; role: FocalPointRole; onClose(): void; onDone(): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { personas, role, setRole, userId, setUserId, displayName, setDisplayName, email, setEmail, nominate, current } = useNomination(ministry, initialRole, onDone);
  return (
    <FormDialog
      title={t("ministries.nominateTitle", { ministry: ministry.name })}
      action={nominate}
      canSubmit={Boolean(userId.trim() && displayName.trim() && email.trim())}
      submitLabel={t("ministries.nominate")}
      onClose={onClose}
      contentClassName={styles.content}
    >
      <Field label={t("ministries.role")}>
        <RadioGroup layout="horizontal" value={role} onChange={(_, d) => setRole(d.value as FocalPointRole)}>
          <Radio value="technical" label={t("ministries.technical")} />
          <Radio value="senior" label={t("ministries.senior")} />
        </RadioGroup>
      </Field>
      {current.length > 0 && <Text>{t("ministries.replaces", { names: current.map((p) => p.displayName).join(", ") })}</Text>}
      {personas && (
        <Field label={t("ministries.pickPersona")} hint={t("ministries.pickPersonaHint")}>
          <Dropdown
            placeholder={t("bulk.choose")}
            onOptionSelect={(_, d) => {
              const persona = personas.find((p) => p.id === d.optionValue);
              if (!persona) return;
              setUserId(persona.id);
              setDisplayName(persona.displayName);
              setEmail(persona.email);
            }}
          >
            {personas.map((p) => (
              <Option key={p.id} value={p.id} text={p.displayName}>
                {`${p.displayName} — ${p.description}`}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <Field label={t("ministries.name")} required validationMessage={issueFor(nominate.error, "displayName")}>
        <Input value={displayName} onChange={(_, d) => setDisplayName(d.value)} />
      </Field>
      <Field label={t("ministries.email")} required validationMessage={issueFor(nominate.error, "email")}>
        <Input type="email" value={email} onChange={(_, d) => setEmail(d.value)} />
      </Field>
      <Field label={t("ministries.userId")} required hint={t("ministries.userIdHint")} validationMessage={issueFor(nominate.error, "userId")}>
        <Input value={userId} onChange={(_, d) => setUserId(d.value)} />
      </Field>
    </FormDialog>
  );
}

function HistoryDialog({ ministry, onClose }: { ministry: MinistryWithFocalPointsDto; onClose(): void }) {
  const styles = useStyles();
  const { t, dateTime } = useI18n();
  const history = useNominationHistory(ministry);
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("ministries.historyTitle", { ministry: ministry.name })}</DialogTitle>
          <DialogContent>
            <ProblemBar error={history.error} onRetry={history.reload} />
            {!history.data && !history.error && <Loading />}
            <ul className={styles.history}>
              {[...(history.data ?? [])]
                .sort((a, b) => b.activeFrom.localeCompare(a.activeFrom))
                .map((p) => (
                  <li key={p.id}>
                    <Text weight="semibold">{p.displayName}</Text> <Text>· {t(p.role === "technical" ? "ministries.technical" : "ministries.senior")}</Text>
                    <div className={styles.muted}>
                      {p.active ? t("ministries.since", { from: dateTime(p.activeFrom) }) : t("ministries.between", { from: dateTime(p.activeFrom), until: dateTime(p.activeUntil) })}
                    </div>
                  </li>
                ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t("action.close")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function AddMinistryDialog({ onClose, onDone }: { onClose(): void; onDone(): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { name, setName, acronym, setAcronym, email, setEmail, add } = useNewMinistry(onDone);
  return (
    <FormDialog
      title={t("ministries.add")}
      action={add}
      canSubmit={Boolean(name.trim())}
      submitLabel={t("ministries.add")}
      onClose={onClose}
      contentClassName={styles.content}
    >
      <Field label={t("ministries.name")} required validationMessage={issueFor(add.error, "name")}>
        <Input value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Field label={t("ministries.acronym")}>
        <Input value={acronym} onChange={(_, d) => setAcronym(d.value)} />
      </Field>
      <Field label={t("ministries.sharedMailbox")} validationMessage={issueFor(add.error, "email")}>
        <Input type="email" value={email} onChange={(_, d) => setEmail(d.value)} />
      </Field>
    </FormDialog>
  );
}
