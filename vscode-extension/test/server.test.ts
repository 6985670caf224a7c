// The order in which the extension looks for its server decides what users run; each case below is a
// machine layout a user can have.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expandPath, resolveServer, runtimeIdentifier } from "../src/server";

function layout(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "flowlint-ext-"));
  for (const [relative, mode] of Object.entries(files)) {
    const full = path.join(root, relative);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, "#!/bin/sh\n");
    fs.chmodSync(full, parseInt(mode, 8));
  }
  return root;
}

const linux = { platform: "linux" as const, arch: "x64" };

test("runtime identifiers match build/publish-aot.sh's folder names", () => {
  assert.equal(runtimeIdentifier("linux", "x64"), "linux-x64");
  assert.equal(runtimeIdentifier("darwin", "arm64"), "osx-arm64");
  assert.equal(runtimeIdentifier("win32", "x64"), "win-x64");
  assert.equal(runtimeIdentifier("linux", "ia32"), undefined);
});

test("flowlint.path wins over the bundled binary and PATH", () => {
  const root = layout({ "ext/server/linux-x64/flowlint": "755", "bin/flowlint": "755", "custom/flowlint": "755" });
  const result = resolveServer({
    ...linux,
    configuredPath: path.join(root, "custom/flowlint"),
    extensionPath: path.join(root, "ext"),
    workspaceFolder: undefined,
    env: { PATH: path.join(root, "bin") },
  });
  assert.deepEqual(result, {
    ok: true,
    command: { command: path.join(root, "custom/flowlint"), args: ["lsp"], description: "flowlint.path" },
  });
});

test("a flowlint.path that is not a file is reported, not silently replaced by another server", () => {
  const root = layout({ "ext/server/linux-x64/flowlint": "755" });
  const result = resolveServer({
    ...linux,
    configuredPath: "tools/flowlint",
    extensionPath: path.join(root, "ext"),
    workspaceFolder: root,
    env: { PATH: "" },
  });
  assert.deepEqual(result, { ok: false, message: `flowlint.path points to ${path.join(root, "tools/flowlint")}, which is not a file.` });
});

test("a .dll in flowlint.path runs with dotnet from PATH", () => {
  const root = layout({ "bin/dotnet": "755", "build/flowlint.dll": "644" });
  const result = resolveServer({
    ...linux,
    configuredPath: "${workspaceFolder}/build/flowlint.dll",
    extensionPath: path.join(root, "ext"),
    workspaceFolder: root,
    env: { PATH: path.join(root, "bin") },
  });
  assert.ok(result.ok);
  assert.equal(result.command.command, path.join(root, "bin/dotnet"));
  assert.deepEqual(result.command.args, [path.join(root, "build/flowlint.dll"), "lsp"]);
});

test("the bundled binary for this platform comes before flowlint on PATH", () => {
  const root = layout({ "ext/server/linux-x64/flowlint": "755", "ext/server/osx-arm64/flowlint": "755", "bin/flowlint": "755" });
  const result = resolveServer({ ...linux, configuredPath: "", extensionPath: path.join(root, "ext"), workspaceFolder: undefined, env: { PATH: path.join(root, "bin") } });
  assert.ok(result.ok);
  assert.equal(result.command.command, path.join(root, "ext/server/linux-x64/flowlint"));
});

test("a bundled binary that lost its execute bit in the .vsix is made executable", () => {
  const root = layout({ "ext/server/linux-x64/flowlint": "644" });
  const result = resolveServer({ ...linux, configuredPath: undefined, extensionPath: path.join(root, "ext"), workspaceFolder: undefined, env: { PATH: "" } });
  assert.ok(result.ok);
  assert.equal(fs.statSync(path.join(root, "ext/server/linux-x64/flowlint")).mode & 0o111, 0o111);
});

test("without a bundled binary for this platform, flowlint on PATH is used, skipping non-executables", () => {
  const root = layout({ "ext/server/osx-arm64/flowlint": "755", "first/flowlint": "644", "second/flowlint": "755" });
  const result = resolveServer({
    ...linux,
    configuredPath: "",
    extensionPath: path.join(root, "ext"),
    workspaceFolder: undefined,
    env: { PATH: `${path.join(root, "first")}:${path.join(root, "second")}` },
  });
  assert.ok(result.ok);
  assert.equal(result.command.command, path.join(root, "second/flowlint"));
  assert.equal(result.command.description, "flowlint on PATH");
});

test("the bundled framework-dependent build is the last resort, run with dotnet", () => {
  const root = layout({ "ext/server/dll/flowlint.dll": "644", "bin/dotnet": "755" });
  const result = resolveServer({ ...linux, configuredPath: "", extensionPath: path.join(root, "ext"), workspaceFolder: undefined, env: { PATH: path.join(root, "bin") } });
  assert.ok(result.ok);
  assert.deepEqual(result.command.args, [path.join(root, "ext/server/dll/flowlint.dll"), "lsp"]);
});

test("nothing found: the message says how to get a server", () => {
  const root = layout({});
  const result = resolveServer({ ...linux, configuredPath: "", extensionPath: path.join(root, "ext"), workspaceFolder: undefined, env: { PATH: "" } });
  assert.equal(result.ok, false);
  assert.match(result.ok ? "" : result.message, /set flowlint\.path/);
});

test("~ and ${userHome} expand to the home folder", () => {
  assert.equal(expandPath("~/bin/flowlint", undefined, { HOME: "/home/ana" }), "/home/ana/bin/flowlint");
  assert.equal(expandPath("${userHome}/flowlint", "/ws", { HOME: "/home/ana" }), "/home/ana/flowlint");
  assert.equal(expandPath("./tools/../bin/flowlint", "/ws", { HOME: "/home/ana" }), "/ws/bin/flowlint");
});
