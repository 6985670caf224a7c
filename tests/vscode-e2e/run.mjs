// End to end in a real VS Code: the FlowLint .vsix installed into code-server, the workbench driven in
// Debian's headless Chromium with playwright-core. A user's path: open a flow from the explorer, read the
// Problems panel, hover the squiggle, open a YAML file that is not a flow.
//
//   node run.mjs [--vsix FILE] [--code-server DIR] [--out DIR]
//     --vsix         default ../../vscode-extension/flowlint.vsix
//     --code-server  the folder install-code-server.sh prints (bin/code-server, bin/node); default: run it
//     --out          screenshots and logs; default ./out
//   FLOWLINT_CLI     the `flowlint` whose `check` output the Problems panel must equal (default: the binary
//                    bundled in the installed extension)
//   FLOWLINT_E2E_HEADED=1  shows the browser (debugging on a desktop)
// Prints PASS/FAIL per check and ends with "N passed, N failed".
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? resolve(args[i + 1]) : fallback;
};
const vsix = option("--vsix", resolve(here, "../../vscode-extension/flowlint.vsix"));
const outDir = option("--out", join(here, "out"));
let codeServerHome = option("--code-server", process.env.FLOWLINT_CODE_SERVER_HOME);
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const extensionId = "kestra-flowlint.flowlint";

// The fixture's finding, fixed here so that a server that reports the wrong place fails: line 8 is
// `message: "Using token {{ secret('GITHUB_TOKEN') }}"`, and KF1001 flags the secret() call.
const flowFile = "secret-in-log.yaml";
const expectedLine = 8;
const expectedColumn = 'message: "Using token {{ '.length + 4 + 1; // 1-based, after the 4-space indentation

let passed = 0;
let failed = 0;
const check = async (name, body) => {
  const started = Date.now();
  try {
    const detail = await body();
    passed++;
    console.log(`PASS ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${detail ? `: ${detail}` : ""}`);
    return true;
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
};
const assert = (condition, message) => {
  if (!condition) throw new Error(message);
};

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), "flowlint-e2e-"));
const userData = join(scratch, "user-data");
const extensionsDir = join(scratch, "extensions");
const workspace = join(scratch, "workspace");
cpSync(join(here, "workspace"), workspace, { recursive: true });

