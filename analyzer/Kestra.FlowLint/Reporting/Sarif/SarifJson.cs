using System;
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kestra.FlowLint.Reporting.Sarif;

/// <summary>
/// Writes the SARIF model (<see cref="SarifLog"/>) as JSON with a <see cref="Utf8JsonWriter"/>: properties in
/// declaration order, null ones left out, two-space indentation, "\n" line breaks, non-ASCII text as is.
/// Written by hand rather than by a JsonSerializerContext because configuring the serializer's metadata for
/// these 24 types (attribute lookups by reflection) took more time than linting a flow, on every run.
/// </summary>
internal static class SarifJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        // Non-ASCII text stays readable; the file is written as UTF-8, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The log as UTF-8 JSON (no trailing newline), appended to <paramref name="into"/>.</summary>
    public static void Write(SarifLog log, IBufferWriter<byte> into)
    {
        using var w = new Utf8JsonWriter(into, Options);
        var help = new HelpBuffer();
        w.WriteStartObject();
        w.WriteString("$schema", log.Schema);
        w.WriteString("version", log.Version);
        w.WriteStartArray("runs");
        foreach (var run in log.Runs) Run(w, run, help);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The log as JSON text (no trailing newline).</summary>
    public static string ToText(SarifLog log)
    {
        var buffer = new Utf8Chunks();
        Write(log, buffer);
        return buffer.ToString();
    }

    private static void Run(Utf8JsonWriter w, SarifRun run, HelpBuffer help)
    {
        w.WriteStartObject();
        w.WritePropertyName("tool");
        w.WriteStartObject();
        w.WritePropertyName("driver");
        ToolComponent(w, run.Tool.Driver, help);
        w.WriteEndObject();
        if (run.Invocations is not null)
        {
            w.WriteStartArray("invocations");
            foreach (var invocation in run.Invocations) Invocation(w, invocation);
            w.WriteEndArray();
        }
        if (run.AutomationDetails is not null)
        {
            w.WriteStartObject("automationDetails");
            w.WriteString("id", run.AutomationDetails.Id);
            w.WriteEndObject();
        }
        if (run.OriginalUriBaseIds is not null)
        {
            w.WriteStartObject("originalUriBaseIds");
            foreach (var entry in run.OriginalUriBaseIds)
            {
                w.WritePropertyName(entry.Key);
                ArtifactLocation(w, entry.Value);
            }
            w.WriteEndObject();
        }
        w.WriteString("columnKind", run.ColumnKind);
        w.WriteStartArray("results");
        foreach (var result in run.Results) Result(w, result);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void ToolComponent(Utf8JsonWriter w, SarifToolComponent c, HelpBuffer help)
    {
        w.WriteStartObject();
        w.WriteString("name", c.Name);
        OptionalString(w, "fullName", c.FullName);
        OptionalString(w, "version", c.Version);
        OptionalString(w, "semanticVersion", c.SemanticVersion);
        OptionalString(w, "informationUri", c.InformationUri);
        w.WriteStartArray("rules");
        foreach (var rule in c.Rules) ReportingDescriptor(w, rule, help);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void ReportingDescriptor(Utf8JsonWriter w, SarifReportingDescriptor d, HelpBuffer help)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        OptionalString(w, "name", d.Name);
        MultiformatMessage(w, "shortDescription", d.ShortDescription);
        MultiformatMessage(w, "fullDescription", d.FullDescription);
        if (d.HelpOf is { } rule)
        {
            w.WriteStartObject("help");
            help.Write(w, "text", SarifRules.HelpText(rule, help.Text));
            help.Write(w, "markdown", SarifRules.HelpMarkdown(rule, help.Text));
            w.WriteEndObject();
        }
        else
        {
            MultiformatMessage(w, "help", d.Help);
        }
        OptionalString(w, "helpUri", d.HelpUri);
        if (d.DefaultConfiguration is { } configuration)
        {
            w.WriteStartObject("defaultConfiguration");
            if (configuration.Enabled is { } enabled) w.WriteBoolean("enabled", enabled);
            w.WriteString("level", configuration.Level);
            w.WriteEndObject();
        }
        if (d.Properties is { } properties)
        {
            w.WriteStartObject("properties");
            w.WriteStartArray("tags");
            foreach (var tag in properties.Tags) w.WriteStringValue(tag);
            w.WriteEndArray();
            OptionalString(w, "precision", properties.Precision);
            OptionalString(w, "problem.severity", properties.ProblemSeverity);
            OptionalString(w, "security-severity", properties.SecuritySeverity);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void MultiformatMessage(Utf8JsonWriter w, string name, SarifMultiformatMessage? message)
    {
        if (message is null) return;
        w.WriteStartObject(name);
        w.WriteString("text", message.Text);
        OptionalString(w, "markdown", message.Markdown);
        w.WriteEndObject();
    }

    private static void Result(Utf8JsonWriter w, SarifResult r)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", r.RuleId);
        w.WriteNumber("ruleIndex", r.RuleIndex);
        w.WriteString("level", r.Level);
        Message(w, "message", r.Message);
        w.WriteStartArray("locations");
        foreach (var location in r.Locations) Location(w, location);
        w.WriteEndArray();
        if (r.PartialFingerprints is not null)
        {
            w.WriteStartObject("partialFingerprints");
            foreach (var entry in r.PartialFingerprints) w.WriteString(entry.Key, entry.Value);
            w.WriteEndObject();
        }
        if (r.Suppressions is not null)
        {
            w.WriteStartArray("suppressions");
            foreach (var suppression in r.Suppressions)
            {
                w.WriteStartObject();
                w.WriteString("kind", suppression.Kind);
                OptionalString(w, "status", suppression.Status);
                OptionalString(w, "justification", suppression.Justification);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (r.Fixes is not null)
        {
            w.WriteStartArray("fixes");
            foreach (var fix in r.Fixes) Fix(w, fix);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void Fix(Utf8JsonWriter w, SarifFix fix)
    {
        w.WriteStartObject();
        Message(w, "description", fix.Description);
        w.WriteStartArray("artifactChanges");
        foreach (var change in fix.ArtifactChanges)
        {
            w.WriteStartObject();
            w.WritePropertyName("artifactLocation");
            ArtifactLocation(w, change.ArtifactLocation);
            w.WriteStartArray("replacements");
            foreach (var replacement in change.Replacements)
            {
                w.WriteStartObject();
                w.WritePropertyName("deletedRegion");
                Region(w, replacement.DeletedRegion);
                ArtifactContent(w, "insertedContent", replacement.InsertedContent);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Invocation(Utf8JsonWriter w, SarifInvocation invocation)
    {
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", invocation.ExecutionSuccessful);
        if (invocation.ToolExecutionNotifications is not null)
        {
            w.WriteStartArray("toolExecutionNotifications");
            foreach (var notification in invocation.ToolExecutionNotifications) Notification(w, notification);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void Notification(Utf8JsonWriter w, SarifNotification n)
    {
        w.WriteStartObject();
        w.WriteString("level", n.Level);
        Message(w, "message", n.Message);
        if (n.Locations is not null)
        {
            w.WriteStartArray("locations");
            foreach (var location in n.Locations) Location(w, location);
            w.WriteEndArray();
        }
        if (n.AssociatedRule is { } rule)
        {
            w.WriteStartObject("associatedRule");
            w.WriteString("id", rule.Id);
            if (rule.Index is { } index) w.WriteNumber("index", index);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void Location(Utf8JsonWriter w, SarifLocation location)
    {
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        w.WritePropertyName("artifactLocation");
        ArtifactLocation(w, location.PhysicalLocation.ArtifactLocation);
        if (location.PhysicalLocation.Region is { } region)
        {
            w.WritePropertyName("region");
            Region(w, region);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void ArtifactLocation(Utf8JsonWriter w, SarifArtifactLocation location)
    {
        w.WriteStartObject();
        OptionalString(w, "uri", location.Uri);
        OptionalString(w, "uriBaseId", location.UriBaseId);
        if (location.Description is not null) Message(w, "description", location.Description);
        w.WriteEndObject();
    }

    private static void Region(Utf8JsonWriter w, SarifRegion region)
    {
        w.WriteStartObject();
        w.WriteNumber("startLine", region.StartLine);
        w.WriteNumber("startColumn", region.StartColumn);
        w.WriteNumber("endLine", region.EndLine);
        w.WriteNumber("endColumn", region.EndColumn);
        if (region.Snippet is not null) ArtifactContent(w, "snippet", region.Snippet);
        w.WriteEndObject();
    }

    private static void Message(Utf8JsonWriter w, string name, SarifMessage message)
    {
        w.WriteStartObject(name);
        w.WriteString("text", message.Text);
        w.WriteEndObject();
    }

    private static void ArtifactContent(Utf8JsonWriter w, string name, SarifArtifactContent content)
    {
        w.WriteStartObject(name);
        w.WriteString("text", content.Text);
        w.WriteEndObject();
    }

    /// <summary>One builder and one character buffer for every rule's help: written as spans, never as strings.</summary>
    private sealed class HelpBuffer
    {
        public readonly StringBuilder Text = new(8 * 1024);
        private char[] _chars = new char[8 * 1024];

        public void Write(Utf8JsonWriter w, string name, StringBuilder text)
        {
            if (_chars.Length < text.Length) _chars = new char[Math.Max(text.Length, 2 * _chars.Length)];
            text.CopyTo(0, _chars, 0, text.Length);
            w.WriteString(name, _chars.AsSpan(0, text.Length));
        }
    }

    private static void OptionalString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }
}
