// The VS Code client of `flowlint lsp`. It only starts the server and forwards YAML documents to it:
// which documents get diagnostics is the server's decision (FlowLint's document classifier), so a file
// shows in the editor exactly the findings `flowlint check` prints for it.
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from "vscode-languageclient/node";
import { resolveServer, ServerCommand } from "./server";

const clientId = "flowlint";
const clientName = "FlowLint";

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;
// Serialises starts, stops and restarts: a settings change arriving while the server is starting must
// not leave two servers running.
let pending: Promise<void> = Promise.resolve();
// Set once a YAML document was open (or the user asked for a restart): a workspace that merely contains
// YAML files activates the extension but starts no server process until one is opened.
let wanted = false;

// YAML by language, and any *.yml/*.yaml file whatever language another extension gave it (Ansible,
// Compose and Helm extensions claim some): a Kestra flow is still a Kestra flow.
const documentSelector = [
  { scheme: "file", language: "yaml" },
  { scheme: "untitled", language: "yaml" },
  { scheme: "file", pattern: "**/*.{yml,yaml}" },
];

export function activate(context: vscode.ExtensionContext): void {
  output = vscode.window.createOutputChannel(clientName, { log: true });
  context.subscriptions.push(output);

  const startWhenWanted = () => {
    if (!wanted) {
      wanted = true;
      void enqueue(() => restart(context, false));
    }
  };
  context.subscriptions.push(
    vscode.commands.registerCommand("flowlint.restartServer", () => {
      wanted = true;
      return enqueue(() => restart(context, true));
    }),
    vscode.commands.registerCommand("flowlint.showOutput", () => output?.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // trace.server is applied by the language client itself, without a restart.
      if (wanted && (event.affectsConfiguration("flowlint.enable") || event.affectsConfiguration("flowlint.path"))) {
        void enqueue(() => restart(context, false));
      }
    }),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (vscode.languages.match(documentSelector, document) > 0) startWhenWanted();
    }),
  );

  if (vscode.workspace.textDocuments.some((document) => vscode.languages.match(documentSelector, document) > 0)) {
    startWhenWanted();
  }
}

export function deactivate(): Thenable<void> | undefined {
  return client ? stop() : undefined;
}

function enqueue(step: () => Promise<void>): Promise<void> {
  pending = pending.then(step, step);
  return pending;
}

async function restart(context: vscode.ExtensionContext, announce: boolean): Promise<void> {
  await stop();
  const settings = vscode.workspace.getConfiguration("flowlint");
  if (!settings.get<boolean>("enable", true)) {
    log("FlowLint is disabled (flowlint.enable = false).");
    return;
  }

  const server = resolveServer({
    configuredPath: settings.get<string>("path", ""),
    extensionPath: context.extensionPath,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    env: process.env,
  });
  if (!server.ok) {
    log(server.message);
    const open = "Open settings";
    const choice = await vscode.window.showErrorMessage(`FlowLint: ${server.message}`, open);
    if (choice === open) {
      await vscode.commands.executeCommand("workbench.action.openSettings", "flowlint.path");
    }
    return;
  }

  await start(server.command);
  if (announce) {
    vscode.window.setStatusBarMessage("FlowLint: server restarted", 3000);
  }
}

async function start(server: ServerCommand): Promise<void> {
  log(`Starting ${server.description}: ${[server.command, ...server.args].join(" ")}`);
  const serverOptions: ServerOptions = {
    command: server.command,
    args: server.args,
    options: { env: process.env },
  };
  const clientOptions: LanguageClientOptions = {
    // The server classifies: Kestra flows and Kestra server configuration get findings, every other YAML
    // file stays clean, as with `flowlint check`.
    documentSelector,
    // No synchronize.fileEvents: the server registers its own .flowlint.yaml watchers
    // (client/registerCapability for workspace/didChangeWatchedFiles); a second watcher here would send
    // every change twice.
    outputChannel: output,
    traceOutputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };

  const created = new LanguageClient(clientId, clientName, serverOptions, clientOptions);
  created.onDidChangeState((event) => {
    if (event.newState === State.Stopped && client === created) {
      log("The FlowLint server stopped.");
    }
  });
  client = created;
  try {
    await created.start();
  } catch (error) {
    client = undefined;
    const message = error instanceof Error ? error.message : String(error);
    log(`The FlowLint server did not start: ${message}`);
    void vscode.window.showErrorMessage(`FlowLint: the server did not start (${message}). See the FlowLint output.`);
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (!running) {
    return;
  }
  try {
    // dispose() stops the server (shutdown + exit, killed after the timeout) and unregisters its features.
    await running.dispose(2000);
  } catch (error) {
    log(`Stopping the FlowLint server: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function log(line: string): void {
  output?.info(line);
}
