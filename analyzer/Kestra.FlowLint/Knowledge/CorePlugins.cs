using System.Collections.Generic;

namespace Kestra.FlowLint.Knowledge;

/// <summary>
/// Core plugins of Kestra 1.x (research/kestra-domain.md §3.7, §4.1, §4.2, plus 1.x docs: Loop, LoopUntil,
/// SetVariables, flowable <c>finally</c>). Properties listed per plugin exclude the common task/trigger ones.
/// A plugin is marked complete only when its list was checked against the plugin's 1.x documentation page or source;
/// everything else lists the properties we know so rules can still spot deprecations and rendering.
/// </summary>
internal static class CorePlugins
{
    private const string Core = "io.kestra.plugin.core.";
    private const string OldTasks = "io.kestra.core.tasks.";
    private const string OldConditions = "io.kestra.core.models.conditions.types.";
    private const string OldTriggers = "io.kestra.core.models.triggers.types.";

    internal static readonly PluginInfo[] Table = Build();

    private static PluginInfo[] Build() => BuildAll(new[]
    {
        // ---- log / debug / output ----
        Task(Core + "log.Log", "Logs one message or a list of messages at a level.").Alias(OldTasks + "log.Log").Complete()
            .With(P("message", required: true, note: "a string or a list of strings, each rendered and logged"), P("level")),
        Task(Core + "log.Fetch", "Copies execution logs to an internal-storage file.").Alias(OldTasks + "log.Fetch")
            .With(P("namespace"), P("flowId"), P("executionId"), P("tasksId"), P("level")),
        Task(Core + "log.PurgeLogs", "Deletes logs matching filters.")
            .With(P("namespace"), P("flowId"), P("executionId"), P("logLevels"), P("startDate"), P("endDate", required: true)),
        Task(Core + "debug.Echo", "Logs a formatted message (deprecated).").Alias(OldTasks + "debugs.Echo").Complete()
            .Deprecated(Core + "log.Log")
            .With(P("format", required: true), P("level")),
        Task(Core + "debug.Return", "Renders a value into the task's `value` output.").Alias(OldTasks + "debugs.Return").Complete()
            .With(P("format")),
        Task(Core + "output.OutputValues", "Exposes rendered values as task outputs.").Complete()
            .With(P("values")),

        // ---- execution ----
        Task(Core + "execution.Count", "Counts executions of flows over a period.").Alias(OldTasks + "executions.Counts")
            .With(P("flows"), P("namespaces"), P("states"), P("expression", required: true), P("startDate", required: true), P("endDate")),
        Task(Core + "execution.Fail", "Fails the execution, optionally on a condition.").Alias(OldTasks + "executions.Fail").Complete()
            .With(P("condition"), P("errorMessage")),
        Task(Core + "execution.Labels", "Adds labels to the current execution.").Alias(OldTasks + "executions.Labels").Complete()
            .With(P("labels", required: true, note: "a map or a list of {key, value}; keys and values are rendered")),
        Task(Core + "execution.PurgeExecutions", "Purges executions and their logs, metrics and files.")
            .Alias(OldTasks + "storages.Purge", Core + "storage.Purge")
            .With(P("namespace"), P("flowId"), P("startDate"), P("endDate", required: true), P("states"),
                  P("purgeExecution"), P("purgeLog"), P("purgeMetric"), P("purgeStorage")),
        Task(Core + "execution.Resume", "Resumes a paused execution.")
            .With(P("namespace"), P("flowId"), P("executionId"), P("inputs")),
        Task(Core + "execution.SetVariables", "Sets execution variables (1.x).")
            .With(P("variables", required: true), P("overwrite")),

        // ---- flowable ----
        Task(Core + "flow.AllowFailure", "Runs tasks; a failure only marks the execution WARNING.").Alias(OldTasks + "flows.AllowFailure").Flowable().Complete()
            .With(Tasks("tasks", required: true)),
        Task(Core + "flow.Dag", "Runs tasks as a DAG of dependsOn edges.").Alias(OldTasks + "flows.Dag").Flowable().Complete()
            .With(new PropertyInfo("tasks", required: true, nested: NestedShape.DagTaskList), Static("concurrent")),
        Task(Core + "flow.EachParallel", "For each value, runs tasks in parallel (deprecated).").Alias(OldTasks + "flows.EachParallel").Flowable().Complete()
            .Deprecated(Core + "flow.ForEach")
            .With(P("value", required: true), Static("concurrent"), Tasks("tasks", required: true)),
        Task(Core + "flow.EachSequential", "For each value, runs tasks sequentially (deprecated).").Alias(OldTasks + "flows.EachSequential").Flowable().Complete()
            .Deprecated(Core + "flow.ForEach")
            .With(P("value", required: true), Tasks("tasks", required: true)),
        Task(Core + "flow.ForEach", "Runs a group of tasks for each value.").Flowable().Complete()
            .With(P("values", required: true), Static("concurrencyLimit"), Tasks("tasks", required: true)),
        Task(Core + "flow.ForEachItem", "Runs a subflow for each batch of items of a file.").Alias(OldTasks + "flows.ForEachItem").Flowable().Complete()
            .With(P("items", required: true), P("batch"), P("namespace", required: true), P("flowId", required: true), P("revision"),
                  P("inputs"), P("labels"), P("wait"), P("transmitFailed"), P("inheritLabels"), P("scheduleDate"), P("restartBehavior")),
        Task(Core + "flow.If", "Runs `then` or `else` depending on a condition.").Alias(OldTasks + "flows.If").Flowable().Complete()
            .With(P("condition", required: true), Tasks("then", required: true), Tasks("else")),
        Task(Core + "flow.Loop", "Runs a group of tasks per item, each iteration isolated (1.x).").Flowable()
            .With(P("values", required: true), Static("concurrencyLimit"), Static("transmitFailed"),
                  P("outputs", note: "flow-style output definitions; their `value` is rendered per iteration"),
                  Static("fetchType"),
                  Tasks("tasks", required: true)),
        Task(KestraVersionFacts.LoopUntilType, "Repeats tasks until a condition is true.").Alias(Core + "flow.WaitFor").Flowable().Complete()
            .With(P("condition", required: true), Tasks("tasks", required: true), Static("checkFrequency"), P("failOnMaxReached")),
        Task(Core + "flow.Parallel", "Runs tasks in parallel.").Alias(OldTasks + "flows.Parallel").Flowable().Complete()
            .With(Tasks("tasks", required: true), Static("concurrent")),
        Task(Core + "flow.Pause", "Pauses the execution until resumed or a delay elapses.").Alias(OldTasks + "flows.Pause").Flowable().Complete()
            .With(P("delay"), P("pauseDuration"), P("timeout"), P("behavior"),
                  Static("onResume", note: "input definitions asked for on resume"),
                  Tasks("tasks", deprecated: true, replacement: "put the tasks after the Pause task")),
        Task(Core + "flow.Sequential", "Groups tasks and runs them one after another.").Alias(OldTasks + "flows.Sequential").Flowable().Complete()
            .With(Tasks("tasks", required: true)),
        Task(Core + "flow.Switch", "Runs the case matching a value, or `defaults`.").Alias(OldTasks + "flows.Switch").Flowable().Complete()
            .With(P("value", required: true), new PropertyInfo("cases", nested: NestedShape.TaskListMap), Tasks("defaults")),
        Task(Core + "flow.Template", "Runs a stored template (deprecated).").Alias(OldTasks + "flows.Template").Flowable()
            .Deprecated(Core + "flow.Subflow")
            .With(P("namespace", required: true), P("templateId", required: true), P("tenantId"), P("args")),
        Task(Core + "flow.WorkingDirectory", "Runs tasks in one shared working directory on one worker.")
            .Alias(OldTasks + "flows.WorkingDirectory", OldTasks + "flows.Worker").Flowable().Complete()
            .With(Tasks("tasks", required: true), P("cache"), P("namespaceFiles"), P("inputFiles"), P("outputFiles")),
        Task(Core + "flow.Sleep", "Waits for a duration.").Complete()
            .With(P("duration", required: true)),
        Task(Core + "flow.Subflow", "Starts an execution of another flow.").Alias(OldTasks + "flows.Subflow", OldTasks + "flows.Flow").Complete()
            .With(P("namespace", required: true), P("flowId", required: true), P("revision"), P("inputs"), P("labels"), P("wait"),
                  P("transmitFailed"), P("inheritLabels"), P("scheduleDate"), P("restartBehavior"),
                  P("outputs", deprecated: true, replacement: "flow outputs declared in the subflow")),

        // ---- http ----
        Task(Core + "http.Request", "Sends an HTTP request.").Alias("io.kestra.plugin.fs.http.Request").Complete()
            .With(P("uri", required: true), P("method"), P("body"), P("contentType"), P("headers"), P("formData"), P("options"),
                  P("auth"), P("encryptBody"), P("failOnEmptyResponse"),
                  // Pre-0.22 HTTP client settings, still accepted (deprecated) by 1.x.
                  P("sslOptions", deprecated: true, replacement: "options.ssl"), P("allowFailed", deprecated: true, replacement: "options.allowFailed")),
        Task(Core + "http.Download", "Downloads a file over HTTP into internal storage.").Alias("io.kestra.plugin.fs.http.Download").Complete()
            .With(P("uri", required: true), P("method"), P("body"), P("contentType"), P("headers"), P("formData"), P("options"),
                  P("auth"), P("failOnEmptyResponse"), P("saveAs"),
                  P("sslOptions", deprecated: true, replacement: "options.ssl"), P("allowFailed", deprecated: true, replacement: "options.allowFailed")),

        // ---- KV, namespace files, state ----
        Task(Core + "kv.Set", "Stores a value in the KV store.")
            .With(P("key", required: true), P("value", required: true), P("namespace"), P("overwrite"), P("ttl"), P("kvType"), P("kvDescription")),
        Task(Core + "kv.Get", "Reads a value from the KV store into the `value` output.")
            .With(P("key", required: true), P("namespace"), P("errorOnMissing")),
        Task(Core + "kv.GetKeys", "Lists KV keys.")
            .With(P("prefix"), P("namespace")),
        Task(Core + "kv.Delete", "Deletes a KV pair.")
            .With(P("key", required: true), P("namespace"), P("errorOnMissing")),
        Task(Core + "namespace.UploadFiles", "Uploads files to namespace storage.")
            .With(P("namespace"), P("files"), P("filesMap"), P("destination"), P("conflict")),
        Task(Core + "namespace.DownloadFiles", "Downloads namespace files.")
            .With(P("namespace"), P("files"), P("destination")),
        Task(Core + "namespace.DeleteFiles", "Deletes namespace files.")
            .With(P("namespace"), P("files"), P("deleteParentFolder")),
        StateTask("Set", "Stores a state (deprecated in favour of the KV store).", P("name"), P("data"), P("namespace"), P("taskrunValue")),
        StateTask("Get", "Reads a state (deprecated in favour of the KV store).", P("name"), P("namespace"), P("taskrunValue"), P("errorOnMissing")),
        StateTask("Delete", "Deletes a state (deprecated in favour of the KV store).", P("name"), P("namespace"), P("taskrunValue"), P("errorOnMissing")),

        // ---- storage ----
        StorageTask("Concat", "Concatenates files.", P("files", required: true), P("separator"), P("extension")),
        StorageTask("DeduplicateItems", "Removes duplicate items of an Ion file.", P("from", required: true), P("expr", required: true)),
        StorageTask("Delete", "Deletes an internal-storage file.", P("uri", required: true), P("errorOnMissing")),
        StorageTask("FilterItems", "Filters items of an Ion file.", P("from", required: true), P("filterCondition", required: true),
            P("filterType"), P("errorOrNullBehavior")),
        StorageTask("Reverse", "Reverses the lines of a file.", P("from", required: true), P("separator"), P("charset")),
        StorageTask("Size", "Size of an internal-storage file.", P("uri", required: true)),
        StorageTask("Split", "Splits a file into several.", P("from", required: true), P("bytes"), P("partitions"), P("rows"),
            P("separator"), P("regexPattern")),
        Task(Core + "storage.LocalFiles", "Copies files between internal storage and a working directory (deprecated).")
            .Alias(OldTasks + "storages.LocalFiles")
            .Deprecated("inputFiles/outputFiles of io.kestra.plugin.core.flow.WorkingDirectory or of script tasks")
            .With(P("inputs"), P("outputs")),
        Task(Core + "storage.PurgeCurrentExecutionFiles", "Deletes the current execution's files.")
            .Alias(OldTasks + "storages.PurgeExecution", Core + "storage.PurgeExecution"),

        // ---- templating / trigger control ----
        Task(Core + "templating.TemplatedTask", "Renders a task definition from a template, then runs it.")
            .Alias(OldTasks + "templating.TemplatedTask")
            .With(P("spec", required: true, note: "rendered, then parsed as a task definition")),
        Task(Core + "trigger.Toggle", "Enables or disables a trigger.").Alias(OldTasks + "trigger.Toggle")
            .With(P("namespace"), P("flowId"), P("trigger", required: true), P("enabled")),

        // ---- task runners ----
        Plugin(Core + "runner.Process", PluginKind.TaskRunner, "Runs script tasks as local processes.").Complete(),

        // ---- triggers ----
        Trigger(Core + "trigger.Schedule", "Starts executions on a cron schedule.").Alias(OldTriggers + "Schedule").Complete()
            .With(
                // The cron is parsed when the flow is validated, so it is a literal string, never a template.
                Static("cron", required: true), Static("withSeconds"), Static("timezone"),
                P("inputs", note: "values are rendered for each scheduled execution"),
                P("lateMaximumDelay"), P("recoverMissedSchedules"),
                P("interval", deprecated: true, replacement: "remove it (must be null)"),
                new PropertyInfo("scheduleConditions", nested: NestedShape.PluginList, deprecated: true, replacement: "conditions"),
                P("backfill", deprecated: true, replacement: "backfill from the UI or API")),
        Trigger(Core + "trigger.ScheduleOnDates", "Starts executions at a list of dates.")
            .With(P("dates", required: true), Static("timezone"), P("inputs"), P("recoverMissedSchedules")),
        Trigger(Core + "trigger.Flow", "Starts an execution when other flows' executions end.").Alias(OldTriggers + "Flow").Complete()
            .With(P("inputs"), P("states"), Static("preconditions"), Static("dependsOn"), Static("window"), Static("when")),
        Trigger(Core + "trigger.Webhook", "Starts an execution on an HTTP call carrying the key.").Alias(OldTriggers + "Webhook").Complete()
            .With(P("key", required: true, note: "the only protection of the endpoint: treat it as a secret"),
                  P("inputs"), P("wait"), P("returnOutputs"), P("responseContentType")),
        Trigger(Core + "http.Trigger", "Polls an HTTP endpoint and starts an execution on a condition.").Alias("io.kestra.plugin.fs.http.Trigger")
            .With(P("uri", required: true), P("method"), P("body"), P("contentType"), P("headers"), P("formData"), P("options"),
                  P("auth"), P("responseCondition"), P("interval"), P("encryptBody")),

        // ---- conditions ----
        Condition("DateTimeBetween", P("date"), P("after"), P("before")),
        Condition("DayWeek", P("date"), P("dayOfWeek", required: true)),
        Condition("DayWeekInMonth", P("date"), P("dayOfWeek", required: true), P("dayInMonth", required: true)),
        Condition("ExecutionFlow", P("namespace", required: true), P("flowId", required: true)),
        Condition("ExecutionLabels", P("labels", required: true)),
        Condition("ExecutionNamespace", P("namespace", required: true), P("comparison"),
            P("prefix", deprecated: true, replacement: "comparison: PREFIX")),
        Condition("ExecutionOutputs", P("expression", required: true)),
        Condition("ExecutionStatus", P("in"), P("notIn")),
        Condition("Expression", P("expression", required: true)).Alias(OldConditions + "VariableCondition", Core + "condition.VariableCondition"),
        Condition("HasRetryAttempt", P("in"), P("notIn")),
        Condition("Not", new PropertyInfo("conditions", required: true, nested: NestedShape.PluginList)),
        Condition("Or", new PropertyInfo("conditions", required: true, nested: NestedShape.PluginList)),
        Condition("PublicHoliday", P("date"), P("country"), P("subDivision")),
        Condition("TimeBetween", P("date"), P("after"), P("before")),
        Condition("Weekend", P("date")),
        Plugin(Core + "condition.FlowCondition", PluginKind.Condition, "Matches executions of one flow (deprecated).")
            .Alias(OldConditions + "FlowCondition").Deprecated(Core + "condition.ExecutionFlow")
            .With(P("namespace", required: true), P("flowId", required: true)),
        Plugin(Core + "condition.FlowNamespaceCondition", PluginKind.Condition, "Matches executions of a namespace (deprecated).")
            .Alias(OldConditions + "FlowNamespaceCondition").Deprecated(Core + "condition.ExecutionNamespace")
            .With(P("namespace", required: true), P("prefix")),
        Plugin(Core + "condition.MultipleCondition", PluginKind.Condition, "Matches when several conditions held in a window (deprecated).")
            .Alias(OldConditions + "MultipleCondition").Deprecated("preconditions of io.kestra.plugin.core.trigger.Flow")
            .With(P("id", rendered: false), P("window", deprecated: true, replacement: "timeWindow"), P("windowAdvance", deprecated: true, replacement: "timeWindow"),
                  P("timeWindow"), P("resetOnSuccess"),
                  Static("conditions", required: true, note: "a map of condition id to condition")),
    });

