using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Flows;

[TestClass]
public class FlowModelTests
{
    private const string NestedFlow = """
        id: nested
        namespace: company.team
        description: "Uses {{ secret('NOT_RENDERED') }} in docs"
        labels:
          owner: "{{ flow.id }}"
        inputs:
          - id: token
            type: SECRET
          - name: legacy
            type: STRING
        variables:
          greeting: "hi {{ inputs.token }}"
        tasks:
          - id: branch
            type: io.kestra.plugin.core.flow.If
            condition: "{{ true }}"
            then:
              - id: inner
                type: io.kestra.plugin.core.flow.Switch
                value: "{{ 'a' }}"
                cases:
                  A:
                    - id: case_a
                      type: io.kestra.plugin.core.log.Log
                      message: a
                defaults:
                  - id: fallback
                    type: io.kestra.plugin.core.log.Log
                    message: d
            else:
              - id: dag
                type: io.kestra.plugin.core.flow.Dag
                tasks:
                  - task:
                      id: dag_one
                      type: io.kestra.plugin.core.log.Log
                      message: one
                    dependsOn: []
        errors:
          - id: on_error
            type: io.kestra.plugin.core.log.Log
            message: failed
        finally:
          - id: cleanup
            type: io.kestra.plugin.core.log.Log
            message: bye
        afterExecution:
          - id: notify
            type: io.kestra.plugin.core.log.Log
            message: done
        triggers:
          - id: every_day
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "0 9 * * *"
            labels:
              source: "{{ trigger.date }}"
        """;

    [TestMethod]
    public void Builds_the_whole_task_tree_with_paths_and_parents()
    {
        var flow = FlowTestHelper.Flow(NestedFlow);
        flow.Id.ShouldBe("nested");
        flow.Namespace.ShouldBe("company.team");
        flow.RootNamespace.ShouldBe("company");
        flow.AllTasks.Select(t => t.Id).ShouldBe(new[] { "branch", "inner", "case_a", "fallback", "dag", "dag_one", "on_error", "cleanup", "notify" });

        var caseA = flow.AllTasks.Single(t => t.Id == "case_a");
        caseA.PropertyPath.ShouldBe("tasks[0].then[0].cases.A[0]");
        caseA.ContainerProperty.ShouldBe("cases.A");
        caseA.Ancestors().Select(t => t.Id).ShouldBe(new[] { "inner", "branch" });
        caseA.Block.ShouldBe(TaskBlock.Tasks);

        var dagOne = flow.AllTasks.Single(t => t.Id == "dag_one");
        dagOne.PropertyPath.ShouldBe("tasks[0].else[0].tasks[0].task");
        dagOne.Parent!.Id.ShouldBe("dag");

        flow.AllTasks.Single(t => t.Id == "fallback").PropertyPath.ShouldBe("tasks[0].then[0].defaults[0]");
        flow.AllTasks.Single(t => t.Id == "on_error").Block.ShouldBe(TaskBlock.Errors);
        flow.AllTasks.Single(t => t.Id == "cleanup").Block.ShouldBe(TaskBlock.Finally);
        flow.AllTasks.Single(t => t.Id == "notify").Block.ShouldBe(TaskBlock.AfterExecution);
        flow.RootTasks.Select(t => t.Id).ShouldBe(new[] { "branch", "on_error", "cleanup", "notify" });
    }

    [TestMethod]
    public void Inputs_outputs_triggers_and_deprecated_input_name()
    {
        var flow = FlowTestHelper.Flow(NestedFlow);
        flow.Inputs.Select(i => (i.Id!, i.Type!, i.IsSecret, i.UsesDeprecatedName))
            .ShouldBe(new[] { ("token", "SECRET", true, false), ("legacy", "STRING", false, true) });
        flow.Triggers.Single().Id.ShouldBe("every_day");
        flow.Variables.ShouldNotBeNull();
    }

    [TestMethod]
    public void Knows_which_values_kestra_renders()
    {
        var flow = FlowTestHelper.Flow(NestedFlow);
        Site(flow, "description").IsRendered.ShouldBeFalse();
        Site(flow, "labels.owner").IsRendered.ShouldBeFalse();
        Site(flow, "labels.owner").OwnerKind.ShouldBe(SiteOwnerKind.Label);
        Site(flow, "variables.greeting").IsRendered.ShouldBeFalse();
        Site(flow, "variables.greeting").OwnerKind.ShouldBe(SiteOwnerKind.Variable);
        Site(flow, "tasks[0].condition").IsRendered.ShouldBeTrue();
        Site(flow, "tasks[0].condition").Task!.Id.ShouldBe("branch");
        Site(flow, "triggers[0].labels.source").IsRendered.ShouldBeTrue();
        Site(flow, "triggers[0].labels.source").Trigger!.Id.ShouldBe("every_day");

        // Ids and types are values too, but never templates Kestra renders.
        flow.Values.Where(v => v.PropertyName is "id" or "type").ShouldAllBe(v => !v.IsRendered);
    }

