using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;
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

    // Only the inputs that can be reported are kept, with a position instead of a formatted location: a run of
    // thousands of flows holds one small entry per flow until its end.
    private readonly record struct PlainInput(string Id, string Type, int Line, int Column);
    private sealed record FlowInputs(string Path, PlainInput[] Inputs);
    private sealed record Passed(string FlowKey, string Input, string Display, Location Location, string OwnerPath);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterRunStartAction(start =>
    {
        // Filled by files analysed in parallel; read once every file is done.
        var gate = new object();
        var flows = new Dictionary<string, FlowInputs?>(StringComparer.Ordinal);
        var passed = new List<Passed>();

        start.RegisterFlowAction(context =>
        {
            var flow = context.Flow;
            if (flow.Namespace is not { Length: > 0 } ns || flow.Id is not { Length: > 0 } id) return;
            List<PlainInput>? plain = null;
            for (int i = 0; i < flow.Inputs.Count; i++)
            {
                var input = flow.Inputs[i];
                // The first declaration of an id is the one Kestra keeps; a SECRET one is never reported.
                if (input.Id is not { } inputId || input.IsSecret || IsDeclaredBefore(flow.Inputs, i, inputId)) continue;
                var position = context.Text.GetLinePosition((input.TypeNode ?? input.IdNode ?? input.Node).Span.Start);
                string type = input.Type is null ? "an input without a type"
                    : FlowSchema.InputTypes.TryGetValue(input.Type, out var known) ? known.Name : input.Type;
                (plain ??= new List<PlainInput>()).Add(new PlainInput(inputId, type, position.Line + 1, position.Character + 1));
            }
            var called = plain is null ? null : new FlowInputs(context.Text.Path, plain.ToArray());
            lock (gate) flows[ns + "/" + id] = called;
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
                if (!flows.TryGetValue(p.FlowKey, out var called) || called is null || Find(called.Inputs, p.Input) is not { } declared) continue;
                end.ReportDiagnostic(Diagnostic.Create(Rule, p.Location, p.OwnerPath, null, null,
                    p.Display, p.Input, p.FlowKey.Replace('/', '.'), declared.Type, $"{called.Path}:{declared.Line}:{declared.Column}"));
            }
            // The run is over (the engine calls this once): its state need not outlive it while the report is written.
            passed.Clear();
            passed.TrimExcess();
            flows.Clear();
        });
    });

    private static bool IsDeclaredBefore(IReadOnlyList<FlowInput> inputs, int index, string id)
    {
        for (int i = 0; i < index; i++)
            if (string.Equals(inputs[i].Id, id, StringComparison.Ordinal)) return true;
        return false;
    }

    private static PlainInput? Find(PlainInput[] inputs, string id)
    {
        foreach (var input in inputs)
            if (string.Equals(input.Id, id, StringComparison.Ordinal)) return input;
        return null;
    }

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
