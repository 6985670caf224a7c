using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Configuration;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Structure;

/// <summary>KF4017: an input Kestra cannot load: unknown type, FILE default that is not a file URI, ARRAY without a usable itemType, choices without values.</summary>
public sealed class InvalidInputAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF4017",
        "Invalid input definition",
        "{0}",
        Categories.Structure,
        DiagnosticSeverity.Error,
        "Inputs are parsed by their `type` (STRING, INT, FLOAT, BOOL, BOOLEAN, SELECT, MULTISELECT, ENUM, DATETIME, DATE, TIME, DURATION, FILE, JSON, YAML, URI, EMAIL, SECRET, ARRAY), upper case as written in Kestra's Type enum; an unknown type fails parsing and the flow cannot be saved. Kestra's validators also reject an ARRAY input without `itemType` or with `itemType: ARRAY`, and a SELECT, MULTISELECT or ENUM input with neither `values` nor `expression` (nothing to choose from). A FILE input's `defaults` must name a file Kestra can read, a `nsfile:///` namespace file (or a `file:///` path the instance allows); any other text fails.",
        tags: new[] { "structure", "inputs" },
        badExample: "id: hello\nnamespace: company.team\ninputs:\n  - id: name\n    type: STRNG\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ inputs.name }}\"\n",
        goodExample: "id: hello\nnamespace: company.team\ninputs:\n  - id: name\n    type: STRING\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ inputs.name }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterFlowAction(c =>
    {
        foreach (var input in c.Flow.Inputs)
            Check(c, input);
    });

    private static void Check(FlowAnalysisContext c, FlowInput input)
    {
        string name = input.Id ?? "?";
        string owner = input.OwnerPath;
        if (input.TypeNode is null)
        {
            // Kestra picks the input class from `type`: without one the input cannot be parsed.
            c.Report(Rule, PluginSites.SpanOf(input.IdNode ?? (input.Node.Entries.Count > 0 ? input.Node.Entries[0].Key : input.Node), null), owner + "/type", null, $"Input '{name}' has no type");
            return;
        }
        if (input.TypeNode is not { } typeNode || input.Type is not { } type || PluginSites.IsTemplated(type)) return;
        var map = input.Node;

        if (!KestraKnowledge.InputTypes.ContainsKey(type))
        {
            var match = DidYouMean.Closest(type, KestraKnowledge.InputTypes.Keys);
            var fix = match is null ? null : PluginSites.ReplaceScalar(typeNode, null, "Use " + match, match);
            c.Report(Rule, PluginSites.SpanOf(typeNode, null), owner + "/type", fix is null ? null : new[] { fix },
                $"Input '{name}' has an unknown type '{DidYouMean.Excerpt(type)}'{(match is null ? "" : $" (did you mean '{match}'?)")}");
            return;
        }

        switch (type)
        {
            case "FILE":
                if (map.TryGetEntry("defaults", out var defaults) && PluginSites.Text(defaults.Value) is { } value && !IsFileUri(value))
                    c.Report(Rule, PluginSites.SpanOf(defaults.Key, null), owner + "/defaults", null,
                        $"FILE input '{name}' has a default that is not a file URI: use nsfile:///path (a namespace file) or leave it out");
                break;
            case "ARRAY":
                if (!map.TryGetEntry("itemType", out var itemType) || PluginSites.Text(itemType.Value) is not { } item)
                {
                    c.Report(Rule, PluginSites.SpanOf(typeNode, null), owner + "/itemType", null, $"ARRAY input '{name}' needs an itemType (the type of each item)");
                }
                else if (item == "ARRAY")
                {
                    c.Report(Rule, PluginSites.SpanOf(itemType.Value, null), owner + "/itemType", null, $"ARRAY input '{name}' cannot have ARRAY items");
                }
                else if (!PluginSites.IsTemplated(item) && !KestraKnowledge.InputTypes.ContainsKey(item))
                {
                    var match = DidYouMean.Closest(item, KestraKnowledge.InputTypes.Keys);
                    var fix = match is null ? null : PluginSites.ReplaceScalar(itemType.Value, null, "Use " + match, match);
                    c.Report(Rule, PluginSites.SpanOf(itemType.Value, null), owner + "/itemType", fix is null ? null : new[] { fix },
                        $"ARRAY input '{name}' has an unknown itemType '{DidYouMean.Excerpt(item)}'{(match is null ? "" : $" (did you mean '{match}'?)")}");
                }
                break;
            case "SELECT":
            case "MULTISELECT":
            case "ENUM":
                if (!HasValue(map, "values") && !HasValue(map, "expression") && !(type == "MULTISELECT" && HasValue(map, "options")))
                    c.Report(Rule, PluginSites.SpanOf(typeNode, null), owner + "/values", null,
                        type == "ENUM"
                            ? $"ENUM input '{name}' needs values to choose from"
                            : $"{type} input '{name}' needs values or an expression to choose from");
                break;
        }
    }

    private static bool HasValue(YamlMapping map, string key) =>
        map.TryGetEntry(key, out var entry) && !(entry.Value.Resolve() is YamlScalar { IsNull: true });

    private static bool IsFileUri(string value)
    {
        value = value.Trim();
        if (PluginSites.IsTemplated(value)) return true;
        foreach (var scheme in StructureKnowledge.FileDefaultSchemes)
            if (value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
