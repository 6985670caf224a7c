using System;
using System.Collections.Generic;

namespace Kestra.FlowLint.Knowledge;

/// <summary>
/// Where the execution context's open-ended variables get their keys at run time (research/kestra-domain.md §1.8,
/// §3, §4.2; Kestra 1.x plugin docs), so reference rules can tell a typo from a name Kestra adds itself.
/// </summary>
public static class ExecutionScopes
{
    private const string Core = "io.kestra.plugin.core.";

    /// <summary>
    /// Tasks whose children get <c>taskrun.value</c>: ForEach and its deprecated predecessors (the current value), and
    /// Switch (the matched case; Kestra's own test flows `all-flowable.yaml` and `disable-flowable.yaml` read it in
    /// `cases` and `defaults`). LoopUntil (formerly WaitFor) sets <c>taskrun.iteration</c> only; ForEachItem has no
    /// children of its own (its generated tasks carry the batch in <c>taskrun.value</c>/<c>taskrun.items</c>).
    /// Canonical type names.
    /// </summary>
    private static readonly HashSet<string> ValueLoopTaskTypes = new(StringComparer.Ordinal)
    {
        Core + "flow.ForEach",
        Core + "flow.EachSequential",
        Core + "flow.EachParallel",
        Core + "flow.Switch",
        // 1.x's Loop documents `item.value`; whether its children also get `taskrun.value` is unverified, so a
        // reference inside one is given the benefit of the doubt.
        Core + "flow.Loop",
    };

    /// <summary>Tasks whose children get <c>taskrun.iteration</c>: the value loops plus LoopUntil/WaitFor.</summary>
    private static readonly HashSet<string> IterationTaskTypes = new(StringComparer.Ordinal)
    {
        Core + "flow.ForEach",
        Core + "flow.Loop",
        Core + "flow.EachSequential",
        Core + "flow.EachParallel",
        KestraVersionFacts.LoopUntilType,
        Core + "flow.WaitFor",
    };

    /// <summary>
    /// The <c>trigger</c> keys an execution started by a Subflow or ForEachItem task carries (the parent's ids,
    /// <c>ExecutableUtils.subflowExecution</c>), so a flow without <c>triggers</c> may still read them when it is
    /// called as a subflow.
    /// </summary>
    private static readonly HashSet<string> SubflowTriggerKeys = new(StringComparer.Ordinal)
    {
        "executionId", "namespace", "flowId", "flowRevision", "taskRunId", "taskId", "taskRunOutputs", "taskRunValue",
        "taskRunIteration", "items",
    };

    /// <summary>
    /// Tasks that add keys to <c>vars</c> at run time (1.x): the keys of their <c>variables</c> map join the
    /// flow's <c>variables</c>. Canonical type names.
    /// </summary>
    private static readonly HashSet<string> SetVariablesTaskTypes = new(StringComparer.Ordinal)
    {
        Core + "execution.SetVariables",
    };

    /// <summary>
    /// ForEachItem runs as generated tasks whose outputs are read as <c>outputs.&lt;id&gt;_split</c>,
    /// <c>outputs.&lt;id&gt;_items</c> and <c>outputs.&lt;id&gt;_merge</c> (e.g. <c>subflowOutputs</c>).
    /// </summary>
    public static readonly IReadOnlyList<string> ForEachItemGeneratedSuffixes = new[] { "_split", "_items", "_merge" };

    public const string ForEachItemType = Core + "flow.ForEachItem";

    /// <summary>
    /// The Subflow task's deprecated <c>outputs</c> map is rendered in the called flow's execution when it ends, so its
    /// <c>outputs.*</c> name the called flow's tasks, not the caller's.
    /// </summary>
    public const string SubflowType = Core + "flow.Subflow";

    /// <summary>The deprecated Template task runs tasks stored elsewhere: their ids cannot be known from the flow.</summary>
    public const string TemplateTaskType = Core + "flow.Template";

    /// <summary>Whether the children of a task of this (canonical) type get <c>taskrun.&lt;key&gt;</c> (<c>value</c> or <c>iteration</c>).</summary>
    public static bool SetsTaskRunKey(string canonicalType, string key) => key switch
    {
        "value" => ValueLoopTaskTypes.Contains(canonicalType),
        "iteration" => IterationTaskTypes.Contains(canonicalType),
        _ => false,
    };

    /// <summary>Whether <c>taskrun.&lt;key&gt;</c> exists only inside some flowable tasks.</summary>
    public static bool IsLoopOnlyTaskRunKey(string key) => key is "value" or "iteration";

    public static bool IsSubflowTriggerKey(string key) => SubflowTriggerKeys.Contains(key);

    public static bool IsSetVariablesTask(string canonicalType) => SetVariablesTaskTypes.Contains(canonicalType);
}
