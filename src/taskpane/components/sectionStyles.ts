/**
 * The looks the task pane and the web page share (the page is the pane's third host and looks
 * like it): the header with its titles and the language switch, the sections, their headings,
 * the muted hints and the rows of tool buttons.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useSectionStyles = makeStyles({
  header: {
    display: "flex",
    // At 320 px the switch goes below the title rather than squeezing it onto two lines.
    flexWrap: "wrap",
    rowGap: tokens.spacingVerticalS,
    justifyContent: "space-between",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalM,
  },
  titles: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    flexGrow: 1,
    flexBasis: "180px",
    minWidth: 0,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    minWidth: 0,
  },
  heading: { margin: 0, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
  // Tool buttons side by side where they fit, one under the other at 320 px.
  tools: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: "center",
  },
});
