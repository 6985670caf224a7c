using Kestra.FlowLint.Knowledge;

namespace Kestra.FlowLint.Tests.Knowledge;

[TestClass]
public class PluginKnowledgeTests
{
    private const string Core = "io.kestra.plugin.core.";
    private const string Old = "io.kestra.core.tasks.";

    // Every alias of research §4.1 (plus the 1.x WaitFor → LoopUntil rename) and the canonical type it must resolve to.
    [TestMethod]
    [DataRow(Old + "log.Log", Core + "log.Log")]
    [DataRow(Old + "log.Fetch", Core + "log.Fetch")]
    [DataRow(Old + "debugs.Echo", Core + "debug.Echo")]
    [DataRow(Old + "debugs.Return", Core + "debug.Return")]
    [DataRow(Old + "executions.Counts", Core + "execution.Count")]
    [DataRow(Old + "executions.Fail", Core + "execution.Fail")]
    [DataRow(Old + "executions.Labels", Core + "execution.Labels")]
    [DataRow(Old + "storages.Purge", Core + "execution.PurgeExecutions")]
    [DataRow(Core + "storage.Purge", Core + "execution.PurgeExecutions")]
    [DataRow(Old + "flows.AllowFailure", Core + "flow.AllowFailure")]
    [DataRow(Old + "flows.Dag", Core + "flow.Dag")]
    [DataRow(Old + "flows.EachParallel", Core + "flow.EachParallel")]
    [DataRow(Old + "flows.EachSequential", Core + "flow.EachSequential")]
    [DataRow(Old + "flows.ForEachItem", Core + "flow.ForEachItem")]
    [DataRow(Old + "flows.If", Core + "flow.If")]
    [DataRow(Old + "flows.Parallel", Core + "flow.Parallel")]
    [DataRow(Old + "flows.Pause", Core + "flow.Pause")]
    [DataRow(Old + "flows.Sequential", Core + "flow.Sequential")]
    [DataRow(Old + "flows.Subflow", Core + "flow.Subflow")]
    [DataRow(Old + "flows.Flow", Core + "flow.Subflow")]
    [DataRow(Old + "flows.Switch", Core + "flow.Switch")]
    [DataRow(Old + "flows.Template", Core + "flow.Template")]
    [DataRow(Old + "flows.WorkingDirectory", Core + "flow.WorkingDirectory")]
    [DataRow(Old + "flows.Worker", Core + "flow.WorkingDirectory")]
    [DataRow("io.kestra.plugin.fs.http.Request", Core + "http.Request")]
    [DataRow("io.kestra.plugin.fs.http.Download", Core + "http.Download")]
    [DataRow("io.kestra.plugin.fs.http.Trigger", Core + "http.Trigger")]
    [DataRow(Old + "states.Set", Core + "state.Set")]
    [DataRow(Old + "states.Get", Core + "state.Get")]
    [DataRow(Old + "states.Delete", Core + "state.Delete")]
    [DataRow(Old + "storages.Concat", Core + "storage.Concat")]
    [DataRow(Old + "storages.DeduplicateItems", Core + "storage.DeduplicateItems")]
    [DataRow(Old + "storages.Delete", Core + "storage.Delete")]
    [DataRow(Old + "storages.FilterItems", Core + "storage.FilterItems")]
    [DataRow(Old + "storages.Reverse", Core + "storage.Reverse")]
    [DataRow(Old + "storages.Size", Core + "storage.Size")]
    [DataRow(Old + "storages.Split", Core + "storage.Split")]
    [DataRow(Old + "storages.LocalFiles", Core + "storage.LocalFiles")]
    [DataRow(Old + "storages.PurgeExecution", Core + "storage.PurgeCurrentExecutionFiles")]
    [DataRow(Core + "storage.PurgeExecution", Core + "storage.PurgeCurrentExecutionFiles")]
    [DataRow(Old + "templating.TemplatedTask", Core + "templating.TemplatedTask")]
    [DataRow(Old + "trigger.Toggle", Core + "trigger.Toggle")]
    [DataRow("io.kestra.core.models.triggers.types.Schedule", Core + "trigger.Schedule")]
    [DataRow("io.kestra.core.models.triggers.types.Flow", Core + "trigger.Flow")]
    [DataRow("io.kestra.core.models.triggers.types.Webhook", Core + "trigger.Webhook")]
    [DataRow("io.kestra.core.models.conditions.types.ExecutionStatusCondition", Core + "condition.ExecutionStatus")]
    [DataRow(Core + "condition.ExecutionStatusCondition", Core + "condition.ExecutionStatus")]
    [DataRow(Core + "condition.ExpressionCondition", Core + "condition.Expression")]
    [DataRow("io.kestra.core.models.conditions.types.VariableCondition", Core + "condition.Expression")]
    [DataRow("io.kestra.core.models.conditions.types.MultipleCondition", Core + "condition.MultipleCondition")]
    [DataRow(Core + "flow.WaitFor", Core + "flow.LoopUntil")]
    public void Alias_resolves_to_canonical_type(string alias, string canonical)
    {
        var resolution = KestraKnowledge.ResolveType(alias);
        resolution.IsAlias.ShouldBeTrue();
        resolution.CanonicalType.ShouldBe(canonical);
        resolution.Plugin.ShouldNotBeNull();
        resolution.Plugin!.Type.ShouldBe(canonical);
        resolution.Plugin.Aliases.ShouldContain(alias);
    }

