using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kestra.FlowLint.LanguageServer.Protocol;

// The subset of the Language Server Protocol 3.17 that FlowLint speaks, as plain classes for System.Text.Json's source
// generator (LspJsonContext). Property names follow the protocol through the context's camelCase policy; null
// properties are left out of what the server writes.

public sealed class Position
{
    public int Line { get; set; }
    public int Character { get; set; }
}

public sealed class Range
{
    public Position Start { get; set; } = new();
    public Position End { get; set; } = new();
}

public sealed class TextDocumentIdentifier
{
    public string Uri { get; set; } = "";
}

public sealed class VersionedTextDocumentIdentifier
{
    public string Uri { get; set; } = "";
    public int? Version { get; set; }
}

public sealed class TextDocumentItem
{
    public string Uri { get; set; } = "";
    public string? LanguageId { get; set; }
    public int Version { get; set; }
    public string Text { get; set; } = "";
}

public sealed class WorkspaceFolder
{
    public string Uri { get; set; } = "";
    public string? Name { get; set; }
}

public sealed class InitializeParams
{
    public int? ProcessId { get; set; }
    public string? RootUri { get; set; }
    public string? RootPath { get; set; }
    public List<WorkspaceFolder>? WorkspaceFolders { get; set; }
    public ClientCapabilities? Capabilities { get; set; }
    public InitializationOptions? InitializationOptions { get; set; }
}

/// <summary>What a client may pass in <c>initializationOptions</c> (the VS Code extension's settings).</summary>
public sealed class InitializationOptions
{
    /// <summary>How long to wait after an edit before re-analysing, in milliseconds.</summary>
    public int? DebounceMs { get; set; }
}

public sealed class ClientCapabilities
{
    public WorkspaceClientCapabilities? Workspace { get; set; }
    public TextDocumentClientCapabilities? TextDocument { get; set; }
}

public sealed class WorkspaceClientCapabilities
{
    public DynamicRegistrationCapability? DidChangeWatchedFiles { get; set; }
}

public sealed class DynamicRegistrationCapability
{
    public bool? DynamicRegistration { get; set; }
}

public sealed class TextDocumentClientCapabilities
{
    public HoverClientCapabilities? Hover { get; set; }
}

public sealed class HoverClientCapabilities
{
    public List<string>? ContentFormat { get; set; }
}

public sealed class InitializeResult
{
    public ServerCapabilities Capabilities { get; set; } = new();
    public ServerInfo? ServerInfo { get; set; }
}

public sealed class ServerInfo
{
    public string Name { get; set; } = "flowlint";
    public string? Version { get; set; }
}

public sealed class ServerCapabilities
{
    public string PositionEncoding { get; set; } = "utf-16";
    public TextDocumentSyncOptions TextDocumentSync { get; set; } = new();
    public bool HoverProvider { get; set; } = true;
    public CodeActionOptions CodeActionProvider { get; set; } = new();
}

public sealed class TextDocumentSyncOptions
{
    public bool OpenClose { get; set; } = true;

    /// <summary>2: incremental.</summary>
    public int Change { get; set; } = 2;

    public SaveOptions Save { get; set; } = new();
}

public sealed class SaveOptions
{
    public bool IncludeText { get; set; }
}

public sealed class CodeActionOptions
{
    public List<string> CodeActionKinds { get; set; } = new() { "quickfix" };
}

public sealed class DidOpenTextDocumentParams
{
    public TextDocumentItem TextDocument { get; set; } = new();
}

public sealed class DidChangeTextDocumentParams
{
    public VersionedTextDocumentIdentifier TextDocument { get; set; } = new();
    public List<TextDocumentContentChangeEvent> ContentChanges { get; set; } = new();
}

public sealed class TextDocumentContentChangeEvent
{
    /// <summary>Absent for a change that replaces the whole document.</summary>
    public Range? Range { get; set; }

    public int? RangeLength { get; set; }
    public string Text { get; set; } = "";
}

public sealed class DidSaveTextDocumentParams
{
    public TextDocumentIdentifier TextDocument { get; set; } = new();
    public string? Text { get; set; }
}

