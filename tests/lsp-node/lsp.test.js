'use strict';
// Drives `flowlint lsp` the way VS Code's client does, through vscode-languageserver-protocol over stdio.
// The server command is FLOWLINT_LSP (a command line split on spaces), by default the Release build of the CLI:
//   dotnet <repo>/analyzer/flowlint/bin/Release/net10.0/flowlint.dll lsp
const test = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const rpc = require('vscode-jsonrpc/node');
const lsp = require('vscode-languageserver-protocol');

const repo = path.resolve(__dirname, '..', '..');
const command = (process.env.FLOWLINT_LSP ||
  `dotnet ${path.join(repo, 'analyzer/flowlint/bin/Release/net10.0/flowlint.dll')} lsp`).split(' ').filter(Boolean);

const FLOW = [
  'id: hello',
  'namespace: company.team',
  'tasks:',
  '  - id: log',
  '    type: io.kestra.plugin.core.log.Log',
  '    message: "Token {{ secret(\'GITHUB_TOKEN\') }}"',
  '',
].join('\n');

const silent = { error() {}, warn() {}, info() {}, log() {} };

/** Starts a server in a fresh workspace folder and returns helpers around its connection. */
async function start(t, { initialize = true } = {}) {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'flowlint-lsp-'));
  const child = spawn(command[0], command.slice(1), { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const connection = rpc.createMessageConnection(
    new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin), silent);
  const published = [];
  const waiters = [];
  connection.onNotification(lsp.PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    for (const w of [...waiters]) if (w.match(params)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(params); }
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  t.after(async () => {
    connection.dispose();
    child.kill();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  /** The next publishDiagnostics for uri (and version, when given) — or one already received. */
  function diagnostics(uri, version) {
    const match = (p) => p.uri === uri && (version === undefined || p.version === version);
    const seen = published.find(match);
    if (seen) { published.splice(published.indexOf(seen), 1); return Promise.resolve(seen); }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version}; server stderr:\n${stderr}`)), 30000);
      waiters.push({ match, resolve: (p) => { clearTimeout(timer); published.splice(published.indexOf(p), 1); resolve(p); } });
    });
  }

  async function open(name, text) {
    const file = path.join(workspace, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
    return { uri, first: await diagnostics(uri, 1) };
  }

  if (initialize) {
    await connection.sendRequest(lsp.InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }],
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
      initializationOptions: { debounceMs: 20 },
    });
    connection.sendNotification(lsp.InitializedNotification.type, {});
  }
  return { child, connection, workspace, diagnostics, open };
}

/** Applies LSP text edits (all on one document, non-overlapping) to a text. */
function applyEdits(text, edits) {
  const lines = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') { lines.push(start); start = i + 1; }
  }
  const offset = (p) => Math.min(lines[Math.min(p.line, lines.length - 1)] + p.character, text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of sorted) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}

test('a flow with a secret in a log message gets KF1001 at the exact range', async (t) => {
  const s = await start(t);
  const { first } = await s.open('flows/hello.yaml', FLOW);
  assert.equal(first.diagnostics.length, 1);
  const d = first.diagnostics[0];
  assert.equal(d.code, 'KF1001');
  assert.equal(d.source, 'flowlint');
  assert.equal(d.severity, lsp.DiagnosticSeverity.Error);
  assert.deepEqual(d.range, { start: { line: 5, character: 23 }, end: { line: 5, character: 45 } });
  assert.equal(d.codeDescription.href, 'https://github.com/kestra-flowlint/flowlint/blob/main/rules.md#kf1001');
  assert.match(d.message, /secret\('GITHUB_TOKEN'\) is written to the logs by task 'log'/);
});

test('editing the secret away clears the diagnostics (incremental change)', async (t) => {
  const s = await start(t);
  const { uri } = await s.open('flows/hello.yaml', FLOW);
  s.connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 5, character: 23 }, end: { line: 5, character: 45 } }, text: "'world'" }],
  });
  const after = await s.diagnostics(uri, 2);
  assert.deepEqual(after.diagnostics, []);
});

test('the suppress code action inserts the comment above the line, indented like it', async (t) => {
  const s = await start(t);
  const { uri, first } = await s.open('flows/hello.yaml', FLOW);
  const actions = await s.connection.sendRequest(lsp.CodeActionRequest.type, {
    textDocument: { uri },
    range: first.diagnostics[0].range,
    context: { diagnostics: first.diagnostics },
  });
  const suppress = actions.find((a) => a.title === 'Suppress KF1001 on this line');
  assert.ok(suppress, `actions: ${actions.map((a) => a.title).join(', ')}`);
  assert.equal(suppress.kind, 'quickfix');
  const edits = suppress.edit.changes[uri];
  assert.deepEqual(edits, [{
    range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } },
    newText: '    # flowlint-disable-next-line KF1001\n',
  }]);
  // Applied, the comment really silences the finding.
  const fixed = applyEdits(FLOW, edits);
  s.connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }],
  });
  assert.deepEqual((await s.diagnostics(uri, 2)).diagnostics, []);
});

test('inside a block scalar the suppression goes above the owning key', async (t) => {
  const s = await start(t);
  const text = FLOW.replace(`    message: "Token {{ secret('GITHUB_TOKEN') }}"`, "    message: |\n      Token {{ secret('GITHUB_TOKEN') }}");
  const { uri, first } = await s.open('flows/block.yaml', text);
  assert.deepEqual(first.diagnostics.map((d) => [d.code, d.range.start.line]), [['KF1001', 6]]);
  const actions = await s.connection.sendRequest(lsp.CodeActionRequest.type, {
    textDocument: { uri }, range: first.diagnostics[0].range, context: { diagnostics: first.diagnostics },
  });
  const edits = actions.find((a) => a.title === 'Suppress KF1001 on this line').edit.changes[uri];
  assert.deepEqual(edits[0].range.start, { line: 5, character: 0 });
  assert.equal(edits[0].newText, '    # flowlint-disable-next-line KF1001\n');
});

test('hover over the finding shows the rule, why it matters and the good example', async (t) => {
  const s = await start(t);
  const { uri } = await s.open('flows/hello.yaml', FLOW);
  const hover = await s.connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 30 } });
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /^\*\*KF1001: /);
  assert.match(hover.contents.value, /\*\*Why it matters\.\*\*/);
  assert.match(hover.contents.value, /\*\*Good example:\*\*\n\n```yaml\n/);
  assert.deepEqual(hover.range, { start: { line: 5, character: 23 }, end: { line: 5, character: 45 } });
  const nothing = await s.connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } });
  assert.equal(nothing, null);
});

