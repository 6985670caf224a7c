using System;
using System.Collections.Generic;
using System.Globalization;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Security;

/// <summary>KF1005: a secret written to execution labels by the Labels task, a Subflow/ForEachItem or a trigger.</summary>
public sealed class SecretInLabelsAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF1005",
        "Secret written to execution labels",
        "{0} is written to {1}; labels are stored and shown in clear in execution lists, filters and the API, and are never masked",
        Categories.Secrets,
        DiagnosticSeverity.Error,
        "Execution labels are metadata for finding executions: they are listed in the Executions page, offered in " +
        "filters, returned by the API and copied to child executions. Kestra never masks them, so a secret in a " +
        "label is readable by everyone who can list executions.\n\n" +
        "Reported where Kestra renders labels: the `labels` of the `io.kestra.plugin.core.execution.Labels` task " +
        "(and its deprecated alias), as a map or as a list of `key`/`value` pairs; the `labels` a Subflow or " +
        "ForEachItem task gives its child executions; a trigger's `labels`; and the `labels` an `sla` entry adds " +
        "when it is missed. Flow-level `labels` are not " +
        "rendered: a template there stays literal text and is not a leak (FlowLint reports it as an expression in " +
        "an unrendered property).\n\n" +
        "Label an execution with something that identifies the secret (its name, an environment), never the value.",
        securitySeverity: "7.0",
        tags: new[] { "security", "secrets", "labels" },
        badExample: "id: deploy\nnamespace: company.team\ntasks:\n  - id: label\n    type: io.kestra.plugin.core.execution.Labels\n    labels:\n      deployedWith: \"{{ secret('DEPLOY_TOKEN') }}\"\n",
        goodExample: "id: deploy\nnamespace: company.team\ntasks:\n  - id: label\n    type: io.kestra.plugin.core.execution.Labels\n    labels:\n      deployedWith: DEPLOY_TOKEN\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterExpressionAction(context =>
    {
        var site = context.Site;
        if (!site.IsRendered || Destination(site) is not { } destination) return;
        var uses = SecretFlow.Analyze(site);
        foreach (var use in uses)
        {
            if (use.ReachesOutput && !use.ComesFromSecretInput(uses))
                context.ReportInTemplate(Rule, use.Span, null, use.Display, destination);
        }
    });

    /// <summary>How the message names the labels the value becomes, or null when Kestra does not write it to an execution's labels.</summary>
    private static string? Destination(ExpressionSite site)
    {
        switch (site.OwnerKind)
        {
            case SiteOwnerKind.Trigger when site.Trigger is { } trigger && site.PropertyName == "labels":
                return Label(site.RelativePath, trigger.Node) + " of the executions started by trigger '" + (trigger.Id ?? "?") + "'";
            case SiteOwnerKind.Task when site.Task is { } task && site.PropertyName == "labels":
                foreach (var visible in Visibility.VisibleProperties)
                {
                    if (visible.Sink != ValueSink.Labels || visible.Property != "labels" || visible.Type != task.CanonicalType) continue;
                    string execution = KestraKnowledge.LabelTaskTypes.ContainsKey(visible.Type) ? "the execution" : "the child execution";
                    return Label(site.RelativePath, task.Node) + " of " + execution + " by task '" + (task.Id ?? "?") + "'";
                }
                return null;
            case SiteOwnerKind.Flow when SlaLabels(site) is { } sla:
                // SLA labels are added to the execution when the SLA is missed.
                return Label(sla.Path, sla.Item) + " of executions that miss SLA '" + ((sla.Item.GetValue("id")?.Resolve() as YamlScalar)?.Value ?? "?") + "'";
            default:
                return null;
        }
    }

    /// <summary>For `sla[2].labels…`: the SLA entry and the path below it.</summary>
    private static (YamlMapping Item, string Path)? SlaLabels(ExpressionSite site)
    {
        string path = site.RelativePath;
        if (!path.StartsWith("sla[", StringComparison.Ordinal)) return null;
        int close = path.IndexOf(']');
        if (close < 0 || !path.Substring(close + 1).StartsWith(".labels", StringComparison.Ordinal) || ParseIndex(path, 4, close) is not { } index) return null;
        string below = path.Substring(close + 2);
        if (below != "labels" && !below.StartsWith("labels.", StringComparison.Ordinal) && !below.StartsWith("labels[", StringComparison.Ordinal)) return null;
        if (site.Flow.Root.GetValue("sla")?.Resolve() is not YamlSequence list || index >= list.Items.Count || list.Items[index].Resolve() is not YamlMapping item) return null;
        return (item, below);
    }

    /// <summary>
    /// `labels.env` → label 'env'; `labels[0].value` → the `key` written beside it; `labels[0].key` → a label key;
    /// `labels` as one expression → the labels.
    /// </summary>
    private static string Label(string path, YamlMapping owner)
    {
        if (path.StartsWith("labels.", StringComparison.Ordinal)) return "label '" + path.Substring("labels.".Length) + "'";
        if (!path.StartsWith("labels[", StringComparison.Ordinal)) return "the labels";
        int close = path.IndexOf(']');
        if (close < 0 || ParseIndex(path, "labels[".Length, close) is not { } index) return "the labels";
        string field = path.Substring(close + 1);
        if (field == ".key") return "a label key";
        if (owner.GetValue("labels")?.Resolve() is YamlSequence list && index < list.Items.Count &&
            list.Items[index].Resolve() is YamlMapping pair && pair.GetValue("key")?.Resolve() is YamlScalar key)
            return "label '" + key.Value + "'";
        return "a label";
    }

    private static int? ParseIndex(string path, int start, int end) =>
        end > start && int.TryParse(path.Substring(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out int index) ? index : null;
}