    [TestMethod]
    public void Only_values_with_pebble_delimiters_are_parsed()
    {
        var flow = FlowTestHelper.Flow(NestedFlow);
        flow.ExpressionSites.Select(s => s.PropertyPath).ShouldBe(new[]
        {
            "description", "labels.owner", "variables.greeting", "tasks[0].condition", "tasks[0].then[0].value", "triggers[0].labels.source",
        });
        flow.ExpressionSites.ShouldAllBe(s => s.Template != null);
        flow.Values.Where(s => s.Template == null).ShouldContain(s => s.PropertyPath == "tasks[0].then[0].cases.A[0].message");
    }

    [TestMethod]
    public void A_value_reached_through_an_alias_is_reported_at_the_alias()
    {
        const string yaml = """
            id: aliased
            namespace: company.team
            tasks:
              - id: first
                type: io.kestra.plugin.core.log.Log
                message: &msg "{{ secret('X') }}"
              - id: second
                type: io.kestra.plugin.core.log.Log
                message: *msg
            """;
        var flow = FlowTestHelper.Flow(yaml);
        var sites = flow.ExpressionSites.Where(s => s.PropertyName == "message").ToList();
        sites.Count.ShouldBe(2);
        sites[0].ViaAlias.ShouldBeNull();
        FlowTestHelper.Position(flow.Text, sites[0].MapToSource(new Text.TextSpan(3, 6)).Start).ShouldBe("6:23");
        sites[1].ViaAlias.ShouldNotBeNull();
        sites[1].Task!.Id.ShouldBe("second");
        FlowTestHelper.Position(flow.Text, sites[1].MapToSource(new Text.TextSpan(3, 6)).Start).ShouldBe("9:14");
    }

    [TestMethod]
    public void Merge_keys_bring_task_properties()
    {
        const string yaml = """
            id: merged
            namespace: company.team
            tasks:
              - &base
                id: first
                type: io.kestra.plugin.core.log.Log
                message: "{{ inputs.a }}"
              - <<: *base
                id: second
            """;
        var flow = FlowTestHelper.Flow(yaml);
        flow.AllTasks.Select(t => (t.Id!, t.Type!)).ShouldBe(new[] { ("first", "io.kestra.plugin.core.log.Log"), ("second", "io.kestra.plugin.core.log.Log") });
        flow.ExpressionSites.Count(s => s.PropertyName == "message").ShouldBe(2);
    }

    [TestMethod]
    public void An_alias_bomb_is_cut_short_not_expanded()
    {
        var lines = new List<string> { "id: bomb", "namespace: company.team", "variables:", "  l0: &l0 [\"{{ x }}\", \"{{ x }}\", \"{{ x }}\", \"{{ x }}\", \"{{ x }}\", \"{{ x }}\", \"{{ x }}\", \"{{ x }}\", \"{{ x }}\", \"{{ x }}\"]" };
        for (int i = 1; i < 12; i++)
            lines.Add($"  l{i}: &l{i} [" + string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10)) + "]");
        lines.Add("tasks:");
        lines.Add("  - id: t");
        lines.Add("    type: io.kestra.plugin.core.log.Log");
        lines.Add("    message: *l11");
        var text = new Text.SourceText(string.Join("\n", lines), "bomb.yaml");
        var stream = Kestra.FlowLint.Yaml.YamlParser.Parse(text);
        var document = stream.Documents.Single();
        var flow = FlowModelBuilder.Build(text, stream, document, maxAliasExpansion: 10_000);
        flow.AliasExpansionLimited.ShouldBeTrue();
        flow.Values.Count.ShouldBeLessThan(20_000);
    }

    [TestMethod]
    public void Templates_are_known_without_parsing_and_parsed_once_when_read()
    {
        var flow = FlowTestHelper.Flow(NestedFlow);
        var plain = Site(flow, "tasks[0].then[0].cases.A[0].message");
        plain.HasTemplate.ShouldBeFalse();
        plain.Template.ShouldBeNull();
        flow.ExpressionSites.ShouldAllBe(s => s.HasTemplate);
        flow.Values.Where(s => s.HasTemplate).ShouldBe(flow.ExpressionSites);

        // Read from many threads at once, a fresh model's value yields one template, the same as parsing it alone.
        var fresh = FlowTestHelper.Flow(NestedFlow);
        var site = Site(fresh, "variables.greeting");
        var seen = new System.Collections.Concurrent.ConcurrentBag<Kestra.FlowLint.Pebble.PebbleTemplate?>();
        System.Threading.Tasks.Parallel.For(0, 16, _ => seen.Add(site.Template));
        seen.Distinct().Count().ShouldBe(1);
        site.Template.ShouldBeSameAs(seen.First());
        site.Template!.DescendantNodes().Select(n => n.GetType().Name)
            .ShouldBe(Kestra.FlowLint.Pebble.PebbleParser.Parse(site.Value).DescendantNodes().Select(n => n.GetType().Name));
    }

    private static ExpressionSite Site(FlowDocument flow, string path) => flow.Values.Single(v => v.PropertyPath == path);
}
