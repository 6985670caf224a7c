using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Pebble;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Expressions;

/// <summary>KF3012: a template in a flow property Kestra never renders (`id`, `namespace`, flow `labels`).</summary>
public sealed class UnrenderedTemplateAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF3012",
        "Template in a property Kestra does not render",
        "Kestra does not render the flow's {0}: this expression stays literal text{1}",
        Categories.Expressions,
        DiagnosticSeverity.Warning,
        "The flow's `id`, `namespace` and `labels` are stored as written: Pebble never sees them, so `{{ ... }}` there appears literally (in the UI, in execution labels, in API filters) instead of being evaluated. "
        + "For labels computed at run time, set them with the `io.kestra.plugin.core.execution.Labels` task or on a trigger (trigger labels are rendered). "
        + "`description` is not reported: it is documentation, where `{{ }}` usually shows how to write an expression.",
        tags: new[] { "correctness" },
        badExample: "id: ingest\nnamespace: company.team\nlabels:\n  run_date: \"{{ execution.startDate | date('yyyy-MM-dd') }}\"\ntasks:\n  - id: hello\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n",
        goodExample: "id: ingest\nnamespace: company.team\ntasks:\n  - id: label\n    type: io.kestra.plugin.core.execution.Labels\n    labels:\n      run_date: \"{{ execution.startDate | date('yyyy-MM-dd') }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterFlowAction(context =>
    {
        var flow = context.Flow;
        foreach (var site in flow.ExpressionSites)
        {
            if (site.IsRendered || site.Template is not { } template) continue;
            string? what = site.OwnerKind switch
            {
                SiteOwnerKind.Label when !RenderingRules.AreFlowLabelsRendered => "labels",
                SiteOwnerKind.Flow when site.PropertyPath is "id" or "namespace" => site.PropertyPath,
                _ => null,
            };
            if (what is null) continue;
            foreach (var node in template.Nodes)
            {
                if (node is TextNode) continue;
                context.Report(Rule, site.MapToSource(node.Span), site.OwnerPath, null, what,
                    what == "labels" ? "; set run-time labels with the Labels task or on a trigger" : "");
            }
        }

        // Label keys of the map form are not values, so the sites above do not hold them.
        if (!RenderingRules.AreFlowLabelsRendered && flow.Labels?.Resolve() is YamlMapping labels)
        {
            foreach (var entry in labels.Entries)
            {
                if (entry.Key is YamlScalar key && PebbleParser.MayContainTemplate(key.Value.AsSpan()))
                    context.Report(Rule, key.Span, "flow/labels", null, "label keys", "; set run-time labels with the Labels task or on a trigger");
            }
        }
    });
}
