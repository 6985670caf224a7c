using Kestra.FlowLint.Knowledge;

namespace Kestra.FlowLint.Tests.Knowledge;

[TestClass]
public class RenderingAndSchemaTests
{
    private const string Core = "io.kestra.plugin.core.";

    [TestMethod]
    [DataRow("id")]
    [DataRow("namespace")]
    [DataRow("description")]
    [DataRow("labels")]
    [DataRow("variables")]
    [DataRow("tasks")]
    [DataRow("unknownKey")]
    public void Flow_level_properties_are_not_rendered(string name)
        => RenderingRules.IsFlowPropertyRendered(name).ShouldBeFalse();

    [TestMethod]
    public void Task_properties_follow_the_default_rule()
    {
        RenderingRules.IsTaskPropertyRendered(Core + "log.Log", "message").ShouldBeTrue();
        RenderingRules.IsTaskPropertyRendered(Core + "log.Log", "id").ShouldBeFalse();
        RenderingRules.IsTaskPropertyRendered(Core + "log.Log", "type").ShouldBeFalse();
        RenderingRules.IsTaskPropertyRendered(Core + "log.Log", "description").ShouldBeFalse();
        RenderingRules.IsTaskPropertyRendered(Core + "log.Log", "runIf").ShouldBeTrue();
        RenderingRules.IsTaskPropertyRendered(Core + "execution.Labels", "labels").ShouldBeTrue();
        RenderingRules.IsTaskPropertyRendered(Core + "flow.If", "condition").ShouldBeTrue();
        // Nested task definitions are walked, not rendered.
        RenderingRules.IsTaskPropertyRendered(Core + "flow.If", "then").ShouldBeFalse();
        RenderingRules.IsTaskPropertyRendered(Core + "flow.Sequential", "errors").ShouldBeFalse();
        // Non-dynamic core properties.
        RenderingRules.IsTaskPropertyRendered(Core + "flow.ForEach", "concurrencyLimit").ShouldBeFalse();
        // Unknown plugins: everything but id/type/description/version is rendered.
        RenderingRules.IsTaskPropertyRendered("io.kestra.plugin.scripts.shell.Commands", "commands").ShouldBeTrue();
        RenderingRules.IsTaskPropertyRendered("io.kestra.plugin.scripts.shell.Commands", "description").ShouldBeFalse();
        RenderingRules.IsTaskPropertyRendered(null, "anything").ShouldBeTrue();
        // Aliases resolve.
        RenderingRules.IsTaskPropertyRendered("io.kestra.core.tasks.log.Log", "message").ShouldBeTrue();
    }

    [TestMethod]
    public void Trigger_rendering()
    {
        RenderingRules.IsTriggerPropertyRendered(Core + "trigger.Schedule", "labels").ShouldBeTrue();
        RenderingRules.IsTriggerPropertyRendered(Core + "trigger.Schedule", "inputs").ShouldBeTrue();
        RenderingRules.IsTriggerPropertyRendered(Core + "trigger.Schedule", "cron").ShouldBeFalse();
        RenderingRules.IsTriggerPropertyRendered(Core + "trigger.Webhook", "key").ShouldBeTrue();
        RenderingRules.IsTriggerPropertyRendered(Core + "trigger.Webhook", "conditions").ShouldBeFalse();
        RenderingRules.IsConditionPropertyRendered(Core + "condition.Expression", "expression").ShouldBeTrue();
    }

    [TestMethod]
    public void Input_output_and_check_rendering()
    {
        // 1.0 made input defaults dynamic; the 0.21 snapshot used them raw.
        RenderingRules.IsInputPropertyRendered("STRING", "defaults").ShouldBeTrue();
        RenderingRules.IsInputPropertyRendered("SELECT", "expression").ShouldBeTrue();
        RenderingRules.IsInputPropertyRendered("MULTISELECT", "expression").ShouldBeTrue();
        RenderingRules.IsInputPropertyRendered("SELECT", "values").ShouldBeFalse();
        RenderingRules.IsInputPropertyRendered("STRING", "description").ShouldBeFalse();
        RenderingRules.IsInputPropertyRendered("STRING", "validator").ShouldBeFalse();
        RenderingRules.IsInputDependsOnPropertyRendered("condition").ShouldBeTrue();
        RenderingRules.IsInputDependsOnPropertyRendered("inputs").ShouldBeFalse();
        RenderingRules.IsFlowOutputPropertyRendered("value").ShouldBeTrue();
        RenderingRules.IsFlowOutputPropertyRendered("id").ShouldBeFalse();
        RenderingRules.IsCheckPropertyRendered("condition").ShouldBeTrue();
        RenderingRules.IsSlaPropertyRendered("assert").ShouldBeTrue();
        RenderingRules.AreFlowVariablesRendered.ShouldBeFalse();
        RenderingRules.AreFlowLabelsRendered.ShouldBeFalse();
        RenderingRules.ArePluginDefaultValuesRenderedWhenApplied.ShouldBeTrue();
    }

