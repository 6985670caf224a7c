using System;
using System.Collections.Generic;
using System.Globalization;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Analysis;

/// <summary>One finding: a rule, where, and a message that never contains a secret value.</summary>
public sealed class Diagnostic
{
    private static readonly IReadOnlyDictionary<string, string> NoProperties = new Dictionary<string, string>();

    private Diagnostic(
        DiagnosticDescriptor descriptor,
        Location location,
        DiagnosticSeverity severity,
        string message,
        string ownerPath,
        IReadOnlyList<CodeFix> fixes,
        IReadOnlyDictionary<string, string> properties,
        bool isSuppressed,
        string? suppressionJustification,
        SuppressionKind suppressionKind)
    {
        Descriptor = descriptor;
        Location = location;
        Severity = severity;
        Message = message;
        OwnerPath = ownerPath;
        Fixes = fixes;
        Properties = properties;
        IsSuppressed = isSuppressed;
        SuppressionJustification = suppressionJustification;
        SuppressionKind = suppressionKind;
    }

    public static Diagnostic Create(
        DiagnosticDescriptor descriptor,
        Location location,
        string? ownerPath = null,
        IReadOnlyList<CodeFix>? fixes = null,
        IReadOnlyDictionary<string, string>? properties = null,
        params object?[] messageArgs)
    {
        string message = messageArgs is { Length: > 0 }
            ? string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, messageArgs)
            : descriptor.MessageFormat;
        // Findings live until the report, and most repeat another file's message and owner path word for word.
        var strings = StringCache.Current;
        return new Diagnostic(descriptor, location, descriptor.DefaultSeverity, strings.Share(message), ownerPath is null ? string.Empty : strings.Share(ownerPath),
            fixes ?? Array.Empty<CodeFix>(), properties ?? NoProperties, false, null, SuppressionKind.None);
    }

    public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceText text, TextSpan span, params object?[] messageArgs) =>
        Create(descriptor, new Location(text, span), null, null, null, messageArgs);

    public DiagnosticDescriptor Descriptor { get; }
    public string Id => Descriptor.Id;
    public Location Location { get; }

    /// <summary>The effective severity, after configuration.</summary>
    public DiagnosticSeverity Severity { get; }

    public string Message { get; }

    /// <summary>
    /// What the finding is about, independent of line numbers (e.g. "tasks/log_it/message"): part of the
    /// fingerprint, so a baseline survives edits above the finding.
    /// </summary>
    public string OwnerPath { get; }

    public IReadOnlyList<CodeFix> Fixes { get; }
    public IReadOnlyDictionary<string, string> Properties { get; }
    public bool IsSuppressed { get; }
    public string? SuppressionJustification { get; }
    public SuppressionKind SuppressionKind { get; }

    /// <summary>The same finding (rule, message, severity) at another place: a rule reporting one message many times shares it.</summary>
    public Diagnostic At(Location location, string ownerPath) =>
        new(Descriptor, location, Severity, Message, StringCache.Current.Share(ownerPath), Array.Empty<CodeFix>(), Properties, IsSuppressed, SuppressionJustification, SuppressionKind);

    public Diagnostic WithSeverity(DiagnosticSeverity severity) =>
        severity == Severity ? this : new Diagnostic(Descriptor, Location, severity, Message, OwnerPath, Fixes, Properties, IsSuppressed, SuppressionJustification, SuppressionKind);

    public Diagnostic WithSuppression(SuppressionKind kind, string? justification) =>
        new(Descriptor, Location, Severity, Message, OwnerPath, Fixes, Properties, true, justification, kind);

    public override string ToString() =>
        $"{Location.Path}:{Location.LineSpan.Start.Line + 1}:{Location.LineSpan.Start.Character + 1}: {Severity.ToText()}[{Id}]: {Message}";
}

public enum SuppressionKind
{
    None,

    /// <summary>An inline `# flowlint-disable...` comment in the file.</summary>
    InSource,

    /// <summary>A baseline file.</summary>
    External,
}
