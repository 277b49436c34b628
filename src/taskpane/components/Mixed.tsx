import * as React from "react";
import type { Lang } from "../i18n";

/** Runs of Chinese characters and full-width punctuation, with the spaces and dots inside a run. */
const HAN_RUN =
  /([\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+(?:[ ·]+[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+)*)/u;

export interface MixedProps {
  /** Text in the pane's language that may quote Chinese names (a sheet, a table, a column). */
  text: string;
  /** The language the pane is shown in. */
  lang: Lang;
}

/**
 * Text whose Chinese runs carry `lang="zh-CN"` when the pane is in English, so a screen reader
 * reads 考核结果 as Chinese inside an English sentence. In Chinese the text is returned as is (the
 * pane's own `lang` is zh-CN already).
 * @example
 * <Mixed lang="en" text="Written to the 考核结果 sheet." />
 * //=> Written to the <span lang="zh-CN">考核结果</span> sheet.
 */
export function Mixed({ text, lang }: MixedProps): React.ReactElement {
  if (lang === "zh" || !HAN_RUN.test(text)) return <>{text}</>;
  // split with a capturing group: odd indexes are the Chinese runs.
  const parts = text.split(HAN_RUN);
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <span key={i} lang="zh-CN">
            {p}
          </span>
        ) : (
          p
        )
      )}
    </>
  );
}

/** The `lang` attribute value for a pane language. */
export const langTag = (lang: Lang): string => (lang === "zh" ? "zh-CN" : "en");
