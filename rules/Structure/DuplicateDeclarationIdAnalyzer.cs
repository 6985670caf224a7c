using System.Collections.Generic;
using Kestra.FlowLint.Analysis;

namespace Kestra.FlowLint.Rules.Structure;

/// <summary>KF4005: two inputs, two outputs or two triggers of a flow share an id.</summary>
public sealed class DuplicateDeclarationIdAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF4005",
        "Duplicate input, output or trigger id",
        "{0} '{1}' is already declared at {2} ({3})",
        Categories.Structure,
        DiagnosticSeverity.Error,
        "Inputs are addressed as `inputs.<id>`, flow outputs as `outputs.<id>` of the execution, and triggers by id in the trigger table (backfills, enabling and disabling). Kestra's flow validation rejects a flow that declares the same input id, output id or trigger id twice. Ids of different kinds may coincide (a trigger may share a task's id). Every occurrence after the first is reported.",
        badExample: "id: report\nnamespace: company.team\ninputs:\n  - id: day\n    type: DATE\n  - id: day\n    type: STRING\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ inputs.day }}\"\n",
        goodExample: "id: report\nnamespace: company.team\ninputs:\n  - id: day\n    type: DATE\n  - id: label\n    type: STRING\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ inputs.day }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterFlowAction(context =>
    {
        var flow = context.Flow;
        var inputs = new List<DeclaredId>(flow.Inputs.Count);
        foreach (var input in flow.Inputs)
            if (DeclaredId.TryCreate(input.IdNode, null, input.PropertyPath, input.OwnerPath, out var d)) inputs.Add(d);
        DuplicateIds.Report(context, Rule, "Input id", inputs);

        var outputs = new List<DeclaredId>(flow.Outputs.Count);
        foreach (var output in flow.Outputs)
            if (DeclaredId.TryCreate(output.IdNode, null, output.PropertyPath, output.OwnerPath, out var d)) outputs.Add(d);
        DuplicateIds.Report(context, Rule, "Output id", outputs);

        var triggers = new List<DeclaredId>(flow.Triggers.Count);
        foreach (var trigger in flow.Triggers)
            if (DeclaredId.TryCreate(trigger.IdNode, null, trigger.PropertyPath, trigger.OwnerPath, out var d)) triggers.Add(d);
        DuplicateIds.Report(context, Rule, "Trigger id", triggers);
    });
}
