/**
 * Consultations with the national human rights institution, civil society, parliament and
 * others: who, on what, when and how, and whether they take comments now; each opens what it
 * shares for comment and the comments of the observers it invites.
 */
import { Link, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3, tokens } from "@fluentui/react-components";
import { Loading } from "../../components/Loading";
import { PageHeader } from "../../components/PageHeader";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { hrefOf, navigate, useRoute } from "../../shell/router";
import { CommentWindowBadge, useConsultationDates } from "./CommentWindowBadge";
import ConsultationDetail from "./ConsultationDetail";
import { useConsultations } from "./use-consultations";

const useStyles = makeStyles({
  section: { marginBlockEnd: tokens.spacingVerticalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  wide: { overflowX: "auto" },
});

export default function ConsultationsView() {
  const route = useRoute();
  if (route.id) return <ConsultationDetail consultationId={route.id} />;
  return <ConsultationsList />;
}

function ConsultationsList() {
  const styles = useStyles();
  const { t, number } = useI18n();
  const consultations = useConsultations();
  const datesOf = useConsultationDates();
  return (
    <>
      <PageHeader title={t("consultations.title")} description={t("consultations.description")} />
      <section className={styles.section} aria-labelledby="consultations-heading">
        <Title3 as="h2" id="consultations-heading">
          {t("consultations.listHeading")}
        </Title3>
        {consultations.error !== undefined && <ProblemBar error={consultations.error} onRetry={consultations.reload} />}
        {consultations.loading && !consultations.data && <Loading />}
        {consultations.data && consultations.data.length === 0 && <Text>{t("consultations.none")}</Text>}
        {consultations.data && consultations.data.length > 0 && (
          <div className={styles.wide}>
            <Table aria-labelledby="consultations-heading">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t("consultations.col.stakeholder")}</TableHeaderCell>
                  <TableHeaderCell>{t("consultations.col.kind")}</TableHeaderCell>
                  <TableHeaderCell>{t("consultations.col.subject")}</TableHeaderCell>
                  <TableHeaderCell>{t("consultations.col.dates")}</TableHeaderCell>
                  <TableHeaderCell>{t("consultations.col.format")}</TableHeaderCell>
                  <TableHeaderCell>{t("consultations.col.participants")}</TableHeaderCell>
                  <TableHeaderCell>{t("consultations.col.comments")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {consultations.data.map((consultation) => (
                  <TableRow key={consultation.id}>
                    <TableCell>
                      <Link
                        href={hrefOf(`/consultations/${consultation.id}`)}
                        onClick={(event) => {
                          event.preventDefault();
                          navigate(`/consultations/${consultation.id}`);
                        }}
                      >
                        <bdi>{consultation.stakeholder}</bdi>
                      </Link>
                    </TableCell>
                    <TableCell>{t(`consultations.kind.${consultation.kind}`)}</TableCell>
                    <TableCell>
                      <bdi>{consultation.subject}</bdi>
                    </TableCell>
                    <TableCell>{datesOf(consultation)}</TableCell>
                    <TableCell>{consultation.format ? t(`consultations.format.${consultation.format}`) : "—"}</TableCell>
                    <TableCell>{consultation.participants !== undefined ? number(consultation.participants) : "—"}</TableCell>
                    <TableCell>
                      <CommentWindowBadge consultation={consultation} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
    </>
  );
}
