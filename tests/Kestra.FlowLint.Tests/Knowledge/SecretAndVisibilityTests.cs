using Kestra.FlowLint.Knowledge;

namespace Kestra.FlowLint.Tests.Knowledge;

[TestClass]
public class SecretAndVisibilityTests
{
    [TestMethod]
    public void Every_filter_has_a_masking_effect()
    {
        var missing = KestraKnowledge.Filters.Keys.Where(f => !SecretKnowledge.FilterEffects.ContainsKey(f)).ToArray();
        missing.ShouldBeEmpty("filters without a masking classification: " + string.Join(", ", missing));
        var stale = SecretKnowledge.FilterEffects.Keys.Where(f => !KestraKnowledge.Filters.ContainsKey(f)).ToArray();
        stale.ShouldBeEmpty("classified names that are not filters: " + string.Join(", ", stale));
    }

    [TestMethod]
    public void Masking_effects_follow_the_research()
    {
        SecretKnowledge.GetFilterEffect("trim").ShouldBe(MaskingEffect.KeepsValueWhole);
        SecretKnowledge.GetFilterEffect("default").ShouldBe(MaskingEffect.KeepsValueWhole);
        SecretKnowledge.GetFilterEffect("toJson").ShouldBe(MaskingEffect.KeepsValueWholeWhenPlain);
        SecretKnowledge.GetFilterEffect("escapeChar").ShouldBe(MaskingEffect.KeepsValueWholeWhenPlain);
        foreach (var f in new[] { "upper", "lower", "first", "last", "slice", "abbreviate", "split", "base64encode", "urlencode", "replace", "sha256", "length", "substringAfter", "slugify", "jq", "startsWith", "regexReplace" })
            SecretKnowledge.GetFilterEffect(f).ShouldBe(MaskingEffect.DefeatsMasking, f);
        SecretKnowledge.GetFilterEffect("notAFilter").ShouldBe(MaskingEffect.DefeatsMasking);
        SecretKnowledge.SecretFunctions.ShouldBe(new[] { "secret" });
        SecretKnowledge.ValueKeepingOperators.ShouldContain("~");
        SecretKnowledge.JavaMethodCallsDefeatMasking.ShouldBeTrue();
    }

    [TestMethod]
    public void Secret_related_functions_exist()
    {
        foreach (var f in SecretKnowledge.SecretFunctions.Concat(SecretKnowledge.SensitiveValueFunctions)
                     .Concat(SecretKnowledge.ContextDumpFunctions).Concat(SecretKnowledge.RenderFunctions).Concat(SecretKnowledge.DerivingFunctions))
            KestraKnowledge.Functions.ContainsKey(f).ShouldBeTrue(f);
    }

    [TestMethod]
    public void Visibility_tables_include_aliases()
    {
        KestraKnowledge.LogTaskTypes["io.kestra.plugin.core.log.Log"].ShouldBe(new[] { "message" });
        KestraKnowledge.LogTaskTypes["io.kestra.core.tasks.log.Log"].ShouldBe(new[] { "message" });
        KestraKnowledge.OutputTaskTypes["io.kestra.plugin.core.output.OutputValues"].ShouldBe(new[] { "values" });
        KestraKnowledge.OutputTaskTypes["io.kestra.plugin.core.debug.Return"].ShouldBe(new[] { "format" });
        KestraKnowledge.LabelTaskTypes["io.kestra.core.tasks.executions.Labels"].ShouldBe(new[] { "labels" });
        Visibility.IsNotificationPlugin("io.kestra.plugin.notifications.slack.SlackIncomingWebhook").ShouldBeTrue();
        Visibility.IsScriptPlugin("io.kestra.plugin.scripts.python.Script").ShouldBeTrue();
        Visibility.ScriptInlineProperties.ShouldBe(new[] { "commands", "script", "beforeCommands" });
        Visibility.ScriptSafeProperties.ShouldBe(new[] { "env" });
        foreach (var v in Visibility.VisibleProperties)
        {
            var plugin = KestraKnowledge.PluginTypes[v.Type];
            plugin.Properties.ContainsKey(v.Property).ShouldBeTrue(v.Type + "." + v.Property);
        }
    }
}
