import { tokens } from "@fluentui/react-components";

/**
 * One block of a result list (a dimension, a reading, a payment): a name line, then figures,
 * divided from the one above by a thin rule. Shared so every list in the result reads the same
 * from 320 px up.
 */
export const resultBlock = {
  display: "flex",
  flexDirection: "column",
  rowGap: tokens.spacingVerticalXXS,
  paddingTop: tokens.spacingVerticalS,
  paddingBottom: tokens.spacingVerticalS,
  borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  minWidth: 0,
} as const;