    [TestMethod]
    public void Flow_properties_of_1x()
    {
        foreach (var name in new[] { "id", "namespace", "tasks", "errors", "finally", "afterExecution", "checks", "sla", "concurrency", "retry", "outputs", "pluginDefaults", "triggers", "inputs", "variables", "labels", "description", "disabled", "revision" })
            KestraKnowledge.FlowProperties.ContainsKey(name).ShouldBeTrue(name);
        KestraKnowledge.FlowProperties["taskDefaults"].Replacement.ShouldBe("pluginDefaults");
        KestraKnowledge.FlowProperties["listeners"].Deprecated.ShouldBeTrue();
        KestraKnowledge.FlowProperties["listeners"].Replacement!.ShouldContain("afterExecution");
        KestraKnowledge.FlowProperties.Values.Where(p => p.Required).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal)
            .ShouldBe(new[] { "id", "namespace", "tasks" });
        KestraKnowledge.FlowProperties["afterExecution"].Nested.ShouldBe(NestedShape.TaskList);
    }

    [TestMethod]
    public void Input_types_include_SECRET_and_mark_deprecations()
    {
        KestraKnowledge.InputTypes["SECRET"].IsSecret.ShouldBeTrue();
        KestraKnowledge.InputTypes["ENUM"].Deprecated.ShouldBeTrue();
        KestraKnowledge.InputTypes["ENUM"].Replacement.ShouldBe("SELECT");
        KestraKnowledge.InputTypes["BOOLEAN"].Replacement.ShouldBe("BOOL");
        KestraKnowledge.InputTypes["ARRAY"].Properties["itemType"].Required.ShouldBeTrue();
        KestraKnowledge.InputTypes["MULTISELECT"].Properties["options"].Replacement.ShouldBe("values");
        KestraKnowledge.InputCommonProperties["name"].Replacement.ShouldBe("id");
        foreach (var t in new[] { "STRING", "SELECT", "MULTISELECT", "INT", "FLOAT", "BOOL", "DATETIME", "DATE", "TIME", "DURATION", "FILE", "JSON", "YAML", "URI", "EMAIL", "SECRET", "ARRAY" })
            KestraKnowledge.InputTypes.ContainsKey(t).ShouldBeTrue(t);
    }

    [TestMethod]
    public void Identifier_rules()
    {
        FlowSchema.FlowId.IsValid("my.Flow-1").ShouldBeTrue();
        FlowSchema.FlowId.IsValid(new string('a', 100)).ShouldBeTrue();
        FlowSchema.FlowId.IsValid(new string('a', 101)).ShouldBeFalse();
        FlowSchema.FlowId.IsValid("-flow").ShouldBeFalse();
        FlowSchema.Namespace.IsValid("company.team").ShouldBeTrue();
        FlowSchema.Namespace.IsValid("Company.team").ShouldBeFalse();
        FlowSchema.Namespace.IsValid(new string('a', 151)).ShouldBeFalse();
        FlowSchema.TaskId.IsValid("my_task-1").ShouldBeTrue();
        FlowSchema.TaskId.IsValid("my.task").ShouldBeFalse();
        FlowSchema.TriggerId.IsValid("every.day").ShouldBeFalse();
        FlowSchema.InputId.IsValid("nested.string").ShouldBeTrue();
        FlowSchema.InputId.IsValid("").ShouldBeFalse();
        // Each rule builds its regex on first use: every one of them must compile and anchor.
        FlowSchema.OutputId.IsValid("out.value").ShouldBeTrue();
        FlowSchema.OutputId.IsValid("out value").ShouldBeFalse();
        FlowSchema.WorkerGroupKey.IsValid("gpu-1").ShouldBeTrue();
        FlowSchema.WorkerGroupKey.IsValid("gpu.1").ShouldBeFalse();
        FlowSchema.TriggerId.IsValid("every_day").ShouldBeTrue();
        KestraVersionFacts.ReservedFlowIds.ShouldContain("pause");
    }
}