test('a malformed message gets a parse error and the server answers the next request', async (t) => {
  const s = await start(t);
  const { uri } = await s.open('flows/hello.yaml', FLOW);
  const body = Buffer.from('{"jsonrpc": "2.0", "id": 99, "method": ');
  s.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  s.child.stdin.write(Buffer.from('Content-Length: nope\r\n\r\n'));
  const hover = await s.connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 30 } });
  assert.match(hover.contents.value, /KF1001/);
});

test('requests before initialize and unknown methods get their JSON-RPC errors', async (t) => {
  const s = await start(t, { initialize: false });
  await assert.rejects(s.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///x.yaml' }, position: { line: 0, character: 0 } }),
    (e) => e.code === -32002);
  await s.connection.sendRequest(lsp.InitializeRequest.type, { processId: null, rootUri: null, capabilities: {} });
  await assert.rejects(s.connection.sendRequest('flowlint/unknown', {}), (e) => e.code === -32601);
  await s.connection.sendRequest(lsp.ShutdownRequest.type);
  const exited = new Promise((resolve) => s.child.on('exit', resolve));
  s.connection.sendNotification(lsp.ExitNotification.type);
  assert.equal(await exited, 0);
});

test('a YAML file that is not a flow stays clean', async (t) => {
  const s = await start(t);
  const { first } = await s.open('.github/workflows/ci.yml', "name: ci\non: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \"{{ secret('X') }}\"\n");
  assert.deepEqual(first.diagnostics, []);
});