    // ---------- builders: keep the table above one entry per plugin ----------

    private static PropertyInfo P(string name, bool rendered = true, bool required = false, bool deprecated = false, string? replacement = null, string? note = null)
        => new(name, rendered, required, NestedShape.None, deprecated, replacement, note);

    private static PropertyInfo Static(string name, bool required = false, string? note = null)
        => new(name, rendered: false, required: required, note: note);

    private static PropertyInfo Tasks(string name, bool required = false, bool deprecated = false, string? replacement = null)
        => new(name, required: required, nested: NestedShape.TaskList, deprecated: deprecated, replacement: replacement);

    private static Def Task(string type, string description) => new(type, PluginKind.Task, description);
    private static Def Trigger(string type, string description) => new(type, PluginKind.Trigger, description);
    private static Def Plugin(string type, PluginKind kind, string description) => new(type, kind, description);

    private static Def Condition(string name, params PropertyInfo[] properties)
        => new Def(Core + "condition." + name, PluginKind.Condition, name + " condition.")
            .Alias(OldConditions + name + "Condition", Core + "condition." + name + "Condition")
            .With(properties);

    private static Def StateTask(string name, string description, params PropertyInfo[] properties)
        => new Def(Core + "state." + name, PluginKind.Task, description)
            .Alias(OldTasks + "states." + name)
            .Deprecated(Core + "kv." + name)
            .With(properties);

