using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;

namespace Kestra.FlowLint.Rules.Security;

/// <summary>KF1002: a filter, function, method, subscript or loop applied to a secret, producing a value Kestra's masking cannot recognise.</summary>
public sealed class TransformedSecretAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF1002",
        "Secret transformed into a value masking cannot hide",
        "{0} is {1}; Kestra masks only the exact secret value, so the result appears in clear wherever it is logged or shown{2}",
        Categories.Secrets,
        DiagnosticSeverity.Warning,
        "Kestra hides a secret in the execution logs by replacing every exact occurrence of its value. Anything " +
        "derived from the value is a different string and is printed in clear: a case change (`upper`, `lower`, " +
        "`title`, `capitalize`, `.toUpperCase()`), a part of it (`slice`, `substring*`, `split`, `first`, `last`, " +
        "`abbreviate`, `replace`, `[0]`, a `{% for %}` over its characters), an encoding (`base64encode`, " +
        "`urlencode`; newer Kestra also masks the base64 form in logs, but not elsewhere), a hash (`sha256`, " +
        "`md5`…), a field of a JSON secret (`jq`, `fromJson(…).field`), or its `length`. The transformed value is " +
        "exposed by whatever later prints it: a task's own logs, an error message, an output.\n\n" +
        "Not reported, because the secret stays whole inside the result and so stays masked: `~` concatenation, " +
        "`trim`, `default`, `??`, and `toJson`/`json`/`escapeChar` of a plain string. A transform whose result only " +
        "decides a condition (`{% if secret('X') | length > 0 %}`) is not reported either: only a boolean comes out.\n\n" +
        "`secret('X')[0]` and `secret('X').substring(0, 3)` fail at run time in Kestra (a string cannot be indexed; " +
        "Pebble passes whole numbers as Long) and are reported all the same. When the transformed value also reaches " +
        "a visible place (a Log message, an output, a label), that place's rule reports it too.\n\n" +
        "Instead, store the exact value the task needs as its own secret, or read a field of a JSON secret with " +
        "`secret('X', subkey='field')`, which registers the field's value for masking.",
        securitySeverity: "6.5",
        tags: new[] { "security", "secrets", "masking" },
        badExample: "id: deploy\nnamespace: company.team\ntasks:\n  - id: call\n    type: io.kestra.plugin.core.http.Request\n    uri: https://api.example.com/deploy\n    headers:\n      Authorization: \"Bearer {{ secret('SERVICE_ACCOUNT') | jq('.token') | first }}\"\n",
        goodExample: "id: deploy\nnamespace: company.team\ntasks:\n  - id: call\n    type: io.kestra.plugin.core.http.Request\n    uri: https://api.example.com/deploy\n    headers:\n      Authorization: \"Bearer {{ secret('SERVICE_ACCOUNT', subkey='token') }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterExpressionAction(context =>
    {
        var site = context.Site;
        if (!SecretFlow.IsEvaluated(site)) return;
        HashSet<int>? reported = null;
        foreach (var use in SecretFlow.Analyze(site))
        {
            if (use.EndsInCondition || use.FirstMaskDefeatingTransform is not { } transform) continue;
            // A {% set %} variable inherits the transforms of its value: the one already reported is not reported again.
            if (!(reported ??= new HashSet<int>()).Add(transform.Span.Start)) continue;
            context.ReportInTemplate(Rule, transform.Span, null, use.Display, Describe(transform), RunTimeFailure(use, transform));
        }
    });

    private static string Describe(SecretTransform transform) => transform.Kind switch
    {
        "for loop" => "iterated over by a `{% for %}` loop",
        _ => "transformed by `" + transform.Display + "`",
    };

    /// <summary>Two transforms Kestra cannot even run on a string; the user should hear that too.</summary>
    private static string RunTimeFailure(SecretUse use, SecretTransform transform)
    {
        bool onTheString = use.Transforms.Count > 0 && use.Transforms[0] == transform && use.Origin != SecretOrigin.ContextDump;
        if (!onTheString) return string.Empty;
        if (transform.Kind == "subscript") return " (this also fails at run time: a string cannot be indexed)";
        if (transform.Kind == "method" && transform.Name == "substring")
            return " (this also fails at run time: Pebble passes whole numbers as Long, and substring takes int)";
        return string.Empty;
    }
}
