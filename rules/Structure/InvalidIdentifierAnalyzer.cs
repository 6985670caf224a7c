using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Structure;

/// <summary>KF4003: a flow id, namespace, or task/trigger/input/output id that breaks Kestra's pattern or length limit.</summary>
public sealed class InvalidIdentifierAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF4003",
        "Invalid identifier",
        "{0} '{1}' is not valid: {2}; Kestra expects {3}",
        Categories.Structure,
        DiagnosticSeverity.Error,
        "Kestra validates identifiers with fixed patterns before it saves a flow: a flow `id` is letters, digits, `.`, `_` or `-` (at most 100 characters); a `namespace` is the same in lower case (at most 150); task and trigger ids allow no `.` (they are keys of `outputs.<id>` in expressions); input and output ids allow `.` (it nests them). Every id starts with a letter or a digit. A flow that breaks one is rejected by `kestra flow validate` and by the editor.",
        badExample: "id: my flow\nnamespace: Company.Team\ntasks:\n  - id: log.hello\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n",
        goodExample: "id: my_flow\nnamespace: company.team\ntasks:\n  - id: log_hello\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterFlowAction(context =>
    {
        var flow = context.Flow;
        // An anchored task reached again through an alias has one id node: judge it once, where it is written.
        var seen = new FirstVisits<YamlNode>(flow);
        void Check(YamlNode? idNode, IdRule rule, Shape shape, string what, string ownerPath)
        {
            if (idNode is null || !seen.Add(idNode)) return;
            var value = idNode.Resolve();
            // A missing value is KF4002's (flow) or KF4007's (task) finding, not a malformed one.
            if (value is YamlScalar { IsNull: true }) return;
            string? problem = value is YamlScalar scalar ? Problem(scalar.Value, rule, shape) : "it is not a string";
            if (problem is null) return;
            string shown = value is YamlScalar s ? Excerpt(s.Value) : "…";
            context.Report(Rule, StructureSpans.ValueSpan(idNode), ownerPath, null, what, shown, problem, rule.Description);
        }

        Check(flow.IdNode, FlowSchema.FlowId, Shape.Dots, "Flow id", "flow/id");
        Check(flow.NamespaceNode, FlowSchema.Namespace, Shape.Dots | Shape.LowerCase, "Namespace", "flow/namespace");
        foreach (var task in flow.AllTasks) Check(task.IdNode, FlowSchema.TaskId, Shape.None, "Task id", task.OwnerPath);
        foreach (var trigger in flow.Triggers) Check(trigger.IdNode, FlowSchema.TriggerId, Shape.None, "Trigger id", trigger.OwnerPath);
        foreach (var input in flow.Inputs) Check(input.IdNode, FlowSchema.InputId, Shape.Dots, "Input id", input.OwnerPath);
        foreach (var output in flow.Outputs) Check(output.IdNode, FlowSchema.OutputId, Shape.Dots, "Output id", output.OwnerPath);
    });

    [System.Flags]
    private enum Shape
    {
        None = 0,
        Dots = 1,
        LowerCase = 2,
    }

    /// <summary>Why a value fails the rule, in words; null when it is valid. The rule's regex is the judge, the scan only explains.</summary>
    private static string? Problem(string value, IdRule rule, Shape shape)
    {
        if (rule.IsValid(value)) return null;
        if (value.Trim().Length == 0) return "it is empty";
        if (rule.MaxLength is int max && value.Length > max) return $"it has {value.Length} characters, more than {max}";
        if (!IsAllowed(value[0], shape, first: true))
            return $"it starts with {Describe(value[0])}";
        for (int i = 1; i < value.Length; i++)
        {
            if (!IsAllowed(value[i], shape, first: false))
                return $"{Describe(value[i])} at position {i + 1} is not allowed";
        }
        return "it does not match " + rule.Pattern;
    }

    private static bool IsAllowed(char c, Shape shape, bool first)
    {
        if (c is >= '0' and <= '9' or >= 'a' and <= 'z') return true;
        if (c is >= 'A' and <= 'Z') return (shape & Shape.LowerCase) == 0;
        if (first) return false;
        return c is '_' or '-' || (c == '.' && (shape & Shape.Dots) != 0);
    }

    private static string Describe(char c) => c switch
    {
        ' ' => "a space",
        '\t' => "a tab",
        >= 'A' and <= 'Z' => $"upper-case '{c}'",
        _ when char.IsControl(c) => $"control character U+{(int)c:X4}",
        _ => $"'{c}'",
    };

    private static string Excerpt(string value) => value.Length <= 60 ? value : value.Substring(0, 59) + "…";
}
