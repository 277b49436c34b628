/*
 * 功能区命令 / Ribbon commands: the manifest's FunctionFile. In the shared runtime it is loaded by
 * taskpane.html next to the task pane and the custom functions.
 *
 * The only ribbon button (开始 › 评分 / Home › Assess) opens the task pane (ShowTaskpane), which
 * needs no code. A future ExecuteFunction button registers its handler here with
 * `Office.actions.associate("name", handler)` inside onReady.
 */

Office.onReady(() => {
  // Nothing to register yet.
});
