using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;

namespace Kestra.FlowLint.Rules.Security;

/// <summary>
/// KF1011: a SECRET input (or a context dump that holds it decrypted) written to the logs, to an output or to a label.
/// The rules about secret() in those places leave SECRET inputs to this one.
/// </summary>
public sealed class SecretInputExposedAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF1011",
        "SECRET input written to the logs, an output or a label",
        "{0} {1}{2}",
        Categories.Secrets,
        DiagnosticSeverity.Error,
        "Kestra encrypts a `SECRET` input when the execution is created and decrypts it only for the tasks that render it. Printing it in a Log message writes it to the execution logs, where only exact copies are masked (any filter or method prints it in clear); making it a task output, a flow output that is not `type: SECRET`, or an execution label stores it in plain text in the execution, shown in the Outputs tab, the execution list and the API to everyone who can read executions. `printContext()` and `fetchContext()` do the same with every SECRET input at once. Use the input only where it is consumed (a password or token property, or a script's `env`), and declare flow outputs that must carry it as `type: SECRET`.",
        securitySeverity: "8.0",
        tags: new[] { "security", "secrets", "inputs" },
        badExample: "id: deploy\nnamespace: company.team\ninputs:\n  - id: api_token\n    type: SECRET\ntasks:\n  - id: debug\n    type: io.kestra.plugin.core.log.Log\n    message: \"Using token {{ inputs.api_token }}\"\n",
        goodExample: "id: deploy\nnamespace: company.team\ninputs:\n  - id: api_token\n    type: SECRET\ntasks:\n  - id: call\n    type: io.kestra.plugin.core.http.Request\n    uri: https://api.example.com/deploy\n    headers:\n      Authorization: \"Bearer {{ inputs.api_token }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterExpressionAction(context =>
    {
        var site = context.Site;
        if (!site.IsRendered || Destination(site) is not { } destination) return;
        var uses = SecretFlow.Analyze(site);
        foreach (var use in uses)
        {
            if (!use.ReachesOutput || use.RootOrigin(uses) is not (SecretOrigin.SecretInput or SecretOrigin.ContextDump)) continue;
            context.ReportInTemplate(Rule, use.Span, null, use.Display, destination.Phrase, destination.Logged ? use.TransformNote : " (never masked)");
        }
    });

    private sealed class Place
    {
        public Place(string phrase, bool logged)
        {
            Phrase = phrase;
            Logged = logged;
        }

        /// <summary>Completes "SECRET input 'x' …": "is written to the logs by task 'log'".</summary>
        public string Phrase { get; }

        /// <summary>Logs mask exact copies; outputs and labels mask nothing.</summary>
        public bool Logged { get; }
    }

    private static Place? Destination(ExpressionSite site)
    {
        string property = site.PropertyName;
        switch (site.OwnerKind)
        {
            case SiteOwnerKind.Task when site.Task is { CanonicalType: { } type } task:
                string id = task.Id ?? "?";
                if (Declares(KestraKnowledge.LogTaskTypes, type, property)) return new Place($"is written to the logs by task '{id}'", true);
                if (Declares(KestraKnowledge.OutputTaskTypes, type, property)) return new Place($"becomes an output of task '{id}'", false);
                if (Declares(KestraKnowledge.LabelTaskTypes, type, property) || IsChildExecutionLabels(type, property))
                    return new Place($"becomes an execution label through task '{id}'", false);
                return null;
            case SiteOwnerKind.Trigger when property == "labels":
                return new Place($"becomes an execution label through trigger '{site.Trigger?.Id ?? "?"}'", false);
            case SiteOwnerKind.Output when property == "value" && site.Output is { IsSecret: false } output:
                return new Place($"becomes flow output '{output.Id ?? "?"}', which is not `type: SECRET`", false);
            default:
                return null;
        }
    }

    private static bool Declares(IReadOnlyDictionary<string, IReadOnlyList<string>> table, string type, string property)
    {
        if (!table.TryGetValue(type, out var properties)) return false;
        foreach (var p in properties)
            if (p == property) return true;
        return false;
    }

    /// <summary>Subflow and ForEachItem `labels` label the child executions.</summary>
    private static bool IsChildExecutionLabels(string type, string property)
    {
        foreach (var visible in Visibility.VisibleProperties)
            if (visible.Sink == ValueSink.Labels && visible.Type == type && visible.Property == property) return true;
        return false;
    }
}
