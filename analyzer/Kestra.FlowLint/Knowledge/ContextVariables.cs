using System;
using System.Collections.Generic;

namespace Kestra.FlowLint.Knowledge;

/// <summary>When a root variable exists in the rendering context; rules use it to avoid "undefined" false alarms.</summary>
public enum ContextAvailability
{
    /// <summary>Present in every task and trigger rendering.</summary>
    Always,

    /// <summary>Only when the execution was started by a trigger (its content depends on the trigger type).</summary>
    WhenTriggered,

    /// <summary>Only for tasks nested under a flowable task.</summary>
    InsideFlowable,

    /// <summary>Only inside a <c>Loop</c> task's children.</summary>
    InsideLoop,

    /// <summary>Only for tasks running in a working directory (script tasks, <c>WorkingDirectory</c> children).</summary>
    InsideWorkingDirectory,

    /// <summary>Only on Kestra Enterprise Edition.</summary>
    EnterpriseOnly,

    /// <summary>Only when the flow declares the matching section (e.g. <c>variables</c> for <c>vars</c>).</summary>
    WhenDeclared,
}

/// <summary>A root name a Pebble expression can reference in Kestra, with the attributes the docs list.</summary>
public sealed class ContextVariableInfo
{
    public ContextVariableInfo(string name, ContextAvailability availability, bool openEnded, string[] attributes, string description)
    {
        Name = name;
        Availability = availability;
        IsOpenEnded = openEnded;
        Attributes = attributes;
        Description = description;
    }

    public string Name { get; }
    public ContextAvailability Availability { get; }

    /// <summary>
    /// Its keys come from the flow or the environment (input ids, task ids, env vars…), so an attribute missing from
    /// <see cref="Attributes"/> is not an error by itself.
    /// </summary>
    public bool IsOpenEnded { get; }

    /// <summary>Attributes Kestra documents (for open-ended roots: the fixed ones only).</summary>
    public IReadOnlyList<string> Attributes { get; }

    public string Description { get; }
}

/// <summary>A name Pebble defines by itself inside a tag, without the flow declaring it.</summary>
public sealed class PebbleBuiltinInfo
{
    public PebbleBuiltinInfo(string name, string scope, string[] attributes, string description)
    {
        Name = name;
        Scope = scope;
        Attributes = attributes;
        Description = description;
    }

    public string Name { get; }

    /// <summary>The tag inside which the name exists (<c>for</c>, <c>macro</c>).</summary>
    public string Scope { get; }

    public IReadOnlyList<string> Attributes { get; }
    public string Description { get; }
}

internal static class ContextVariableCatalog
{
    private const ContextAvailability Always = ContextAvailability.Always;

    internal static readonly ContextVariableInfo[] Table =
    {
        // Env vars carry the configured prefix stripped and lower-cased; they are never registered for log masking.
        new("envs", Always, true, Array.Empty<string>(), "Environment variables with the ENV_ prefix (configurable), lower-cased without the prefix."),
        new("globals", Always, true, Array.Empty<string>(), "Global variables from kestra.variables.globals."),
        new("flow", Always, false, new[] { "id", "namespace", "revision", "tenantId" }, "The flow being executed."),
        new("vars", ContextAvailability.WhenDeclared, true, Array.Empty<string>(), "Flow variables; values are raw strings unless passed through render()."),
        new("task", Always, false, new[] { "id", "type" }, "The current task."),
        new("taskrun", Always, false, new[] { "id", "startDate", "attemptsCount", "parentId", "value", "iteration", "items" }, "The current task run; value/iteration inside looping flowables, items inside ForEachItem."),
        new("trigger", ContextAvailability.WhenTriggered, true, new[] { "date", "next", "previous", "executionId", "namespace", "flowId", "flowRevision", "outputs", "body", "headers", "parameters" }, "Variables of the trigger that started the execution (Schedule: date/next/previous; Flow: executionId/namespace/flowId/flowRevision/outputs; Webhook: body/headers/parameters)."),
        new("parent", ContextAvailability.InsideFlowable, false, new[] { "taskrun", "outputs" }, "The nearest parent task run."),
        new("parents", ContextAvailability.InsideFlowable, false, Array.Empty<string>(), "List of parent task runs, nearest last."),
        new("execution", Always, false, new[] { "id", "startDate", "originalId", "state" }, "The current execution."),
        new("outputs", Always, true, Array.Empty<string>(), "Outputs of tasks that already ran, by task id."),
        new("tasks", Always, true, Array.Empty<string>(), "State of tasks of this execution, by task id."),
        new("inputs", Always, true, Array.Empty<string>(), "Flow inputs by id (SECRET inputs decrypted)."),
        new("labels", Always, true, Array.Empty<string>(), "Execution labels by key."),
        new("namespace", ContextAvailability.EnterpriseOnly, true, Array.Empty<string>(), "Namespace variables (Enterprise Edition); raw strings unless passed through render()."),
        new("kestra", Always, false, new[] { "environment", "url" }, "The instance's configured environment name and URL."),
        new("item", ContextAvailability.InsideLoop, false, new[] { "value", "index", "key", "parent", "parents" }, "The current Loop iteration; parent/parents reach enclosing loops."),
        new("workingDir", ContextAvailability.InsideWorkingDirectory, false, Array.Empty<string>(), "Path of the task's working directory."),
    };

    internal static readonly PebbleBuiltinInfo[] BuiltinTable =
    {
        new("loop", "for", new[] { "index", "length", "first", "last", "revindex" }, "Iteration state of the enclosing for tag."),
        // Kestra's reference shows passing `_context` into a macro to reach the caller's variables.
        new("_context", "macro", Array.Empty<string>(), "The whole rendering context, when passed to a macro."),
    };
}
