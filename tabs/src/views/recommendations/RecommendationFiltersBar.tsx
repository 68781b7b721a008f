/** Search and the grid's filters: mechanism, cycle, theme, SDG, position, lead ministry, status. */
import { Button, Dropdown, Field, makeStyles, mergeClasses, Option, SearchBox, Switch, tokens } from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import { useI18n } from "../../i18n/i18n";
import { MECHANISM_CODES, POSITION_CODES, SDG_NUMBERS, STATUS_CODES } from "../../taxonomy";
import { activeFilterCount, NO_FILTERS, type RecommendationFilters } from "./filter";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "flex-end", marginBlockEnd: tokens.spacingVerticalM },
  search: { minWidth: "min(260px, 100%)", flexGrow: 1 },
  dropdown: { minWidth: "150px", maxWidth: "220px", "@media (max-width: 720px)": { minWidth: 0, maxWidth: "100%", width: "100%" } },
  // On a phone or in the meeting side panel the filters fold behind one button, so the grid's first row stays in sight.
  filters: { display: "contents", "@media (max-width: 720px)": { display: "none" } },
  filtersOpen: { "@media (max-width: 720px)": { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalS, width: "100%" } },
  toggle: { display: "none", "@media (max-width: 720px)": { display: "inline-flex" } },
});

export interface FiltersBarProps {
  filters: RecommendationFilters;
  onChange(filters: RecommendationFilters): void;
  cycles: number[];
  /** The sessions present in the list (none: the filter is not shown). */
  sessions?: number[];
  themes: string[];
  ministries: { id: string; name: string }[];
  /** For focal points: only their ministry's recommendations. */
  mine?: { on: boolean; toggle(on: boolean): void };
}

const ANY = "__any__";

function FilterDropdown({ label, value, display, onSelect, children, className }: { label: string; value: string | undefined; display?: string; onSelect(value: string | undefined): void; children: ReactNode; className: string }) {
  const { t } = useI18n();
  return (
    <Field label={label} className={className}>
      <Dropdown
        value={value === undefined ? t("filter.any") : (display ?? value)}
        selectedOptions={[value === undefined ? ANY : value]}
        onOptionSelect={(_, data) => onSelect(data.optionValue === ANY ? undefined : data.optionValue)}
        className={className}
      >
        <Option value={ANY}>{t("filter.any")}</Option>
        {children}
      </Dropdown>
    </Field>
  );
}

