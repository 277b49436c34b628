import * as React from "react";
import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { RateRounding, TierEdge } from "../../engine";
import type { Strings } from "../i18n";

export interface AssessFormProps {
  /** As-of date, ISO `yyyy-mm-dd`. */
  asOf: string;
  onAsOfChange: (iso: string) => void;
  rounding: RateRounding;
  onRoundingChange: (r: RateRounding) => void;
  /** Whether a total exactly on a tier edge (85) is in the lower tier (B) or the upper (A). */
  tierEdge: TierEdge;
  onTierEdgeChange: (e: TierEdge) => void;
  /** True while an assessment runs: the button is disabled and a spinner shows. */
  running: boolean;
  /**
   * True when there is no workbook to assess (outside Excel): the button is disabled.
   * @default false
   */
  disabled?: boolean;
  onAssess: () => void;
  strings: Strings;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  actions: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalM },
});

/** The as-of date, the two reading choices (rate rounding, tier edge) and the 评分 Assess button. */
export function AssessForm(props: AssessFormProps): React.ReactElement {
  const s = props.strings;
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Field label={s.asOf} hint={s.asOfHint}>
        <Input
          type="date"
          value={props.asOf}
          onChange={(_, d) => props.onAsOfChange(d.value)}
          disabled={props.running}
          data-testid="as-of"
        />
      </Field>
      <Field label={s.rounding}>
        <RadioGroup
          value={props.rounding}
          onChange={(_, d) => props.onRoundingChange(d.value as RateRounding)}
          disabled={props.running}
        >
          <Radio value="none" label={s.roundingNone} />
          <Radio value="whole-percent" label={s.roundingWhole} />
        </RadioGroup>
      </Field>
      <Field label={s.tierEdge}>
        <RadioGroup
          value={props.tierEdge}
          onChange={(_, d) => props.onTierEdgeChange(d.value as TierEdge)}
          disabled={props.running}
          data-testid="tier-edge"
        >
          <Radio value="lower" label={s.tierEdgeLower} />
          <Radio value="upper" label={s.tierEdgeUpper} data-testid="tier-edge-upper" />
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={props.onAssess}
          disabled={props.disabled || props.running || props.asOf === ""}
          data-testid="assess"
        >
          {s.assess}
        </Button>
        {props.running && <Spinner size="tiny" label={s.assessing} data-testid="assessing" />}
      </div>
    </div>
  );
}
