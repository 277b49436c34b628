/*
 * The task pane's boot script (SPEC §13, old webviews). Written in ES5 and nothing newer — a
 * test parses it with acorn at ecmaVersion 5 — because it must run where the bundle cannot:
 * Office on Windows without the WebView2 runtime runs an add-in whose manifest has <Runtimes>
 * in Internet Explorer 11 "regardless of the Windows or Microsoft 365 version"
 * (learn.microsoft.com/javascript/api/manifest/runtimes), and Microsoft recommends a graceful
 * failure message there (learn.microsoft.com/office/dev/add-ins/develop/support-ie-11). The
 * bundle is ES2020 (`??`, `?.`, BigInt), which IE11 cannot even parse: without this script
 * the pane would stay on "正在连接 Excel…" for ever.
 *
 * webpack inlines it into taskpane.html right after the boot text and before office.js, so it
 * runs before anything is requested. It asks the engine to compile a line of ES2020; where it
 * cannot, it replaces the boot text with what is wrong and how to fix it (install the WebView2
 * runtime), in Chinese and English. Where it can, it changes nothing: the bundle removes the
 * boot text when it renders, and if it never does (a network that hangs), the boot text says
 * after a while what to check.
 */
(function () {
  "use strict";
  var boot = document.getElementById("boot");
  if (!boot) return;

  /** Whether this engine compiles what the bundle is written in (optional chaining, ??, BigInt). */
  function modernEnough() {
    try {
      // Compiling it is the test: a SyntaxError in IE11 and other pre-2020 engines.
      return new Function("var o = { a: 1 }; return o?.a ?? 1n;")() === 1;
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 needs a catch binding
    } catch (e) {
      return false;
    }
  }

  function paragraph(text, lang) {
    var p = document.createElement("p");
    if (lang) p.setAttribute("lang", lang);
    p.appendChild(document.createTextNode(text));
    return p;
  }

  /** Replace the boot text's status with these lines ([text, lang] pairs). */
  function say(lines) {
    var status = document.getElementById("boot-status");
    if (!status) return;
    while (status.firstChild) status.removeChild(status.firstChild);
    for (var i = 0; i < lines.length; i++) status.appendChild(paragraph(lines[i][0], lines[i][1]));
  }

  if (!modernEnough()) {
    document.documentElement.setAttribute("data-boot", "old-webview");
    say([
      ["此电脑上的 Excel 使用旧的 Internet Explorer 11 显示加载项，本加载项无法在其中运行。", ""],
      [
        "解决办法：安装 Microsoft Edge WebView2 运行时（向单位的电脑管理员索取，或从微软官网下载「WebView2 Runtime」），然后关闭并重新打开 Excel。",
        "",
      ],
      ["也可以改用 Excel 网页版，或用命令行 om-scorecard 评分。", ""],
      [
        "Excel on this computer shows add-ins in the old Internet Explorer 11, in which this add-in cannot run.",
        "en",
      ],
      [
        'To fix it: install the Microsoft Edge WebView2 Runtime (ask your IT administrator, or download "WebView2 Runtime" from Microsoft), then close and reopen Excel.',
        "en",
      ],
      ["Or use Excel on the web, or score with the om-scorecard command line.", "en"],
    ]);
    return;
  }

  // A network that hangs (office.js or the bundle never arrives): say so after a while.
  window.setTimeout(function () {
    if (!document.getElementById("boot")) return;
    document.documentElement.setAttribute("data-boot", "slow");
    var status = document.getElementById("boot-status");
    if (!status) return;
    status.appendChild(
      paragraph(
        "仍在加载。如果一直停在这里，请检查网络能否访问 appsforoffice.microsoft.com（或管理员部署的 office.js 副本），然后关闭并重新打开任务窗格。",
        ""
      )
    );
    status.appendChild(
      paragraph(
        "Still loading. If it stays here, check that the network reaches appsforoffice.microsoft.com (or the copy of office.js your administrator deployed), then close and reopen the task pane.",
        "en"
      )
    );
  }, 15000);
})();
