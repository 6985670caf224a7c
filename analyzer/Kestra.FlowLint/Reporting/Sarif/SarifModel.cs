using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;

namespace Kestra.FlowLint.Reporting.Sarif;

// The subset of SARIF 2.1.0 FlowLint writes, as plain typed objects written by SarifJson (Utf8JsonWriter,
// no reflection, NativeAOT-safe). Property order is the order of declaration; null properties are left out.
// Names follow the SARIF schema (camelCase; SarifJson writes the literal names of $schema, problem.severity
// and security-severity).

internal sealed class SarifLog
{
    public string Schema { get; init; } = "https://json.schemastore.org/sarif-2.1.0.json";

    public string Version { get; init; } = "2.1.0";
    public List<SarifRun> Runs { get; init; } = new();
}

internal sealed class SarifRun
{
    public SarifTool Tool { get; init; } = new();
    public List<SarifInvocation>? Invocations { get; init; }
    public SarifRunAutomationDetails? AutomationDetails { get; init; }
    public Dictionary<string, SarifArtifactLocation>? OriginalUriBaseIds { get; init; }
    public string ColumnKind { get; init; } = "utf16CodeUnits";
    /// <summary>Read once by the size bound and once by the writer; the report's results are made as they are read.</summary>
    public IReadOnlyList<SarifResult> Results { get; set; } = Array.Empty<SarifResult>();
}

internal sealed class SarifTool
{
    public SarifToolComponent Driver { get; init; } = new();
}

internal sealed class SarifToolComponent
{
    public string Name { get; init; } = "";
    public string? FullName { get; init; }
    public string? Version { get; init; }
    public string? SemanticVersion { get; init; }
    public string? InformationUri { get; init; }
    public List<SarifReportingDescriptor> Rules { get; init; } = new();
}

internal sealed class SarifReportingDescriptor
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
    public SarifMultiformatMessage? ShortDescription { get; init; }
    public SarifMultiformatMessage? FullDescription { get; init; }
    public SarifMultiformatMessage? Help { get; init; }

    /// <summary>
    /// Instead of <see cref="Help"/>: the rule whose help SarifJson renders while writing, into one reused buffer
    /// (the catalogue's help texts are most of a SARIF log; as strings they were ~0.5 MB of fresh memory per run).
    /// </summary>
    internal DiagnosticDescriptor? HelpOf;
    public string? HelpUri { get; init; }
    public SarifReportingConfiguration? DefaultConfiguration { get; init; }
    public SarifRuleProperties? Properties { get; init; }
}

internal sealed class SarifMultiformatMessage
{
    public string Text { get; init; } = "";
    public string? Markdown { get; init; }
}

internal sealed class SarifReportingConfiguration
{
    /// <summary>Written only when false (SARIF's default is true).</summary>
    public bool? Enabled { get; init; }

    public string Level { get; init; } = "warning";
}

internal sealed class SarifRuleProperties
{
    public List<string> Tags { get; init; } = new();
    public string? Precision { get; init; }

    public string? ProblemSeverity { get; init; }

    public string? SecuritySeverity { get; init; }
}

internal sealed class SarifResult
{
    public string RuleId { get; init; } = "";
    public int RuleIndex { get; init; }
    public string Level { get; init; } = "warning";
    // Set by the writer for every result: no default object to build and throw away for each of thousands.
    public SarifMessage Message { get; init; } = null!;
    public IReadOnlyList<SarifLocation> Locations { get; init; } = Array.Empty<SarifLocation>();
    // A result has one fingerprint and a large log tens of thousands of results: the writer sets a one-entry map.
    public IReadOnlyDictionary<string, string>? PartialFingerprints { get; init; }
    public List<SarifSuppression>? Suppressions { get; init; }
    public List<SarifFix>? Fixes { get; init; }
}

internal sealed class SarifMessage
{
    public string Text { get; init; } = "";
}

internal sealed class SarifLocation
{
    public SarifPhysicalLocation PhysicalLocation { get; init; } = null!;
}

internal sealed class SarifPhysicalLocation
{
    public SarifArtifactLocation ArtifactLocation { get; init; } = null!;
    public SarifRegion? Region { get; init; }
}

internal sealed class SarifArtifactLocation
{
    public string? Uri { get; init; }
    public string? UriBaseId { get; init; }
    public SarifMessage? Description { get; init; }
}

internal sealed class SarifRegion
{
    public int StartLine { get; init; }
    public int StartColumn { get; init; }
    public int EndLine { get; init; }
    public int EndColumn { get; init; }
    public SarifArtifactContent? Snippet { get; init; }
}

internal sealed class SarifArtifactContent
{
    public string Text { get; init; } = "";
}

internal sealed class SarifFix
{
    public SarifMessage Description { get; init; } = new();
    public List<SarifArtifactChange> ArtifactChanges { get; init; } = new();
}

internal sealed class SarifArtifactChange
{
    public SarifArtifactLocation ArtifactLocation { get; init; } = new();
    public List<SarifReplacement> Replacements { get; init; } = new();
}

internal sealed class SarifReplacement
{
    public SarifRegion DeletedRegion { get; init; } = new();
    public SarifArtifactContent InsertedContent { get; init; } = new();
}

internal sealed class SarifSuppression
{
    /// <summary>`inSource` (a comment in the file) or `external` (the baseline).</summary>
    public string Kind { get; init; } = "inSource";

    public string? Status { get; init; }
    public string? Justification { get; init; }
}

internal sealed class SarifInvocation
{
    public bool ExecutionSuccessful { get; init; }
    public List<SarifNotification>? ToolExecutionNotifications { get; init; }
}

internal sealed class SarifNotification
{
    public string Level { get; init; } = "error";
    public SarifMessage Message { get; init; } = new();
    public List<SarifLocation>? Locations { get; init; }
    public SarifReportingDescriptorReference? AssociatedRule { get; init; }
}

internal sealed class SarifReportingDescriptorReference
{
    public string Id { get; init; } = "";
    public int? Index { get; init; }
}

internal sealed class SarifRunAutomationDetails
{
    public string Id { get; init; } = "";
}

/// <summary>A map of one entry, as small as two strings: what every result's partialFingerprints holds.</summary>
internal sealed class SingleEntryMap : IReadOnlyDictionary<string, string>
{
    public SingleEntryMap(string key, string value)
    {
        Key = key;
        Value = value;
    }

    public string Key { get; }
    public string Value { get; }

    public string this[string key] => key == Key ? Value : throw new KeyNotFoundException(key);
    public IEnumerable<string> Keys => new[] { Key };
    public IEnumerable<string> Values => new[] { Value };
    public int Count => 1;
    public bool ContainsKey(string key) => key == Key;

    public bool TryGetValue(string key, out string value)
    {
        value = key == Key ? Value : null!;
        return key == Key;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        yield return new KeyValuePair<string, string>(Key, Value);
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
