using System.Collections.Generic;
using Kestra.FlowLint.Analysis;

namespace Kestra.FlowLint.Reporting;

/// <summary>
/// `flowlint rules --format json`: the whole catalogue for tools (editors, dashboards, documentation sites).
/// <code>
/// {"version": 1, "rules": [{"id", "title", "messageFormat", "category", "defaultSeverity", "enabledByDefault",
///   "helpUri", "description", "tags": [], "securitySeverity": "8.5" | null, "examples": {"bad": … | null, "good": … | null}}]}
/// </code>
/// Every property is always present (null when a rule has no value), so consumers need no existence checks.
/// </summary>
public static class RulesJson
{
    public const int FormatVersion = 1;

    public static string Render(IReadOnlyList<DiagnosticDescriptor> descriptors) => JsonOutput.Render(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("version", FormatVersion);
        json.WriteStartArray("rules");
        foreach (var d in descriptors)
        {
            json.WriteStartObject();
            json.WriteString("id", d.Id);
            json.WriteString("title", d.Title);
            json.WriteString("messageFormat", d.MessageFormat);
            json.WriteString("category", d.Category);
            json.WriteString("defaultSeverity", d.DefaultSeverity.ToText());
            json.WriteBoolean("enabledByDefault", d.IsEnabledByDefault);
            json.WriteString("helpUri", d.HelpUri);
            json.WriteString("description", d.Description);
            json.WriteStartArray("tags");
            foreach (var tag in d.Tags) json.WriteStringValue(tag);
            json.WriteEndArray();
            json.WriteStringOrNull("securitySeverity", d.SecuritySeverity);
            json.WriteStartObject("examples");
            json.WriteStringOrNull("bad", d.BadExample);
            json.WriteStringOrNull("good", d.GoodExample);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    });
}
