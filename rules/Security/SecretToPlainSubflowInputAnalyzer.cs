using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Security;

/// <summary>
/// KF1013: a Subflow or ForEachItem passes a secret into an input of the called flow that is not SECRET-typed
/// (a cross-file rule: the called flow must be in the run).
/// </summary>
public sealed class SecretToPlainSubflowInputAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF1013",
        "Secret passed to a subflow input that is not SECRET",
        "{0} is passed to input '{1}' of flow '{2}', declared as {3} at {4}: the child execution stores and shows it in clear text; declare the input `type: SECRET`",
        Categories.Secrets,
        DiagnosticSeverity.Warning,
        "A Subflow (or ForEachItem) task renders its `inputs` and starts the called flow with the values. Kestra " +
        "encrypts an input only when the called flow declares it `type: SECRET`: any other type keeps the value as " +
        "given, so the child execution's inputs show the secret in clear text in the UI and the API, it is stored " +
        "unencrypted in the execution repository, and the child's log masking does not know it (masking covers the " +
        "secrets an execution reads itself). A SECRET input is stored encrypted, masked in the UI and decrypted only " +
        "for the tasks that use it.\n\n" +
        "The rule looks at every flow of the run: a call whose `namespace` and `flowId` are literal and name a flow " +
        "in the run is checked against that flow's input declarations. Secrets are `secret()` reads and the caller's " +
        "own SECRET inputs; values that only feed a condition are not reported. Calls to flows outside the run are " +
        "not judged.",
        securitySeverity: "6.5",
        tags: new[] { "security", "secrets", "subflow", "cross-file" },
        badExample: "id: parent\nnamespace: company.team\ntasks:\n  - id: call\n    type: io.kestra.plugin.core.flow.Subflow\n    namespace: company.team\n    flowId: child\n    inputs:\n      token: \"{{ secret('API_TOKEN') }}\"\n---\nid: child\nnamespace: company.team\ninputs:\n  - id: token\n    type: STRING\ntasks:\n  - id: use\n    type: io.kestra.plugin.core.http.Request\n    uri: https://api.example.com\n    headers:\n      Authorization: \"Bearer {{ inputs.token }}\"\n",
        goodExample: "id: parent\nnamespace: company.team\ntasks:\n  - id: call\n    type: io.kestra.plugin.core.flow.Subflow\n    namespace: company.team\n    flowId: child\n    inputs:\n      token: \"{{ secret('API_TOKEN') }}\"\n---\nid: child\nnamespace: company.team\ninputs:\n  - id: token\n    type: SECRET\ntasks:\n  - id: use\n    type: io.kestra.plugin.core.http.Request\n    uri: https://api.example.com\n    headers:\n      Authorization: \"Bearer {{ inputs.token }}\"\n");

    private static readonly HashSet<string> CallingTypes = new(StringComparer.Ordinal)
    {
        "io.kestra.plugin.core.flow.Subflow",
        "io.kestra.plugin.core.flow.ForEachItem",
    };

    private sealed record Declared(string Type, string Where);
    private sealed record Passed(string FlowKey, string Input, string Display, Location Location, string OwnerPath);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterRunStartAction(start =>
    {
        // Filled by files analysed in parallel; read once every file is done.
        var gate = new object();
        var flows = new Dictionary<string, Dictionary<string, Declared>>(StringComparer.Ordinal);
        var passed = new List<Passed>();

        start.RegisterFlowAction(context =>
        {
            var flow = context.Flow;
            if (flow.Namespace is not { Length: > 0 } ns || flow.Id is not { Length: > 0 } id) return;
            var inputs = new Dictionary<string, Declared>(StringComparer.Ordinal);
            foreach (var input in flow.Inputs)
            {
                if (input.Id is not { } inputId || inputs.ContainsKey(inputId)) continue;
                var at = (input.TypeNode ?? input.IdNode ?? input.Node).Span;
                var position = context.Text.GetLinePosition(at.Start);
                inputs[inputId] = new Declared(input.Type ?? "an input without a type", $"{context.Text.Path}:{position.Line + 1}:{position.Character + 1}");
            }
            lock (gate) flows[ns + "/" + id] = inputs;
        });

        start.RegisterExpressionAction(context =>
        {
            var site = context.Site;
            if (site.OwnerKind != SiteOwnerKind.Task || site.Task is not { } task || site.PropertyName != "inputs") return;
            if (task.CanonicalType is not { } type || !CallingTypes.Contains(type)) return;
            if (InputName(site.RelativePath) is not { } input || CalledFlow(task) is not { } called) return;
            var uses = SecretFlow.Analyze(site);
            foreach (var use in uses)
            {
                if (!use.ReachesOutput || use.Origin == SecretOrigin.ContextDump) continue;
                var record = new Passed(called, input, use.Display, new Location(context.Text, site.MapToSource(use.Span)), site.OwnerPath);
                lock (gate) passed.Add(record);
            }
        });

        start.RegisterRunEndAction(end =>
        {
            passed.Sort((a, b) =>
            {
                int c = string.CompareOrdinal(a.Location.Path, b.Location.Path);
                return c != 0 ? c : a.Location.Span.Start.CompareTo(b.Location.Span.Start);
            });
            foreach (var p in passed)
            {
                if (!flows.TryGetValue(p.FlowKey, out var inputs) || !inputs.TryGetValue(p.Input, out var declared)) continue;
                if (string.Equals(declared.Type, "SECRET", StringComparison.Ordinal)) continue;
                end.ReportDiagnostic(Diagnostic.Create(Rule, p.Location, p.OwnerPath, null, null,
                    p.Display, p.Input, p.FlowKey.Replace('/', '.'), declared.Type, declared.Where));
            }
        });
    });

    /// <summary>`namespace/flowId` of the called flow when both are literal text; Kestra renders them, so a template is unknown.</summary>
    private static string? CalledFlow(FlowTask task)
    {
        if (task.Node.GetValue("namespace")?.Resolve() is not YamlScalar ns || task.Node.GetValue("flowId")?.Resolve() is not YamlScalar id) return null;
        if (IsTemplate(ns.Value) || IsTemplate(id.Value) || ns.Value.Length == 0 || id.Value.Length == 0) return null;
        return ns.Value + "/" + id.Value;
    }

    private static bool IsTemplate(string value) =>
        value.IndexOf("{{", StringComparison.Ordinal) >= 0 || value.IndexOf("{%", StringComparison.Ordinal) >= 0;

    /// <summary>The input a value is passed to: `inputs.token` or `inputs.config.nested[0]` → the first segment after `inputs.`.</summary>
    private static string? InputName(string relativePath)
    {
        const string prefix = "inputs.";
        if (!relativePath.StartsWith(prefix, StringComparison.Ordinal) || relativePath.Length == prefix.Length) return null;
        int end = relativePath.IndexOfAny(new[] { '.', '[' }, prefix.Length);
        return end < 0 ? relativePath.Substring(prefix.Length) : relativePath.Substring(prefix.Length, end - prefix.Length);
    }
}