    private static Def StorageTask(string name, string description, params PropertyInfo[] properties)
        => new Def(Core + "storage." + name, PluginKind.Task, description)
            .Alias(OldTasks + "storages." + name)
            .With(properties);

    private static PluginInfo[] BuildAll(Def[] defs)
    {
        var result = new PluginInfo[defs.Length];
        for (int i = 0; i < defs.Length; i++) result[i] = defs[i].Build();
        return result;
    }

    private sealed class Def
    {
        private readonly string _type;
        private readonly PluginKind _kind;
        private readonly string _description;
        private readonly List<string> _aliases = new();
        private readonly List<PropertyInfo> _properties = new();
        private bool _flowable;
        private bool _complete;
        private bool _deprecated;
        private string? _replacement;

        public Def(string type, PluginKind kind, string description)
        {
            _type = type;
            _kind = kind;
            _description = description;
        }

        public Def Alias(params string[] aliases)
        {
            _aliases.AddRange(aliases);
            return this;
        }

        // Every flowable task has `errors` (FlowableTask.getErrors) and, in 1.x, `finally`.
        public Def Flowable()
        {
            _flowable = true;
            _properties.Add(Tasks("errors"));
            _properties.Add(Tasks("finally"));
            return this;
        }

        public Def Complete()
        {
            _complete = true;
            return this;
        }

        public Def Deprecated(string replacement)
        {
            _deprecated = true;
            _replacement = replacement;
            return this;
        }

        public Def With(params PropertyInfo[] properties)
        {
            _properties.AddRange(properties);
            return this;
        }

        public PluginInfo Build() => new(_type, _kind, _flowable, _aliases.ToArray(),
            PropertyInfo.Index(_type, _properties), _complete, _deprecated, _replacement, _description);
    }
}