export function RecommendationFiltersBar({ filters, onChange, cycles, sessions = [], themes, ministries, mine }: FiltersBarProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const set = (patch: Partial<RecommendationFilters>) => onChange({ ...filters, ...patch });
  const ministryLabel = (id: string | undefined) => (id === "none" ? t("grid.noLead") : ministries.find((m) => m.id === id)?.name);
  const [open, setOpen] = useState(false);
  const active = activeFilterCount({ ...filters, q: "" });
  return (
    <div className={styles.root} role="search" aria-label={t("filter.label")}>
      <Field label={t("filter.search")} className={styles.search}>
        <SearchBox value={filters.q} onChange={(_, data) => set({ q: data.value })} placeholder={t("filter.searchPlaceholder")} />
      </Field>
      <Button className={styles.toggle} aria-expanded={open} aria-controls="grid-filters" onClick={() => setOpen((o) => !o)}>
        {active ? t("filter.toggleCount", { count: active }) : t("filter.toggle")}
      </Button>
      <div id="grid-filters" className={mergeClasses(styles.filters, open && styles.filtersOpen)}>
      <FilterDropdown className={styles.dropdown} label={t("grid.mechanism")} value={filters.mechanism} display={filters.mechanism && t(`mechanism.${filters.mechanism}`)} onSelect={(v) => set({ mechanism: v as RecommendationFilters["mechanism"] })}>
        {MECHANISM_CODES.map((code) => (
          <Option key={code} value={code} text={t(`mechanism.${code}`)}>
            {t(`mechanism.${code}`)}
          </Option>
        ))}
      </FilterDropdown>
      <Field label={t("grid.cycle")} className={styles.dropdown}>
        <Dropdown
          value={filters.cycle === undefined ? t("filter.any") : String(filters.cycle)}
          selectedOptions={[filters.cycle === undefined ? ANY : String(filters.cycle)]}
          onOptionSelect={(_, data) => set({ cycle: data.optionValue === ANY || !data.optionValue ? undefined : Number(data.optionValue) })}
          className={styles.dropdown}
        >
          <Option value={ANY}>{t("filter.any")}</Option>
          {cycles.map((cycle) => (
            <Option key={cycle} value={String(cycle)}>
              {String(cycle)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {sessions.length > 0 && (
        <Field label={t("filter.session")} className={styles.dropdown}>
          <Dropdown
            value={filters.session === undefined ? t("filter.any") : String(filters.session)}
            selectedOptions={[filters.session === undefined ? ANY : String(filters.session)]}
            onOptionSelect={(_, data) => set({ session: data.optionValue === ANY || !data.optionValue ? undefined : Number(data.optionValue) })}
            className={styles.dropdown}
          >
            <Option value={ANY}>{t("filter.any")}</Option>
            {sessions.map((session) => (
              <Option key={session} value={String(session)}>
                {String(session)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <FilterDropdown className={styles.dropdown} label={t("filter.theme")} value={filters.theme} onSelect={(v) => set({ theme: v })}>
        {themes.map((theme) => (
          <Option key={theme} value={theme}>
            {theme}
          </Option>
        ))}
      </FilterDropdown>
      <Field label={t("filter.sdg")} className={styles.dropdown}>
        <Dropdown
          value={filters.sdg === undefined ? t("filter.any") : `${filters.sdg} · ${t(`sdg.${filters.sdg}` as "sdg.1")}`}
          selectedOptions={[filters.sdg === undefined ? ANY : String(filters.sdg)]}
          onOptionSelect={(_, data) => set({ sdg: data.optionValue === ANY || !data.optionValue ? undefined : Number(data.optionValue) })}
          className={styles.dropdown}
        >
          <Option value={ANY}>{t("filter.any")}</Option>
          {SDG_NUMBERS.map((goal) => (
            <Option key={goal} value={String(goal)} text={`${goal} · ${t(`sdg.${goal}`)}`}>
              {`${goal} · ${t(`sdg.${goal}`)}`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <FilterDropdown className={styles.dropdown} label={t("grid.position")} value={filters.position} display={filters.position && t(`position.${filters.position}`)} onSelect={(v) => set({ position: v as RecommendationFilters["position"] })}>
        {POSITION_CODES.map((code) => (
          <Option key={code} value={code} text={t(`position.${code}`)}>
            {t(`position.${code}`)}
          </Option>
        ))}
      </FilterDropdown>
      <Field label={t("grid.lead")} className={styles.dropdown}>
        <Dropdown
          value={filters.leadMinistryId ? (ministryLabel(filters.leadMinistryId) ?? "") : t("filter.any")}
          selectedOptions={[filters.leadMinistryId ?? ANY]}
          onOptionSelect={(_, data) => set({ leadMinistryId: data.optionValue === ANY ? undefined : data.optionValue })}
          className={styles.dropdown}
        >
          <Option value={ANY}>{t("filter.any")}</Option>
          <Option value="none">{t("grid.noLead")}</Option>
          {ministries.map((m) => (
            <Option key={m.id} value={m.id}>
              {m.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("grid.status")} className={styles.dropdown}>
        <Dropdown
          value={filters.status ? t(`status.${filters.status}`) : t("filter.any")}
          selectedOptions={[filters.status ?? ANY]}
          onOptionSelect={(_, data) => set({ status: data.optionValue === ANY ? undefined : (data.optionValue as RecommendationFilters["status"]) })}
          className={styles.dropdown}
        >
          <Option value={ANY}>{t("filter.any")}</Option>
          {STATUS_CODES.map((code) => (
            <Option key={code} value={code} text={t(`status.${code}`)}>
              {t(`status.${code}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      </div>
      {mine && <Switch checked={mine.on} onChange={(_, data) => mine.toggle(data.checked)} label={t("filter.mine")} />}
      {activeFilterCount(filters) > 0 && (
        <Button appearance="subtle" onClick={() => onChange({ ...NO_FILTERS, ministryIds: filters.ministryIds })}>
          {t("filter.clear")}
        </Button>
      )}
    </div>
  );
}
