// Finds the `flowlint` to run as the language server. Kept free of the `vscode` module so that the
// resolution order is unit-tested with plain node (test/server.test.ts).
//
// Order: the `flowlint.path` setting; the NativeAOT binary bundled in the extension under
// server/<rid>/; `flowlint` on PATH; `dotnet server/dll/flowlint.dll` when a framework-dependent build
// is bundled. A `.dll` given in `flowlint.path` runs with `dotnet`.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface ServerCommand {
  command: string;
  args: string[];
  /** Where the command came from, for the output channel. */
  description: string;
}

export type Resolution = { ok: true; command: ServerCommand } | { ok: false; message: string };

export interface ResolveInput {
  configuredPath: string | undefined;
  extensionPath: string;
  workspaceFolder: string | undefined;
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  arch?: string;
}

const serverArgs = ["lsp"];

/** The .NET runtime identifier of a platform/arch pair, as build/publish-aot.sh names its output folder. */
export function runtimeIdentifier(platform: NodeJS.Platform, arch: string): string | undefined {
  const os = platform === "win32" ? "win" : platform === "darwin" ? "osx" : platform === "linux" ? "linux" : undefined;
  const cpu = arch === "x64" ? "x64" : arch === "arm64" ? "arm64" : undefined;
  return os && cpu ? `${os}-${cpu}` : undefined;
}

export function resolveServer(input: ResolveInput): Resolution {
  const platform = input.platform ?? process.platform;
  const arch = input.arch ?? process.arch;
  const exe = platform === "win32" ? "flowlint.exe" : "flowlint";

  const configured = (input.configuredPath ?? "").trim();
  if (configured) {
    const full = expandPath(configured, input.workspaceFolder, input.env);
    if (!isFile(full)) {
      return { ok: false, message: `flowlint.path points to ${full}, which is not a file.` };
    }
    if (full.toLowerCase().endsWith(".dll")) {
      const dotnet = findOnPath(platform === "win32" ? "dotnet.exe" : "dotnet", input.env, platform);
      if (!dotnet) {
        return { ok: false, message: `flowlint.path is a .dll (${full}) but dotnet is not on PATH.` };
      }
      return { ok: true, command: { command: dotnet, args: [full, ...serverArgs], description: "flowlint.path (dotnet)" } };
    }
    return { ok: true, command: { command: full, args: serverArgs, description: "flowlint.path" } };
  }

  const rid = runtimeIdentifier(platform, arch);
  if (rid) {
    const bundled = path.join(input.extensionPath, "server", rid, exe);
    if (isFile(bundled) && (platform === "win32" || ensureExecutable(bundled))) {
      return { ok: true, command: { command: bundled, args: serverArgs, description: `bundled server (${rid})` } };
    }
  }

  const onPath = findOnPath(exe, input.env, platform);
  if (onPath) {
    return { ok: true, command: { command: onPath, args: serverArgs, description: "flowlint on PATH" } };
  }

  const bundledDll = path.join(input.extensionPath, "server", "dll", "flowlint.dll");
  if (isFile(bundledDll)) {
    const dotnet = findOnPath(platform === "win32" ? "dotnet.exe" : "dotnet", input.env, platform);
    if (dotnet) {
      return { ok: true, command: { command: dotnet, args: [bundledDll, ...serverArgs], description: "bundled server (dotnet)" } };
    }
  }

  return {
    ok: false,
    message:
      "no flowlint server found: set flowlint.path, or put flowlint on PATH " +
      "(dotnet tool install --global flowlint), or install .NET 9+ for the bundled build.",
  };
}

/** `~`, `${userHome}` and `${workspaceFolder}` as VS Code users write them; relative paths are taken from the workspace. */
export function expandPath(value: string, workspaceFolder: string | undefined, env: NodeJS.ProcessEnv): string {
  const home = env.HOME ?? env.USERPROFILE ?? os.homedir();
  let result = value.replace(/\$\{userHome\}/g, home);
  if (workspaceFolder) {
    result = result.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
  }
  if (result === "~" || result.startsWith("~/") || result.startsWith("~\\")) {
    result = path.join(home, result.slice(1));
  }
  if (!path.isAbsolute(result) && workspaceFolder) {
    result = path.join(workspaceFolder, result);
  }
  return path.normalize(result);
}

export function findOnPath(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | undefined {
  const pathValue = env.PATH ?? env.Path ?? "";
  const separator = platform === "win32" ? ";" : ":";
  for (const folder of pathValue.split(separator)) {
    if (!folder) {
      continue;
    }
    const candidate = path.join(folder, name);
    if (isFile(candidate) && (platform === "win32" || isExecutable(candidate))) {
      return candidate;
    }
  }
  return undefined;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

// A .vsix is a zip: an installer that drops the file mode leaves the bundled binary without its x bit.
function ensureExecutable(file: string): boolean {
  if (isExecutable(file)) {
    return true;
  }
  try {
    fs.chmodSync(file, 0o755);
  } catch {
    return false;
  }
  return isExecutable(file);
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