    [TestMethod]
    public void Canonical_and_unknown_types_resolve_without_alias()
    {
        var log = KestraKnowledge.ResolveType(Core + "log.Log");
        log.IsAlias.ShouldBeFalse();
        log.IsKnown.ShouldBeTrue();

        var script = KestraKnowledge.ResolveType("io.kestra.plugin.scripts.shell.Commands");
        script.IsKnown.ShouldBeFalse();
        script.IsAlias.ShouldBeFalse();
        script.CanonicalType.ShouldBe("io.kestra.plugin.scripts.shell.Commands");
    }

    [TestMethod]
    public void No_alias_shadows_a_canonical_type()
    {
        foreach (var alias in KestraKnowledge.Aliases.Keys)
            KestraKnowledge.PluginTypes.ContainsKey(alias).ShouldBeFalse(alias);
    }

    [TestMethod]
    [DataRow("flow.Sequential", "tasks,errors,finally")]
    [DataRow("flow.AllowFailure", "tasks,errors,finally")]
    [DataRow("flow.WorkingDirectory", "tasks,errors,finally")]
    [DataRow("flow.ForEach", "tasks,errors,finally")]
    [DataRow("flow.EachSequential", "tasks,errors,finally")]
    [DataRow("flow.EachParallel", "tasks,errors,finally")]
    [DataRow("flow.Parallel", "tasks,errors,finally")]
    [DataRow("flow.If", "then,else,errors,finally")]
    [DataRow("flow.Switch", "cases,defaults,errors,finally")]
    [DataRow("flow.Dag", "tasks,errors,finally")]
    [DataRow("flow.LoopUntil", "tasks,errors,finally")]
    [DataRow("flow.Loop", "tasks,errors,finally")]
    [DataRow("flow.Pause", "tasks,errors,finally")]
    [DataRow("flow.ForEachItem", "errors,finally")]
    [DataRow("flow.Template", "errors,finally")]
    [DataRow("flow.Subflow", "")]
    [DataRow("log.Log", "")]
    public void Nested_task_properties_of_core_plugins(string type, string expected)
    {
        var names = KestraKnowledge.GetNestedTaskProperties(Core + type).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal);
        var want = expected.Length == 0 ? Array.Empty<string>() : expected.Split(',');
        names.ShouldBe(want.OrderBy(n => n, StringComparer.Ordinal));
        KestraKnowledge.GetPlugin(Core + type)!.IsFlowable.ShouldBe(want.Contains("errors"));
    }

    [TestMethod]
    public void Nested_shapes_match_each_flowable()
    {
        KestraKnowledge.GetProperty(Core + "flow.Switch", "cases")!.Nested.ShouldBe(NestedShape.TaskListMap);
        KestraKnowledge.GetProperty(Core + "flow.Switch", "defaults")!.Nested.ShouldBe(NestedShape.TaskList);
        KestraKnowledge.GetProperty(Core + "flow.Dag", "tasks")!.Nested.ShouldBe(NestedShape.DagTaskList);
        KestraKnowledge.DagTaskEntryProperties["task"].Nested.ShouldBe(NestedShape.SingleTask);
        KestraKnowledge.GetProperty(Core + "flow.Pause", "tasks")!.Deprecated.ShouldBeTrue();
        // Aliases resolve before the lookup.
        KestraKnowledge.GetProperty(Old + "flows.If", "else")!.Nested.ShouldBe(NestedShape.TaskList);
    }

    [TestMethod]
    public void Unknown_plugins_get_the_generic_nested_task_names()
    {
        var names = KestraKnowledge.GetNestedTaskProperties("io.kestra.plugin.ee.SomeFlowable").Select(p => p.Name).ToArray();
        names.ShouldBe(new[] { "tasks", "then", "else", "errors", "finally", "cases", "defaults" });
        KestraKnowledge.GetNestedTaskProperties(null).Count.ShouldBe(7);
        KestraKnowledge.GetNestedTaskProperties("io.kestra.plugin.ee.SomeFlowable").Single(p => p.Name == "cases").Nested.ShouldBe(NestedShape.TaskListMap);
    }

    [TestMethod]
    public void Deprecated_classes_name_their_replacement()
    {
        KestraKnowledge.PluginTypes[Core + "debug.Echo"].IsDeprecated.ShouldBeTrue();
        KestraKnowledge.PluginTypes[Core + "debug.Echo"].Replacement.ShouldBe(Core + "log.Log");
        KestraKnowledge.PluginTypes[Core + "flow.EachSequential"].Replacement.ShouldBe(Core + "flow.ForEach");
        KestraKnowledge.PluginTypes[Core + "flow.EachParallel"].Replacement.ShouldBe(Core + "flow.ForEach");
        KestraKnowledge.PluginTypes[Core + "flow.Template"].Replacement.ShouldBe(Core + "flow.Subflow");
        KestraKnowledge.PluginTypes[Core + "storage.LocalFiles"].IsDeprecated.ShouldBeTrue();
        KestraKnowledge.PluginTypes[Core + "flow.ForEach"].IsDeprecated.ShouldBeFalse();
        foreach (var plugin in KestraKnowledge.PluginTypes.Values.Where(p => p.IsDeprecated))
            plugin.Replacement.ShouldNotBeNullOrWhiteSpace(plugin.Type);
    }

    [TestMethod]
    public void Common_properties_are_found_through_the_plugin()
    {
        KestraKnowledge.GetProperty(Core + "log.Log", "runIf")!.Rendered.ShouldBeTrue();
        KestraKnowledge.GetProperty(Core + "log.Log", "allowWarning").ShouldNotBeNull();
        KestraKnowledge.GetProperty(Core + "trigger.Schedule", "labels")!.Rendered.ShouldBeTrue();
        KestraKnowledge.GetProperty(Core + "trigger.Schedule", "minLogLevel")!.Replacement.ShouldBe("logLevel");
        KestraKnowledge.GetProperty(Core + "condition.ExecutionStatus", "version").ShouldNotBeNull();
        KestraKnowledge.GetProperty(Core + "log.Log", "nope").ShouldBeNull();
        foreach (var name in new[] { "id", "type", "description", "retry", "timeout", "disabled", "workerGroup", "logLevel", "allowFailure", "allowWarning", "logToFile", "runIf" })
            KestraKnowledge.TaskCommonProperties.ContainsKey(name).ShouldBeTrue(name);
    }

    [TestMethod]
    public void Log_property_list_is_complete_and_message_is_required()
    {
        var log = KestraKnowledge.PluginTypes[Core + "log.Log"];
        log.PropertiesComplete.ShouldBeTrue();
        log.Properties["message"].Required.ShouldBeTrue();
        log.Kind.ShouldBe(PluginKind.Task);
        KestraKnowledge.PluginTypes[Core + "trigger.Webhook"].Kind.ShouldBe(PluginKind.Trigger);
        KestraKnowledge.PluginTypes[Core + "runner.Process"].Kind.ShouldBe(PluginKind.TaskRunner);
    }
}
