using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Configuration;
using Kestra.FlowLint.LanguageServer.JsonRpc;
using Kestra.FlowLint.LanguageServer.Protocol;
using Range = Kestra.FlowLint.LanguageServer.Protocol.Range;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.LanguageServer;

/// <summary>How a <see cref="FlowLintLanguageServer"/> is set up by its host.</summary>
public sealed class LanguageServerOptions
{
    /// <summary>Every descriptor (engine and rules).</summary>
    public required IReadOnlyList<DiagnosticDescriptor> Catalogue { get; init; }

    /// <summary>Fresh analyzers for one analysis (run-start rules keep per-run state).</summary>
    public required Func<IReadOnlyList<FlowAnalyzer>> CreateAnalyzers { get; init; }

    /// <summary>The wait after an edit before re-analysing; a newer edit restarts it. The client may change it (initializationOptions.debounceMs).</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>Messages larger than this are skipped with an error instead of being read into memory.</summary>
    public long MaxMessageBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Where the server logs (stderr); never the protocol's output.</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;

    public string? Version { get; init; }

    /// <summary>The folder paths are reported relative to when the client names no workspace folder.</summary>
    public string? DefaultRoot { get; init; }

    /// <summary>Tests only: requests wait this long before running, so that cancelling one is deterministic.</summary>
    internal TimeSpan RequestDelay { get; init; }
}

/// <summary>
/// `flowlint lsp`: a Language Server Protocol 3.17 server over a pair of streams. The message loop only parses,
/// answers lifecycle requests and records edits; analysis is debounced and runs on the thread pool, a newer edit
/// cancelling older work, and publishes diagnostics for the version it analysed only if that is still current.
/// Every message is answered or dropped according to JSON-RPC: nothing a client sends ends the server, only
/// <c>exit</c> or the end of its input does.
/// </summary>
public sealed class FlowLintLanguageServer
{
    private readonly MessageReader _reader;
    private readonly MessageWriter _writer;
    private readonly LanguageServerOptions _options;
    private readonly DocumentLinter _linter;
    private readonly ConcurrentDictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _configurationsWithErrors = new(StringComparer.Ordinal);
    private readonly List<string> _roots = new();
    private TimeSpan _debounce;
    private bool _initialized;
    private bool _shutdown;
    private bool _canRegisterWatchers;
    private bool _markdownHover = true;
    private int _nextRequestId;

    public FlowLintLanguageServer(Stream input, Stream output, LanguageServerOptions options)
    {
        _options = options;
        _reader = new MessageReader(input, options.MaxMessageBytes);
        _writer = new MessageWriter(output);
        _linter = new DocumentLinter(options.Catalogue, options.CreateAnalyzers);
        _debounce = options.Debounce;
    }