public sealed class DidCloseTextDocumentParams
{
    public TextDocumentIdentifier TextDocument { get; set; } = new();
}

public sealed class DidChangeWatchedFilesParams
{
    public List<FileEvent> Changes { get; set; } = new();
}

public sealed class FileEvent
{
    public string Uri { get; set; } = "";

    /// <summary>1 created, 2 changed, 3 deleted.</summary>
    public int Type { get; set; }
}

public sealed class CancelParams
{
    public JsonElement Id { get; set; }
}

public sealed class PublishDiagnosticsParams
{
    public string Uri { get; set; } = "";
    public int? Version { get; set; }
    public List<LspDiagnostic> Diagnostics { get; set; } = new();
}

public sealed class LspDiagnostic
{
    public Range Range { get; set; } = new();

    /// <summary>1 error, 2 warning, 3 information, 4 hint.</summary>
    public int? Severity { get; set; }

    /// <summary>The rule id, e.g. KF1001.</summary>
    public string? Code { get; set; }

    public CodeDescription? CodeDescription { get; set; }
    public string? Source { get; set; }
    public string Message { get; set; } = "";

    /// <summary>1 unnecessary, 2 deprecated.</summary>
    public List<int>? Tags { get; set; }
}

public sealed class CodeDescription
{
    public string Href { get; set; } = "";
}

public sealed class CodeActionParams
{
    public TextDocumentIdentifier TextDocument { get; set; } = new();
    public Range Range { get; set; } = new();
    public CodeActionContext? Context { get; set; }
}

public sealed class CodeActionContext
{
    public List<LspDiagnostic>? Diagnostics { get; set; }
    public List<string>? Only { get; set; }
}

public sealed class CodeAction
{
    public string Title { get; set; } = "";
    public string? Kind { get; set; }
    public List<LspDiagnostic>? Diagnostics { get; set; }
    public bool? IsPreferred { get; set; }
    public WorkspaceEdit? Edit { get; set; }
}

public sealed class WorkspaceEdit
{
    public Dictionary<string, List<LspTextEdit>> Changes { get; set; } = new();
}

public sealed class LspTextEdit
{
    public Range Range { get; set; } = new();
    public string NewText { get; set; } = "";
}

public sealed class HoverParams
{
    public TextDocumentIdentifier TextDocument { get; set; } = new();
    public Position Position { get; set; } = new();
}

public sealed class Hover
{
    public MarkupContent Contents { get; set; } = new();
    public Range? Range { get; set; }
}

public sealed class MarkupContent
{
    /// <summary>markdown or plaintext.</summary>
    public string Kind { get; set; } = "markdown";

    public string Value { get; set; } = "";
}

public sealed class LogMessageParams
{
    /// <summary>1 error, 2 warning, 3 info, 4 log.</summary>
    public int Type { get; set; }

    public string Message { get; set; } = "";
}

public sealed class RegistrationParams
{
    public List<Registration> Registrations { get; set; } = new();
}

public sealed class Registration
{
    public string Id { get; set; } = "";
    public string Method { get; set; } = "";
    public DidChangeWatchedFilesRegistrationOptions? RegisterOptions { get; set; }
}

public sealed class DidChangeWatchedFilesRegistrationOptions
{
    public List<FileSystemWatcher> Watchers { get; set; } = new();
}

public sealed class FileSystemWatcher
{
    public string GlobPattern { get; set; } = "";
}

public sealed class ResponseError
{
    public int Code { get; set; }
    public string Message { get; set; } = "";
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(DidSaveTextDocumentParams))]
[JsonSerializable(typeof(DidCloseTextDocumentParams))]
[JsonSerializable(typeof(DidChangeWatchedFilesParams))]
[JsonSerializable(typeof(CancelParams))]
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(List<CodeAction>))]
[JsonSerializable(typeof(HoverParams))]
[JsonSerializable(typeof(Hover))]
[JsonSerializable(typeof(LogMessageParams))]
[JsonSerializable(typeof(RegistrationParams))]
[JsonSerializable(typeof(ResponseError))]
internal sealed partial class LspJsonContext : JsonSerializerContext
{
}
