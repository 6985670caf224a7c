using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Flows;

[TestClass]
public class SecretFlowTests
{
    private static ExpressionSite Site(FlowDocument flow, string propertyPath) => flow.Values.Single(s => s.PropertyPath == propertyPath);

    private static IReadOnlyList<SecretUse> Uses(string template)
    {
        var flow = FlowTestHelper.Flow("id: f\nnamespace: company.team\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: '" + template.Replace("'", "''") + "'\n");
        return SecretFlow.Analyze(Site(flow, "tasks[0].message"));
    }

    [TestMethod]
    public void A_secret_used_as_a_function_key_or_setting_is_consumed_not_transformed()
    {
        // kv() looks a value up by the secret; http() sends it: neither result is derived from the secret's text.
        foreach (var template in new[] { "{{ kv(secret('A')) }}", "{{ http(uri='https://x', headers={'Authorization': secret('A')}) }}", "{{ encrypt(secret('KEY'), 'text') }}" })
        {
            var use = Uses(template).Single();
            use.ReachesOutput.ShouldBeFalse(template);
            use.Transforms.ShouldBeEmpty(template);
        }
    }

    [TestMethod]
    public void Deriving_functions_are_transforms_that_reach_the_output()
    {
        var use = Uses("{{ fromJson(secret('A')).token }}").Single();
        use.ReachesOutput.ShouldBeTrue();
        use.Transforms.Select(t => t.Display).ShouldBe(new[] { "fromJson()", ".token" });

        var encrypted = Uses("{{ encrypt('key', plaintext=secret('A')) }}").Single();
        encrypted.FirstMaskDefeatingTransform!.Display.ShouldBe("encrypt()");
    }

    [TestMethod]
    public void Conditions_and_comparisons_end_in_a_condition()
    {
        foreach (var template in new[]
        {
            "{% if secret('A') | length > 0 %}x{% endif %}", "{{ secret('A') is empty }}", "{{ secret('A') == 'x' }}",
            "{{ secret('A') ? 'a' : 'b' }}", "{{ not secret('A') }}", "{% if secret('A') | startsWith('ghp_') %}x{% endif %}",
        })
        {
            var use = Uses(template).Single();
            use.EndsInCondition.ShouldBeTrue(template);
            use.ReachesOutput.ShouldBeFalse(template);
        }
        var printed = Uses("{{ secret('A') | length }}").Single();
        printed.EndsInCondition.ShouldBeFalse();
        printed.ReachesOutput.ShouldBeTrue();
    }

    [TestMethod]
    public void A_for_loop_over_a_secret_is_a_transform_at_the_for_keyword()
    {
        const string template = "{% for c in secret('A') %}{{ c }}{% endfor %}";
        var uses = Uses(template);
        var loop = uses[0].Transforms.Single();
        loop.Kind.ShouldBe("for loop");
        template.Substring(loop.Span.Start, loop.Span.Length).ShouldBe("for");
        uses[1].Display.ShouldBe("'c' (set from secret('A'))");
    }

    [TestMethod]
    public void The_namespace_argument_is_kept_literal_or_not()
    {
        var literal = Uses("{{ secret('A', namespace='company') }}").Single();
        literal.Namespace.ShouldBe("company");
        literal.NamespaceArgument.ShouldNotBeNull();

        var computed = Uses("{{ secret('A', namespace=flow.namespace) }}").Single();
        computed.Namespace.ShouldBeNull();
        computed.NamespaceArgument.ShouldNotBeNull();

        var subkeyOnly = Uses("{{ secret(key='A', subkey='token') }}").Single();
        subkeyOnly.NamespaceArgument.ShouldBeNull();
    }

    [TestMethod]
    public void Variables_are_evaluated_only_when_a_rendered_value_renders_them()
    {
        var flow = FlowTestHelper.Flow("""
            id: f
            namespace: company.team
            description: "{{ render(vars.described) }}"
            variables:
              direct: "{{ secret('A') }}"
              nested:
                password: "{{ secret('B') }}"
              chained: "{{ vars.inner }}"
              inner: "{{ secret('C') }}"
              described: "{{ secret('D') }}"
              unused: "{{ secret('E') }}"
            tasks:
              - id: t
                type: io.kestra.plugin.core.log.Log
                message: "{{ render(vars.direct) }} {{ renderOnce(vars.nested.password) }} {{ render(vars.chained) }}"
            """);
        SecretFlow.IsEvaluated(Site(flow, "variables.direct")).ShouldBeTrue();
        SecretFlow.IsEvaluated(Site(flow, "variables.nested.password")).ShouldBeTrue();
        // render() is recursive: what vars.chained prints ("{{ secret('C') }}") is rendered again.
        SecretFlow.IsEvaluated(Site(flow, "variables.inner")).ShouldBeTrue();
        // A description is not rendered, so its render() call never runs.
        SecretFlow.IsEvaluated(Site(flow, "variables.described")).ShouldBeFalse();
        SecretFlow.IsEvaluated(Site(flow, "variables.unused")).ShouldBeFalse();
        SecretFlow.IsEvaluated(Site(flow, "tasks[0].message")).ShouldBeTrue();
        SecretFlow.IsEvaluated(Site(flow, "description")).ShouldBeFalse();

        var uses = SecretFlow.Analyze(Site(flow, "tasks[0].message"));
        uses.Select(u => u.Display).ShouldBe(new[]
        {
            "render(vars.direct) (a variable holding a secret)",
            "renderOnce(vars.nested) (a variable holding a secret)",
            "render(vars.chained) (a variable holding a secret)",
        });
    }
}