let codeServer;
let browser;
try {
  await run();
} catch (error) {
  failed++;
  console.log(`FAIL e2e harness: ${error instanceof Error ? error.stack : String(error)}`);
} finally {
  await browser?.close().catch(() => undefined);
  if (codeServer && codeServer.exitCode === null) {
    try {
      process.kill(-codeServer.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

async function run() {
  if (!codeServerHome) {
    const install = spawnSync("bash", [join(here, "install-code-server.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    assert(install.status === 0, `install-code-server.sh exited with ${install.status}`);
    codeServerHome = install.stdout.trim().split("\n").pop();
  }
  const codeServerBin = join(codeServerHome, "bin", "code-server");
  assert(existsSync(codeServerBin), `no code-server at ${codeServerBin}`);
  assert(existsSync(vsix), `no .vsix at ${vsix} (cd vscode-extension && npm run package)`);
  assert(existsSync(chromiumPath), `no Chromium at ${chromiumPath} (apt-get install chromium)`);

  const common = ["--user-data-dir", userData, "--extensions-dir", extensionsDir];
  // code-server keeps its own config.yaml under XDG_CONFIG_HOME: a scratch one leaves the user's alone.
  // EXTENSIONS_GALLERY: the marketplace queries code-server makes (recommendations, update checks) go to
  // a closed loopback port instead of open-vsx.org; the test needs no network.
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(scratch, "config"),
    XDG_DATA_HOME: join(scratch, "data"),
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: "http://127.0.0.1:9/gallery", itemUrl: "http://127.0.0.1:9/item" }),
  };

  const installed = await check("the .vsix installs with code-server --install-extension", () => {
    const install = spawnSync(codeServerBin, [...common, "--install-extension", vsix], { encoding: "utf8", env, timeout: 180_000 });
    assert(install.status === 0, `exit ${install.status}: ${install.stderr || install.stdout}`);
    const list = spawnSync(codeServerBin, [...common, "--list-extensions", "--show-versions"], { encoding: "utf8", env, timeout: 120_000 });
    const line = list.stdout.split("\n").find((l) => l.startsWith(`${extensionId}@`));
    assert(line, `--list-extensions does not show ${extensionId}: ${list.stdout}`);
    return line;
  });
  if (!installed) return;

  const extensionFolder = readdirSync(extensionsDir).find((d) => d.startsWith(`${extensionId}-`));
  const cli = process.env.FLOWLINT_CLI ?? join(extensionsDir, extensionFolder ?? "", "server", "linux-x64", "flowlint");

  // What a first-time user would otherwise see between them and the file: welcome page, trust prompt,
  // walkthroughs, chat, notifications of tips.
  mkdirSync(join(userData, "User"), { recursive: true });
  writeFileSync(
    join(userData, "User", "settings.json"),
    JSON.stringify(
      {
        "security.workspace.trust.enabled": false,
        "workbench.startupEditor": "none",
        "workbench.welcomePage.walkthroughs.openOnInstall": false,
        "workbench.tips.enabled": false,
        "workbench.enableExperiments": false,
        "workbench.secondarySideBar.defaultVisibility": "hidden",
        "chat.disableAIFeatures": true,
        "extensions.autoUpdate": false,
        "extensions.autoCheckUpdates": false,
        "extensions.ignoreRecommendations": true,
        "telemetry.telemetryLevel": "off",
        "update.mode": "none",
        "editor.hover.delay": 100,
        "window.restoreWindows": "none",
        "flowlint.trace.server": "messages",
      },
      null,
      2,
    ),
  );

  if (process.env.FLOWLINT_PATH) {
    // flowlint.path is machine-overridable: a remote extension host (code-server's) ignores it in user
    // settings, so a run that brings its own server sets it for the workspace.
    mkdirSync(join(workspace, ".vscode"), { recursive: true });
    writeFileSync(join(workspace, ".vscode", "settings.json"), JSON.stringify({ "flowlint.path": process.env.FLOWLINT_PATH }, null, 2));
  }

  const port = await freePort();
  const log = [];
  codeServer = spawn(
    codeServerBin,
    [
      ...common,
      "--bind-addr",
      `127.0.0.1:${port}`,
      "--auth",
      "none",
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      "--ignore-last-opened",
      workspace,
    ],
    { env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  codeServer.stdout.on("data", (d) => log.push(d.toString()));
  codeServer.stderr.on("data", (d) => log.push(d.toString()));
  const saveLog = () => writeFileSync(join(outDir, "code-server.log"), log.join(""));

  const started = await check("code-server serves the workbench on 127.0.0.1", async () => {
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.ok, 120_000, "code-server /healthz");
    return `port ${port}`;
  });
  if (!started) {
    saveLog();
    return;
  }

  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: process.env.FLOWLINT_E2E_HEADED !== "1",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      // The machine's network is closed: QUIC probes would only fail.
      "--disable-quic",
    ].filter((flag) => flag !== "--headless" || process.env.FLOWLINT_E2E_HEADED !== "1"),
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(60_000);
  const screenshot = async (name) => {
    const file = join(outDir, name);
    await page.screenshot({ path: file }).catch(() => undefined);
    return file;
  };

  try {
    await check("the workbench opens the workspace folder", async () => {
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
      await page.locator(".monaco-workbench").waitFor({ timeout: 120_000 });
      await dismissDialogs(page);
      await openExplorer(page);
      await page.locator('.explorer-folders-view .monaco-list-row[aria-label="flows"]').waitFor({ timeout: 60_000 });
    });

    let markers = [];
    const opened = await check(`Problems shows KF1001 at [Ln ${expectedLine}, Col ${expectedColumn}] after opening ${flowFile} from the explorer`, async () => {
      await openFromExplorer(page, ["flows", flowFile]);
      await openProblems(page);
      let seen = [];
      markers = await waitFor(async () => {
        seen = await problemRows(page);
        return seen.some((m) => m.code === "KF1001") ? seen : undefined;
      }, 180_000, "a KF1001 row in the Problems panel").catch((error) => {
        throw new Error(`${error.message}; rows: ${JSON.stringify(seen)}`);
      });
      const kf1001 = markers.filter((m) => m.code === "KF1001");
      assert(
        kf1001.some((m) => m.line === expectedLine && m.column === expectedColumn),
        `KF1001 rows: ${JSON.stringify(kf1001)}`,
      );
      const file = await screenshot("problems.png");
      return `${kf1001.length} KF1001 row(s), ${markers.length} in all; screenshot ${file}`;
    });
    if (!opened) {
      await screenshot("failure.png");
      writeFileSync(join(outDir, "failure.html"), await page.content());
      return;
    }

    await check("the Problems panel lists exactly what `flowlint check` prints for the file", async () => {
      assert(existsSync(cli), `no flowlint CLI at ${cli} (set FLOWLINT_CLI)`);
      const result = spawnSync(cli, ["check", join(workspace, "flows", flowFile), "--format", "msbuild", "--fail-on", "none", "--no-color"], { encoding: "utf8" });
      assert(result.status === 0, `flowlint check exited ${result.status}: ${result.stderr}`);
      const expected = [...result.stdout.matchAll(/\((\d+),(\d+)(?:,\d+,\d+)?\): \w+ (KF\d{4}):/g)]
        .map((m) => `${m[3]}@${m[1]}:${m[2]}`)
        .sort();
      const actual = markers.map((m) => `${m.code}@${m.line}:${m.column}`).sort();
      assert(expected.length > 0, `flowlint check found nothing: ${result.stdout}`);
      assert(JSON.stringify(actual) === JSON.stringify(expected), `panel ${JSON.stringify(actual)} vs check ${JSON.stringify(expected)}`);
      return actual.join(", ");
    });

    await check("hovering the flagged secret() shows the rule's title, why it matters and a good example", async () => {
      const text = await hoverText(page, expectedLine, "secret('GITHUB_TOKEN')");
      assert(/KF1001: Secret written to the logs/.test(text), `hover: ${text.slice(0, 400)}`);
      assert(/Why it matters/.test(text) && /Good example/.test(text), `hover: ${text.slice(0, 600)}`);
      await screenshot("hover.png");
      await page.keyboard.press("Escape");
      return text.replace(/\s+/g, " ").slice(0, 100);
    });

    await check("a YAML file that is not a Kestra flow gets no diagnostics", async () => {
      await openFromExplorer(page, ["other", "ci-workflow.yml"]);
      await page.locator(".tabs-container .tab", { hasText: "ci-workflow.yml" }).waitFor();
      // The flow's finding stays listed, so the panel is live; give the server a few debounces to publish
      // for the new file before concluding it stays clean.
      await page.waitForTimeout(3_000);
      const rows = await problemRows(page, true);
      const forOther = rows.filter((m) => m.file === "ci-workflow.yml");
      assert(forOther.length === 0, `ci-workflow.yml rows: ${JSON.stringify(forOther)}`);
      assert(rows.some((m) => m.file === flowFile && m.code === "KF1001"), `the flow's finding is gone: ${JSON.stringify(rows)}`);
      return `${rows.length} row(s), all for ${flowFile}`;
    });
    await check("the quick fix 'Suppress KF1001 on this line' inserts the comment and the finding goes away", async () => {
      const action = page.locator(".action-widget .monaco-list-row", { hasText: "Suppress KF1001 on this line" }).first();
      // Asked again when the menu does not come: right after switching back from another file, Ctrl+. can
      // reach the editor before its focus or its markers do, and then nothing opens (seen once in CI).
      await waitFor(async () => {
        await goTo(page, expectedLine, expectedColumn + 2);
        await page.keyboard.press("Control+.");
        if (await action.waitFor({ timeout: 10_000 }).then(() => true, () => false)) return true;
        await page.keyboard.press("Escape");
        return false;
      }, 60_000, "the quick fix menu with 'Suppress KF1001 on this line'");
      await screenshot("quick-fix.png");
      await action.click();
      const line = await waitFor(async () => {
        const lines = await page.locator(".editor-instance .monaco-editor .view-lines").first().innerText();
        return lines.split("\n").find((l) => l.includes("flowlint-disable-next-line"));
      }, 30_000, "the suppression comment in the editor");
      // Same indentation as `message:` (4 spaces); Monaco renders spaces as no-break spaces.
      const normalised = line.replace(/\u00a0/g, " ");
      assert(normalised === "    # flowlint-disable-next-line KF1001", `inserted line: ${JSON.stringify(normalised)}`);
      await waitFor(async () => (await problemRows(page)).every((m) => m.code !== "KF1001"), 60_000, "the KF1001 row to disappear after the edit");
      await screenshot("suppressed.png");
      return normalised.trim();
    });

  } finally {
    saveLog();
  }
}

async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function waitFor(probe, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? ` (${last.message})` : ""}`);
}

async function dismissDialogs(page) {
  // A workspace-trust or "what's new" dialog, should a code-server version show one despite the settings.
  for (const label of ["Yes, I trust the authors", "Trust", "Close"]) {
    const button = page.locator(".monaco-dialog-box a.monaco-button", { hasText: label });
    if (await button.count()) await button.first().click().catch(() => undefined);
  }
}

async function openExplorer(page) {
  const view = page.locator(".explorer-folders-view");
  if (!(await view.isVisible().catch(() => false))) {
    await page.keyboard.press("Control+Shift+E");
    await view.waitFor({ timeout: 30_000 });
  }
}

async function openFromExplorer(page, segments) {
  await openExplorer(page);
  for (let i = 0; i < segments.length; i++) {
    const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${segments[i]}"]`).first();
    await row.waitFor();
    const last = i === segments.length - 1;
    const expanded = await row.getAttribute("aria-expanded");
    if (last) {
      // A double click opens the file for good: a single click opens a preview that the next file
      // replaces, which closes the document (and clears its diagnostics).
      await row.dblclick();
    } else if (expanded !== "true") {
      await row.click();
    }
  }
  const name = segments[segments.length - 1];
  await page.locator(".tabs-container .tab", { hasText: name }).first().waitFor();
  await page.locator(".editor-instance .monaco-editor .view-lines").first().waitFor();
}

async function openProblems(page) {
  const panel = page.locator(".markers-panel");
  if (await panel.isVisible().catch(() => false)) return;
  // The status bar's problems counter opens the panel; the keyboard shortcut is the fallback.
  const status = page.locator('#status\\.problems, .statusbar-item[id="status.problems"]').first();
  if (await status.count()) await status.click().catch(() => undefined);
  if (!(await panel.isVisible().catch(() => false))) await page.keyboard.press("Control+Shift+M");
  await panel.waitFor({ timeout: 30_000 });
}

// One entry per marker row: the rule id, 1-based line and column as VS Code prints them ([Ln 8, Col 27]),
// and the file of the resource row above it.
async function problemRows(page, expand = false) {
  if (expand) {
    // Collapsed file rows hide their markers; the "Collapse All" toggle does not expand, so click each.
    for (const row of await page.locator('.markers-panel .monaco-list-row[aria-expanded="false"]').all()) {
      await row.click().catch(() => undefined);
    }
  }
  return page.evaluate(() => {
    const result = [];
    let file;
    for (const row of document.querySelectorAll(".markers-panel .monaco-list-row")) {
      const text = row.textContent ?? "";
      const position = /\[Ln (\d+), Col (\d+)\]/.exec(text);
      if (!position) {
        const name = row.querySelector(".label-name")?.textContent;
        if (name) file = name;
        continue;
      }
      // The rule id is its own element (a link to rules.md); textContent glues it to the source name.
      const code = row.querySelector(".marker-code")?.textContent?.trim() ?? /(KF\d{4})/.exec(text)?.[1];
      result.push({ file, code, line: Number(position[1]), column: Number(position[2]), text: text.trim() });
    }
    return result;
  });
}

async function goTo(page, line, column) {
  // "Go to Line/Column" puts the cursor on a character whatever the font; mouse coordinates would not.
  await page.locator(".tabs-container .tab", { hasText: flowFile }).first().click();
  await page.locator(".editor-instance .monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+G");
  await page.locator(".quick-input-widget input").waitFor();
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press("Enter");
  await page.locator(".quick-input-widget").waitFor({ state: "hidden" });
}

async function hoverText(page, line, needle) {
  // The keyboard's "Show Hover" (Ctrl+K Ctrl+I), as a keyboard user would; the server's part of the
  // hover arrives after the marker's, so wait for the rule title.
  const column = 'message: "Using token {{ '.length + 4 + 1 + Math.floor(needle.length / 2);
  const hover = page.locator(".monaco-hover:not(.hidden) .monaco-hover-content, .monaco-resizable-hover .monaco-hover-content").first();
  let text = "";
  await waitFor(async () => {
    if (!(await hover.isVisible().catch(() => false))) {
      await goTo(page, line, column);
      await page.keyboard.press("Control+K");
      await page.keyboard.press("Control+I");
      await hover.waitFor({ timeout: 10_000 });
    }
    text = await hover.innerText();
    if (/Secret written to the logs/.test(text)) return true;
    await page.keyboard.press("Escape");
    return false;
  }, 60_000, "the server's hover").catch(() => undefined);
  return text;
}
