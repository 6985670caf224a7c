using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Configuration;

/// <summary>
/// KF2001: flows declare SECRET inputs or outputs, but no Kestra configuration of the run sets
/// `kestra.encryption.secret-key` (a cross-file rule: it needs the configurations and the flows of the run).
/// </summary>
public sealed class MissingEncryptionKeyAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF2001",
        "SECRET input or output without an encryption key",
        "{0} '{1}' is SECRET-typed, but no Kestra configuration analysed sets kestra.encryption.secret-key ({2}); SECRET values fail at run time without the key",
        Categories.Configuration,
        DiagnosticSeverity.Error,
        "Kestra encrypts the values of SECRET-typed inputs and outputs with the AES key in `kestra.encryption.secret-key`. " +
        "Without that key, an execution that receives a SECRET input or produces a SECRET output fails at run time " +
        "(there is nothing to encrypt the value with), so the flow saves fine and breaks at its first run.\n\n" +
        "This rule looks at every file of the run: when at least one Kestra server configuration is analysed and none " +
        "of them sets the key, each `type: SECRET` of a flow's inputs or outputs is reported. A Micronaut placeholder " +
        "(`${KESTRA_ENCRYPTION_KEY}`) counts as set. When no configuration is analysed nothing is reported, because the " +
        "key may be set where FlowLint cannot see it. Set a base64-encoded 32-byte key from the environment.",
        securitySeverity: "5.0",
        tags: new[] { "security", "configuration", "secrets", "cross-file" },
        badExample: "# application.yml\nkestra:\n  repository:\n    type: postgres\n---\nid: deploy\nnamespace: company.ops\ninputs:\n  - id: token\n    type: SECRET\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: deploying\n",
        goodExample: "# application.yml\nkestra:\n  repository:\n    type: postgres\n  encryption:\n    secret-key: ${KESTRA_ENCRYPTION_KEY}\n---\nid: deploy\nnamespace: company.ops\ninputs:\n  - id: token\n    type: SECRET\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: deploying\n");

    private const string KeyPath = "kestra.encryption.secret-key";

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    private sealed record SecretDeclaration(string Kind, string Id, Location Location, string OwnerPath);

    public override void Initialize(AnalysisContext context) => context.RegisterRunStartAction(start =>
    {
        // Shared by files analysed in parallel.
        var gate = new object();
        var configurations = new List<string>();
        bool keySet = false;
        var declarations = new List<SecretDeclaration>();

        start.RegisterConfigurationAction(context =>
        {
            bool sets = false;
            foreach (var value in KestraConfigPaths.Find(context.Configuration.Root, KeyPath))
                if (!value.IsEmpty) sets = true;
            lock (gate)
            {
                configurations.Add(context.Text.Path);
                keySet |= sets;
            }
        });
        start.RegisterFlowAction(context =>
        {
            var flow = context.Flow;
            var found = new List<SecretDeclaration>();
            foreach (var input in flow.Inputs)
                if (input.IsSecret && input.TypeNode is { } type)
                    found.Add(new SecretDeclaration("input", input.Id ?? input.PropertyPath, new Location(context.Text, type.Span), input.OwnerPath));
            foreach (var output in flow.Outputs)
                if (output.IsSecret && output.Node.GetValue("type") is { } type)
                    found.Add(new SecretDeclaration("output", output.Id ?? output.PropertyPath, new Location(context.Text, type.Span), output.OwnerPath));
            if (found.Count == 0) return;
            lock (gate) declarations.AddRange(found);
        });
        start.RegisterRunEndAction(end =>
        {
            if (configurations.Count == 0 || keySet) return;
            configurations.Sort(System.StringComparer.Ordinal);
            string where = configurations.Count == 1 ? "checked " + configurations[0] : "checked " + configurations.Count + " configurations";
            declarations.Sort((a, b) =>
            {
                int c = string.CompareOrdinal(a.Location.Path, b.Location.Path);
                return c != 0 ? c : a.Location.Span.Start.CompareTo(b.Location.Span.Start);
            });
            foreach (var d in declarations)
                end.ReportDiagnostic(Diagnostic.Create(Rule, d.Location, d.OwnerPath, null, null, d.Kind == "input" ? "Input" : "Output", d.Id, where));
        });
    });
}
