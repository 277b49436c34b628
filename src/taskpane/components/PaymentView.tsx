import * as React from "react";
import {
  Badge,
  Body1,
  Body1Strong,
  Caption1,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { resultBlock } from "./blockStyles";
import { REASONS, dayToIso, toNumber, type Payment, type ScoredAssessment } from "../../engine";
import {
  PAYMENT_TEXT,
  PENALTY_NOTE,
  READING_TEXT,
  choicesText,
  penaltyLines,
} from "../../report/labels";
import { points, yuan } from "../format";
import type { Strings } from "../i18n";

export interface PaymentViewProps {
  assessment: ScoredAssessment;
  strings: Strings;
}

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalM,
  },
  heading: { margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  // One block per line: the name and its badge or amount, then the figures, wrapping between
  // figures (never inside one) so the block reads the same from 320 px up.
  item: resultBlock,
  head: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  name: { overflowWrap: "anywhere", minWidth: 0 },
  figures: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  pair: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  term: { color: tokens.colorNeutralForeground3 },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  differs: { color: tokens.colorPaletteRedForeground1 },
  nowrap: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
});

/** A label as a line of its own: the shared English labels start in lower case. */
const line = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A signed amount: "+¥1,000.00", "-¥1,000.00". */
const signedYuan = (fen: number): string => (fen < 0 ? `-${yuan(-fen)}` : `+${yuan(fen)}`);

/**
 * The rest of the signable page one (SPEC §6), as the summary sheet has it: the readings in
 * dispute (the chosen one first, flagged where the payment differs), the payment schedule with
 * due dates, and 第六条's penalties as reference rates, never as incurred.
 */
export function PaymentView({ assessment: a, strings: s }: PaymentViewProps): React.ReactElement {
  const styles = useStyles();
  const lang = s.lang;
  const chosen = a.readings[0];
  /** A label and its value, kept on one line unless the value is a sentence that must wrap. */
  const term = (
    label: string,
    value: string,
    testId?: string,
    wraps = false
  ): React.ReactElement => (
    <span className={wraps ? undefined : styles.pair} data-testid={testId}>
      <span className={styles.term}>
        {label}
        {s.colon}
      </span>
      {value}
    </span>
  );
  const dueText = (p: Payment): string =>
    p.due !== null
      ? dayToIso(p.due)
      : p.from !== null && p.uncoveredYear !== null
        ? REASONS.dueNotCovered(p.uncoveredYear)[lang]
        : s.toBeFixed;
  return (
    <>
      <section className={styles.section} data-testid="readings">
        <Subtitle2 as="h3" className={styles.heading}>
          {s.readingsHeading}
        </Subtitle2>
        <Caption1 className={styles.muted}>{s.readingsIntro}</Caption1>
        <ul className={styles.list}>
          {a.readings.map((r) => {
            const isChosen = r.reading === "chosen";
            return (
              <li
                key={r.reading}
                className={styles.item}
                data-testid={`reading-${r.reading}`}
                data-differs={r.differs ? "true" : "false"}
              >
                <div className={styles.head}>
                  {isChosen ? (
                    <Body1Strong className={styles.name}>
                      {line(READING_TEXT[r.reading][lang])}
                    </Body1Strong>
                  ) : (
                    <Body1 className={styles.name}>{line(READING_TEXT[r.reading][lang])}</Body1>
                  )}
                  <Badge
                    appearance={isChosen || r.differs ? "filled" : "outline"}
                    color={isChosen ? "brand" : r.differs ? "danger" : "informative"}
                    data-testid="reading-badge"
                  >
                    {isChosen ? s.readingChosen : r.differs ? s.readingDiffers : s.readingSame}
                  </Badge>
                </div>
                {isChosen && (
                  <Caption1 className={styles.muted}>{line(choicesText(a.profile)[lang])}</Caption1>
                )}
                <Body1 className={styles.figures}>
                  {term(
                    s.total,
                    r.reading === "unrounded-points"
                      ? toNumber(r.total).toFixed(4)
                      : points(r.totalHundredths)
                  )}
                  {term(s.tier, r.tier, "reading-tier")}
                  {term(s.tailAmount, yuan(r.tailAmountFen))}
                </Body1>
                {r.differs && (
                  <Caption1 className={styles.differs} data-testid="reading-difference">
                    {s.readingDifference(signedYuan(r.tailAmountFen - chosen.tailAmountFen))}
                  </Caption1>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section className={styles.section} data-testid="payments">
        <Subtitle2 as="h3" className={styles.heading}>
          {s.paymentsHeading}
        </Subtitle2>
        <ul className={styles.list}>
          {a.payments.map((p) => (
            <li key={p.key} className={styles.item} data-testid={`payment-${p.key}`}>
              <div className={styles.head}>
                <Body1Strong className={styles.name}>{PAYMENT_TEXT[p.key].label[lang]}</Body1Strong>
                <Body1Strong className={styles.nowrap}>
                  {p.amountFen === null ? "—" : yuan(p.amountFen)}
                </Body1Strong>
              </div>
              <Body1 className={styles.figures}>
                {term(s.paymentFrom, p.from === null ? s.toBeFixed : dayToIso(p.from))}
                {/* The uncovered-year note is a sentence: it wraps. */}
                {term(s.paymentDue, dueText(p), "payment-due", p.due === null && p.from !== null)}
              </Body1>
              <Caption1 className={styles.muted}>{PAYMENT_TEXT[p.key].rule[lang]}</Caption1>
            </li>
          ))}
        </ul>
      </section>

      <section className={styles.section} data-testid="penalties">
        <Subtitle2 as="h3" className={styles.heading}>
          {s.penaltiesHeading}
        </Subtitle2>
        <ul className={styles.list}>
          {penaltyLines(a.profile).map((l) => (
            <li key={l.label.en} className={styles.item}>
              <div className={styles.head}>
                <Body1 className={styles.name}>{line(l.label[lang])}</Body1>
                <Body1 className={styles.nowrap}>
                  {l.percent}% · {yuan(l.fen)}
                </Body1>
              </div>
            </li>
          ))}
        </ul>
        <Caption1 className={styles.muted} data-testid="penalty-note">
          {PENALTY_NOTE[lang]}
        </Caption1>
      </section>
    </>
  );
}
