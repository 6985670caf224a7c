using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Deprecations;

/// <summary>KF5004 (Pebble names), KF5005 (input types), KF5006 (properties).</summary>
[TestClass]
public class DeprecatedPebbleAndPropertyRulesTests
{
    [TestMethod]
    public void Json_function_and_filter_are_reported_on_their_names()
    {
        var findings = RuleVerifier.Verify("""
            id: hello
            namespace: company.team
            variables:
              parsed: "{{ {|KF5004:json|}(inputs.raw) }}"
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "{{ {|KF5004:json|}(inputs.raw).a }} {{ outputs | {|KF5004:json|} }} {% filter {|KF5004:json|} %}x{% endfilter %} {{ x is json }}"
                description: "{{ json(x) }} is documentation"
            """, "KF5004");
        findings.Select(f => f.Message).Distinct().OrderBy(m => m, StringComparer.Ordinal).ShouldBe(new[]
        {
            "The filter 'json' is deprecated: use 'toJson'",
            "The function 'json' is deprecated: use 'fromJson'",
        });
    }

    [TestMethod]
    public void Json_names_are_fixed_in_place()
    {
        FixVerifier.VerifySafe(
            "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: |\n      {{ json(inputs.raw).a }}\n      {{ outputs|json }}\n",
            "KF5004",
            "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: |\n      {{ fromJson(inputs.raw).a }}\n      {{ outputs|toJson }}\n");
    }

    [TestMethod]
    public void A_macro_named_json_is_not_the_deprecated_function()
    {
        RuleVerifier.Verify("id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{% macro json(x) %}{{ x }}{% endmacro %}{{ json(1) }}\"\n", "KF5004");
    }

    [TestMethod]
    public void Enum_input_becomes_select_and_boolean_is_offered_but_not_safe()
    {
        RuleVerifier.Verify("""
            id: hello
            namespace: company.team
            inputs:
              - id: env
                type: {|KF5005:ENUM|}
                values: [dev, prod]
              - id: flag
                type: {|KF5005:BOOLEAN|}
              - id: ok
                type: BOOL
            tasks:
              - {id: log, type: io.kestra.plugin.core.log.Log, message: Hi}
            """, "KF5005");
        const string before = "id: hello\nnamespace: company.team\ninputs:\n  - id: env\n    type: ENUM\n    values: [dev, prod]\n  - id: flag\n    type: BOOLEAN\ntasks:\n  - {id: log, type: io.kestra.plugin.core.log.Log, message: Hi}\n";
        FixVerifier.VerifySafe(before, "KF5005", before.Replace("type: ENUM", "type: SELECT"));
        FixVerifier.Verify(before, "KF5005", before.Replace("type: ENUM", "type: SELECT").Replace("type: BOOLEAN", "type: BOOL"));
    }

    [TestMethod]
    public void Deprecated_properties_are_reported_and_renames_fixed()
    {
        var findings = RuleVerifier.Verify("""
            id: hello
            namespace: company.team
            {|KF5006:listeners|}:
              - tasks:
                  - {id: l, type: io.kestra.plugin.core.log.Log, message: Hi}
            retry:
              type: constant
              interval: PT1M
              {|KF5006:maxAttempt|}: 3
            inputs:
              - id: pick
                type: MULTISELECT
                {|KF5006:options|}: [a, b]
            tasks:
              - id: sub
                type: io.kestra.plugin.core.flow.Subflow
                namespace: company.team
                flowId: child
                {|KF5006:outputs|}:
                  x: "{{ outputs.y }}"
              - id: script
                type: io.kestra.plugin.scripts.shell.Commands
                {|KF5006:runner|}: DOCKER
                commands: [echo hi]
            triggers:
              - id: daily
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "0 9 * * *"
                {|KF5006:minLogLevel|}: WARN
                {|KF5006:scheduleConditions|}:
                  - type: io.kestra.plugin.core.condition.Weekend
            """, "KF5006");
        findings.Where(f => f.Fixes.Count > 0).Select(f => f.Location.Span).Count().ShouldBe(4, "maxAttempt, options, minLogLevel and scheduleConditions are renames");
    }

    [TestMethod]
    public void Renamed_properties_are_fixed_unless_the_new_key_exists()
    {
        FixVerifier.VerifySafe(
            "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: Hi\n    retry: {type: constant, interval: PT1M, maxAttempt: 3}\ntriggers:\n  - id: daily\n    type: io.kestra.plugin.core.trigger.Schedule\n    cron: \"0 9 * * *\"\n    logLevel: INFO\n    minLogLevel: WARN\n    scheduleConditions:\n      - type: io.kestra.plugin.core.condition.Weekend\n",
            "KF5006",
            "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: Hi\n    retry: {type: constant, interval: PT1M, maxAttempts: 3}\ntriggers:\n  - id: daily\n    type: io.kestra.plugin.core.trigger.Schedule\n    cron: \"0 9 * * *\"\n    logLevel: INFO\n    minLogLevel: WARN\n    conditions:\n      - type: io.kestra.plugin.core.condition.Weekend\n");
    }

    [TestMethod]
    public void Deprecated_keys_in_plugin_default_values_are_reported_and_renamed()
    {
        FixVerifier.VerifySafe(
            "id: hello\nnamespace: company.team\npluginDefaults:\n  - type: io.kestra.plugin.core.trigger.Schedule\n    values:\n      scheduleConditions:\n        - type: io.kestra.plugin.core.condition.Weekend\n  - type: io.kestra.plugin.core.flow.Subflow\n    values:\n      outputs: {}\ntasks:\n  - {id: log, type: io.kestra.plugin.core.log.Log, message: Hi}\n",
            "KF5006",
            "id: hello\nnamespace: company.team\npluginDefaults:\n  - type: io.kestra.plugin.core.trigger.Schedule\n    values:\n      conditions:\n        - type: io.kestra.plugin.core.condition.Weekend\n  - type: io.kestra.plugin.core.flow.Subflow\n    values:\n      outputs: {}\ntasks:\n  - {id: log, type: io.kestra.plugin.core.log.Log, message: Hi}\n");
        RuleVerifier.Analyze("id: hello\nnamespace: company.team\npluginDefaults:\n  - type: io.kestra.plugin.core.flow.Subflow\n    values:\n      outputs: {}\ntasks:\n  - {id: log, type: io.kestra.plugin.core.log.Log, message: Hi}\n")
            .Single(d => d.Id == "KF5006").Message.ShouldStartWith("'outputs' is deprecated: declare `outputs` in the subflow");
    }
}
