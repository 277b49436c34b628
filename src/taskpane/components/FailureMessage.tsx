import * as React from "react";
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { HostFailure } from "../hostFailure";
import type { Strings } from "../i18n";
import { Mixed } from "./Mixed";

export interface FailureMessageProps {
  /** The failure, in words and with Excel's own text (see ../hostFailure.ts). */
  failure: HostFailure;
  strings: Strings;
  /**
   * When it changes (to anything but 0), focus moves to the message and the pane scrolls to
   * it: a failed run is seen where the user looks, even 331 px above a 320×650 pane's view.
   * @default 0
   */
  focusKey?: number;
}

const useStyles = makeStyles({
  bar: {
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
  details: { marginTop: tokens.spacingVerticalXS },
  summary: { cursor: "pointer", color: tokens.colorNeutralForeground2 },
  technical: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
});

/**
 * A failure of the workbook: what happened in a supervisor's words, Excel's technical text
 * behind 详细信息 (a native disclosure, keyboard-operable as it is).
 */
export function FailureMessage({
  failure,
  strings: s,
  focusKey = 0,
}: FailureMessageProps): React.ReactElement {
  const styles = useStyles();
  const bar = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (focusKey !== 0) bar.current?.focus();
  }, [focusKey]);
  return (
    <MessageBar
      ref={bar}
      tabIndex={-1}
      intent="error"
      layout="multiline"
      className={styles.bar}
      data-testid="error"
    >
      <MessageBarBody>
        <MessageBarTitle>{s.errorTitle}</MessageBarTitle>
        <div data-testid="error-words">
          <Mixed text={failure.words[s.lang]} lang={s.lang} />
        </div>
        <details className={styles.details}>
          <summary className={styles.summary}>{s.errorDetails}</summary>
          <pre className={styles.technical} lang="en" data-testid="error-detail">
            {failure.detail}
          </pre>
        </details>
      </MessageBarBody>
    </MessageBar>
  );
}