    /// <summary>Runs until <c>exit</c> (0 after <c>shutdown</c>, else 1) or the end of the input (1 unless shut down).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Frame frame;
            try
            {
                frame = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return _shutdown ? 0 : 1;
            }
            catch (IOException ex)
            {
                Log("the input failed: " + ex.Message);
                return _shutdown ? 0 : 1;
            }
            if (frame.IsEnd) return _shutdown ? 0 : 1;
            if (frame.Error is not null)
            {
                Log("framing: " + frame.Error);
                SendError(null, ErrorCodes.ParseError, "Parse error: " + frame.Error);
                continue;
            }
            int? exit;
            try
            {
                exit = Dispatch(frame.Body!);
            }
            catch (Exception ex)
            {
                // Unreachable by design (each handler guards itself); the loop must outlive any bug all the same.
                Log("unexpected failure: " + ex);
                exit = null;
            }
            if (exit is { } code)
            {
                CancelAll();
                return code;
            }
        }
    }

    /// <summary>Handles one message; returns the exit code once <c>exit</c> arrives.</summary>
    private int? Dispatch(byte[] body)
    {
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            SendError(null, ErrorCodes.ParseError, "Parse error: the message is not valid UTF-8");
            return null;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            SendError(null, ErrorCodes.ParseError, "Parse error: " + ex.Message);
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                SendError(null, ErrorCodes.InvalidRequest, root.ValueKind == JsonValueKind.Array
                    ? "Invalid Request: batches are not part of the Language Server Protocol"
                    : "Invalid Request: a message is a JSON object");
                return null;
            }

            JsonElement? id = null;
            if (root.TryGetProperty("id", out var idElement))
            {
                if (idElement.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
                {
                    SendError(null, ErrorCodes.InvalidRequest, "Invalid Request: id must be a string or a number");
                    return null;
                }
                id = idElement.Clone();
            }
            if (!root.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
            {
                SendError(id, ErrorCodes.InvalidRequest, "Invalid Request: \"jsonrpc\" must be \"2.0\"");
                return null;
            }
            if (!root.TryGetProperty("method", out var methodElement))
            {
                if (id is not null && (root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _)))
                {
                    // A response to one of the server's own requests (client/registerCapability).
                    if (root.TryGetProperty("error", out var error)) Log("the client refused a request: " + error.GetRawText());
                    return null;
                }
                SendError(id, ErrorCodes.InvalidRequest, "Invalid Request: no method");
                return null;
            }
            if (methodElement.ValueKind != JsonValueKind.String)
            {
                SendError(id, ErrorCodes.InvalidRequest, "Invalid Request: method must be a string");
                return null;
            }
            string method = methodElement.GetString()!;
            JsonElement parameters = root.TryGetProperty("params", out var p) ? p : default;

            if (id is { } requestId) HandleRequest(requestId, method, parameters);
            else return HandleNotification(method, parameters);
            return null;
        }
    }

    private void HandleRequest(JsonElement id, string method, JsonElement parameters)
    {
        if (method == "initialize")
        {
            if (_initialized)
            {
                SendError(id, ErrorCodes.InvalidRequest, "initialize was already received");
                return;
            }
            if (!TryRead(parameters, LspJsonContext.Default.InitializeParams, out var init, out string? problem))
            {
                SendError(id, ErrorCodes.InvalidParams, "Invalid params: " + problem);
                return;
            }
            Initialize(init!);
            SendResult(id, new InitializeResult
            {
                Capabilities = new ServerCapabilities(),
                ServerInfo = new ServerInfo { Name = "flowlint", Version = _options.Version },
            }, LspJsonContext.Default.InitializeResult);
            return;
        }
        if (!_initialized)
        {
            SendError(id, ErrorCodes.ServerNotInitialized, $"Server not initialized: '{method}' before 'initialize'");
            return;
        }
        if (_shutdown)
        {
            SendError(id, ErrorCodes.InvalidRequest, $"Invalid Request: '{method}' after 'shutdown'");
            return;
        }
        switch (method)
        {
            case "shutdown":
                _shutdown = true;
                CancelAll();
                SendNullResult(id);
                return;
            case "textDocument/hover":
                if (TryRead(parameters, LspJsonContext.Default.HoverParams, out var hover, out var hoverProblem))
                    RunRequest(id, token => HoverAt(hover!, token), LspJsonContext.Default.Hover);
                else SendError(id, ErrorCodes.InvalidParams, "Invalid params: " + hoverProblem);
                return;
            case "textDocument/codeAction":
                if (TryRead(parameters, LspJsonContext.Default.CodeActionParams, out var action, out var actionProblem))
                    RunRequest(id, token => CodeActionsFor(action!, token), LspJsonContext.Default.ListCodeAction);
                else SendError(id, ErrorCodes.InvalidParams, "Invalid params: " + actionProblem);
                return;
            default:
                SendError(id, ErrorCodes.MethodNotFound, $"Method not found: '{method}'");
                return;
        }
    }

    private int? HandleNotification(string method, JsonElement parameters)
    {
        if (method == "exit") return _shutdown ? 0 : 1;
        if (!_initialized) return null; // Notifications before initialize are dropped, as the protocol says.
        try
        {
            switch (method)
            {
                case "initialized":
                    RegisterWatchers();
                    break;
                case "$/cancelRequest":
                    if (TryRead(parameters, LspJsonContext.Default.CancelParams, out var cancel, out _) && cancel!.Id.ValueKind is JsonValueKind.String or JsonValueKind.Number
                        && _requests.TryGetValue(cancel.Id.GetRawText(), out var cts))
                        cts.Cancel();
                    break;
                case "textDocument/didOpen":
                    if (Read(parameters, LspJsonContext.Default.DidOpenTextDocumentParams, method) is { } open) DidOpen(open);
                    break;
                case "textDocument/didChange":
                    if (Read(parameters, LspJsonContext.Default.DidChangeTextDocumentParams, method) is { } change) DidChange(change);
                    break;
                case "textDocument/didSave":
                    if (Read(parameters, LspJsonContext.Default.DidSaveTextDocumentParams, method) is { } save) DidSave(save);
                    break;
                case "textDocument/didClose":
                    if (Read(parameters, LspJsonContext.Default.DidCloseTextDocumentParams, method) is { } close) DidClose(close);
                    break;
                case "workspace/didChangeWatchedFiles":
                    if (Read(parameters, LspJsonContext.Default.DidChangeWatchedFilesParams, method) is { } watched) DidChangeWatchedFiles(watched);
                    break;
                case "workspace/didChangeConfiguration":
                    RelintAll();
                    break;
                default:
                    // Unknown notifications ($/setTrace, $/progress, …) are ignored, as the protocol asks.
                    break;
            }
        }
        catch (Exception ex)
        {
            Log($"{method} failed: {ex}");
        }
        return null;
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------

    private void Initialize(InitializeParams init)
    {
        _initialized = true;
        if (init.WorkspaceFolders is { Count: > 0 } folders)
        {
            foreach (var folder in folders)
                if (DocumentUri.ToPath(folder.Uri) is { } path) _roots.Add(path);
        }
        else if (init.RootUri is { } rootUri && DocumentUri.ToPath(rootUri) is { } rootPath) _roots.Add(rootPath);
        else if (init.RootPath is { Length: > 0 } legacy) _roots.Add(Path.GetFullPath(legacy));
        _canRegisterWatchers = init.Capabilities?.Workspace?.DidChangeWatchedFiles?.DynamicRegistration == true;
        if (init.Capabilities?.TextDocument?.Hover?.ContentFormat is { Count: > 0 } formats) _markdownHover = formats.Contains("markdown");
        if (init.InitializationOptions?.DebounceMs is int ms and >= 0 and <= 10_000) _debounce = TimeSpan.FromMilliseconds(ms);
    }

    /// <summary>Asks the client to report changes of every .flowlint.yaml, which re-lints the open documents.</summary>
    private void RegisterWatchers()
    {
        if (!_canRegisterWatchers) return;
        var registration = new RegistrationParams
        {
            Registrations =
            {
                new Registration
                {
                    Id = "flowlint-configuration-watcher",
                    Method = "workspace/didChangeWatchedFiles",
                    RegisterOptions = new DidChangeWatchedFilesRegistrationOptions
                    {
                        Watchers =
                        {
                            new Protocol.FileSystemWatcher { GlobPattern = "**/" + FlowLintConfiguration.FileName },
                            new Protocol.FileSystemWatcher { GlobPattern = "**/" + FlowLintConfiguration.AlternateFileName },
                        },
                    },
                },
            },
        };
        SendRequest("client/registerCapability", registration, LspJsonContext.Default.RegistrationParams);
    }

    private void CancelAll()
    {
        foreach (var request in _requests.Values) request.Cancel();
        foreach (var document in _documents.Values) document.CancelPending();
    }

    // ---- documents ------------------------------------------------------------------------------------------

    private void DidOpen(DidOpenTextDocumentParams open)
    {
        var item = open.TextDocument;
        var document = new OpenDocument(item.Uri, item.Text, item.Version, Locate(item.Uri));
        if (_documents.TryGetValue(item.Uri, out var previous)) previous.Close();
        _documents[item.Uri] = document;
        ScheduleLint(document, TimeSpan.Zero);
    }

    private void DidChange(DidChangeTextDocumentParams change)
    {
        if (!_documents.TryGetValue(change.TextDocument.Uri, out var document))
        {
            Log("didChange for a document that is not open: " + change.TextDocument.Uri);
            return;
        }
        document.Apply(change.ContentChanges, change.TextDocument.Version);
        ScheduleLint(document, _debounce);
    }

    private void DidSave(DidSaveTextDocumentParams save)
    {
        if (IsConfigurationUri(save.TextDocument.Uri))
        {
            RelintAll();
            return;
        }
        if (_documents.TryGetValue(save.TextDocument.Uri, out var document)) ScheduleLint(document, TimeSpan.Zero);
    }

    private void DidClose(DidCloseTextDocumentParams close)
    {
        if (!_documents.TryRemove(close.TextDocument.Uri, out var document)) return;
        document.Close();
        lock (document.Gate)
            SendNotification("textDocument/publishDiagnostics", new PublishDiagnosticsParams { Uri = document.Uri }, LspJsonContext.Default.PublishDiagnosticsParams);
    }

    private void DidChangeWatchedFiles(DidChangeWatchedFilesParams watched)
    {
        foreach (var change in watched.Changes)
        {
            if (!IsConfigurationUri(change.Uri)) continue;
            RelintAll();
            return;
        }
    }

    private static bool IsConfigurationUri(string uri) =>
        uri.EndsWith("/" + FlowLintConfiguration.FileName, StringComparison.Ordinal) || uri.EndsWith("/" + FlowLintConfiguration.AlternateFileName, StringComparison.Ordinal);

    private void RelintAll()
    {
        foreach (var document in _documents.Values)
        {
            document.Invalidate();
            ScheduleLint(document, TimeSpan.Zero);
        }
    }

    private DocumentLocation Locate(string uri)
    {
        string? path = DocumentUri.ToPath(uri);
        string root = RootFor(path);
        // A document that is not a file (untitled:) is linted as if it were in the workspace's root folder.
        string fullPath = path ?? Path.Combine(root, DocumentUri.LastSegment(uri));
        return new DocumentLocation(fullPath, DisplayPath(fullPath, root), root);
    }

    private string RootFor(string? path)
    {
        string? best = null;
        if (path is not null)
        {
            foreach (var root in _roots)
            {
                string prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
                if (path.StartsWith(prefix, StringComparison.Ordinal) && (best is null || root.Length > best.Length)) best = root;
            }
        }
        return best ?? (_roots.Count > 0 ? _roots[0] : _options.DefaultRoot ?? Directory.GetCurrentDirectory());
    }

    /// <summary>Paths as `flowlint check` prints them when run in the workspace folder: relative, '/'-separated.</summary>
    private static string DisplayPath(string fullPath, string root) => Path.GetRelativePath(root, fullPath).Replace('\\', '/');

    // ---- analysis -------------------------------------------------------------------------------------------

    private void ScheduleLint(OpenDocument document, TimeSpan delay)
    {
        var token = document.Restart();
        _ = Task.Run(async () =>
        {
            try
            {
                if (delay > TimeSpan.Zero) await Task.Delay(delay, token).ConfigureAwait(false);
                token.ThrowIfCancellationRequested();
                var snapshot = Snapshot(document, document.Current(), token);
                Publish(document, snapshot, token);
            }
            catch (OperationCanceledException)
            {
                // A newer edit (or close) took over.
            }
            catch (Exception ex)
            {
                Log($"analysis of {document.Uri} failed: {ex}");
            }
        }, CancellationToken.None);
    }

    /// <summary>The analysis of one version of a document: the cached one when it is of that version.</summary>
    private LintSnapshot Snapshot(OpenDocument document, (string Text, int Version) current, CancellationToken token)
    {
        var cached = document.Last;
        if (cached is not null && cached.Version == current.Version && ReferenceEquals(cached.Source, current.Text)) return cached;
        token.ThrowIfCancellationRequested();
        var location = document.Location;
        var result = _linter.Lint(location.FullPath, location.DisplayPath, current.Text, full => DisplayPath(full, location.Root));
        var snapshot = new LintSnapshot(current.Version, current.Text, result);
        document.Remember(snapshot);
        return snapshot;
    }

    private void Publish(OpenDocument document, LintSnapshot snapshot, CancellationToken token)
    {
        var diagnostics = new List<LspDiagnostic>(snapshot.Result.Diagnostics.Count);
        foreach (var d in snapshot.Result.Diagnostics) diagnostics.Add(LspDiagnostics.Convert(d));
        var errors = snapshot.Result.ConfigurationErrors;
        if (errors.Count > 0)
        {
            // `flowlint check` stops on a broken configuration; the editor says why this file shows nothing else.
            diagnostics.Add(new LspDiagnostic
            {
                Range = new Range(),
                Severity = 1,
                Source = LspDiagnostics.Source,
                Message = $"FlowLint did not analyse this file: its configuration has {errors.Count} error(s); the first: {errors[0]}",
            });
        }
        lock (document.Gate)
        {
            if (token.IsCancellationRequested || document.IsClosed || document.Current().Version != snapshot.Version) return;
            SendNotification("textDocument/publishDiagnostics",
                new PublishDiagnosticsParams { Uri = document.Uri, Version = snapshot.Version, Diagnostics = diagnostics },
                LspJsonContext.Default.PublishDiagnosticsParams);
        }
        PublishConfigurationErrors(snapshot.Result, document.Location.Root);
    }

    /// <summary>A configuration's own errors appear on the configuration file, and go away once it is fixed.</summary>
    private void PublishConfigurationErrors(LintResult result, string root)
    {
        var byFile = new Dictionary<string, List<LspDiagnostic>>(StringComparer.Ordinal);
        if (result.ConfigurationPath is { } applied) byFile[applied] = new List<LspDiagnostic>();
        foreach (var error in result.ConfigurationErrors)
        {
            // Errors name their file by its reported path (relative to the workspace folder).
            string file = Path.GetFullPath(Path.Combine(root, error.Text.Path));
            if (!byFile.TryGetValue(file, out var list)) byFile[file] = list = new List<LspDiagnostic>();
            list.Add(LspDiagnostics.Convert(error));
        }
        foreach (var (file, diagnostics) in byFile)
        {
            bool had = _configurationsWithErrors.TryGetValue(file, out var previous) && previous;
            if (diagnostics.Count == 0 && !had) continue;
            _configurationsWithErrors[file] = diagnostics.Count > 0;
            SendNotification("textDocument/publishDiagnostics", new PublishDiagnosticsParams { Uri = DocumentUri.FromPath(file), Diagnostics = diagnostics },
                LspJsonContext.Default.PublishDiagnosticsParams);
        }
    }

    private LintSnapshot? SnapshotFor(string uri, CancellationToken token)
    {
        if (!_documents.TryGetValue(uri, out var document)) return null;
        return Snapshot(document, document.Current(), token);
    }

    private Hover? HoverAt(HoverParams hover, CancellationToken token)
    {
        if (SnapshotFor(hover.TextDocument.Uri, token) is not { } snapshot) return null;
        var at = new LinePosition(hover.Position.Line, hover.Position.Character);
        var parts = new List<string>();
        Diagnostic? first = null;
        foreach (var d in snapshot.Result.Diagnostics)
        {
            if (!LspDiagnostics.Contains(d.Location.LineSpan, at)) continue;
            first ??= d;
            parts.Add(LspDiagnostics.HoverMarkdown(d));
        }
        if (first is null) return null;
        return new Hover
        {
            Contents = new MarkupContent { Kind = _markdownHover ? "markdown" : "plaintext", Value = string.Join("\n\n---\n\n", parts) },
            Range = DocumentText.ToRange(first.Location.LineSpan),
        };
    }

    private List<CodeAction> CodeActionsFor(CodeActionParams request, CancellationToken token)
    {
        if (SnapshotFor(request.TextDocument.Uri, token) is not { } snapshot) return new List<CodeAction>();
        if (request.Context?.Only is { Count: > 0 } only && !only.Exists(k => k == "quickfix" || "quickfix".StartsWith(k + ".", StringComparison.Ordinal)))
            return new List<CodeAction>();
        token.ThrowIfCancellationRequested();
        return CodeActions.For(request.TextDocument.Uri, snapshot.Result, request.Range, _options.Catalogue);
    }

    // ---- JSON-RPC output ------------------------------------------------------------------------------------

    /// <summary>Runs a request off the loop; <c>$/cancelRequest</c> for its id answers it with RequestCancelled.</summary>
    private void RunRequest<T>(JsonElement id, Func<CancellationToken, T?> handler, JsonTypeInfo<T> typeInfo) where T : class
    {
        string key = id.GetRawText();
        var cts = new CancellationTokenSource();
        _requests[key] = cts;
        _ = Task.Run(async () =>
        {
            try
            {
                if (_options.RequestDelay > TimeSpan.Zero) await Task.Delay(_options.RequestDelay, cts.Token).ConfigureAwait(false);
                var result = handler(cts.Token);
                if (cts.IsCancellationRequested) SendError(id, ErrorCodes.RequestCancelled, "Request cancelled");
                else if (result is null) SendNullResult(id);
                else SendResult(id, result, typeInfo);
            }
            catch (OperationCanceledException)
            {
                SendError(id, ErrorCodes.RequestCancelled, "Request cancelled");
            }
            catch (Exception ex)
            {
                Log("request failed: " + ex);
                SendError(id, ErrorCodes.InternalError, "Internal error: " + ex.Message);
            }
            finally
            {
                _requests.TryRemove(key, out _);
                cts.Dispose();
            }
        }, CancellationToken.None);
    }

    private bool TryRead<T>(JsonElement parameters, JsonTypeInfo<T> typeInfo, out T? value, out string? problem) where T : class
    {
        value = null;
        problem = null;
        if (parameters.ValueKind != JsonValueKind.Object)
        {
            problem = "params must be an object";
            return false;
        }
        try
        {
            value = parameters.Deserialize(typeInfo);
        }
        catch (JsonException ex)
        {
            problem = ex.Message;
            return false;
        }
        if (value is null) problem = "params are null";
        return value is not null;
    }

    private T? Read<T>(JsonElement parameters, JsonTypeInfo<T> typeInfo, string method) where T : class
    {
        if (TryRead(parameters, typeInfo, out var value, out var problem)) return value;
        Log($"{method}: invalid params: {problem}");
        return null;
    }

    private void SendResult<T>(JsonElement id, T result, JsonTypeInfo<T> typeInfo) => Send(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        writer.WritePropertyName("id");
        id.WriteTo(writer);
        writer.WritePropertyName("result");
        JsonSerializer.Serialize(writer, result, typeInfo);
        writer.WriteEndObject();
    });

    private void SendNullResult(JsonElement id) => Send(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        writer.WritePropertyName("id");
        id.WriteTo(writer);
        writer.WriteNull("result");
        writer.WriteEndObject();
    });

    private void SendError(JsonElement? id, int code, string message) => Send(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        writer.WritePropertyName("id");
        if (id is { } value) value.WriteTo(writer);
        else writer.WriteNullValue();
        writer.WritePropertyName("error");
        JsonSerializer.Serialize(writer, new ResponseError { Code = code, Message = message }, LspJsonContext.Default.ResponseError);
        writer.WriteEndObject();
    });

    private void SendNotification<T>(string method, T parameters, JsonTypeInfo<T> typeInfo) => Send(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        writer.WriteString("method", method);
        writer.WritePropertyName("params");
        JsonSerializer.Serialize(writer, parameters, typeInfo);
        writer.WriteEndObject();
    });

    private void SendRequest<T>(string method, T parameters, JsonTypeInfo<T> typeInfo)
    {
        int id = Interlocked.Increment(ref _nextRequestId);
        Send(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteString("id", "flowlint-" + id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("method", method);
            writer.WritePropertyName("params");
            JsonSerializer.Serialize(writer, parameters, typeInfo);
            writer.WriteEndObject();
        });
    }

    private void Send(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) write(writer);
        try
        {
            _writer.Write(buffer.WrittenSpan);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            Log("the output failed: " + ex.Message);
        }
    }

    private void Log(string message)
    {
        try
        {
            lock (_options.Log) _options.Log.WriteLine("flowlint lsp: " + message);
        }
        catch (Exception)
        {
            // Logging must never take the server down.
        }
    }

    // ---- state ----------------------------------------------------------------------------------------------

    private sealed record DocumentLocation(string FullPath, string DisplayPath, string Root);

    private sealed class LintSnapshot
    {
        public LintSnapshot(int version, string source, LintResult result)
        {
            Version = version;
            Source = source;
            Result = result;
        }

        public int Version { get; }
        public string Source { get; }
        public LintResult Result { get; }
    }

    private sealed class OpenDocument
    {
        private string _text;
        private int _version;
        private CancellationTokenSource? _pending;
        private LintSnapshot? _last;

        public OpenDocument(string uri, string text, int version, DocumentLocation location)
        {
            Uri = uri;
            _text = text;
            _version = version;
            Location = location;
        }

        public string Uri { get; }
        public DocumentLocation Location { get; }
        public object Gate { get; } = new();
        public bool IsClosed { get; private set; }

        public LintSnapshot? Last
        {
            get { lock (Gate) return _last; }
        }

        public (string Text, int Version) Current()
        {
            lock (Gate) return (_text, _version);
        }

        public void Apply(IReadOnlyList<TextDocumentContentChangeEvent> changes, int? version)
        {
            lock (Gate)
            {
                _text = DocumentText.Apply(_text, changes);
                // Every change is a new version, even from a client that sends none.
                _version = version ?? _version + 1;
            }
        }

        /// <summary>Cancels the pending analysis and returns the token of the next one.</summary>
        public CancellationToken Restart()
        {
            lock (Gate)
            {
                _pending?.Cancel();
                _pending = new CancellationTokenSource();
                return _pending.Token;
            }
        }

        public void Remember(LintSnapshot snapshot)
        {
            lock (Gate)
                if (snapshot.Version == _version && ReferenceEquals(snapshot.Source, _text)) _last = snapshot;
        }

        /// <summary>Forgets the cached analysis (its configuration changed).</summary>
        public void Invalidate()
        {
            lock (Gate) _last = null;
        }

        public void CancelPending()
        {
            lock (Gate) _pending?.Cancel();
        }

        public void Close()
        {
            lock (Gate)
            {
                IsClosed = true;
                _pending?.Cancel();
            }
        }
    }
}

/// <summary>JSON-RPC 2.0's and LSP's error codes.</summary>
public static class ErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;
    public const int RequestCancelled = -32800;
}
