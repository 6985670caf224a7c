using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Expressions;

[TestClass]
public class WrongArgumentsAnalyzerTests
{
    private const string Header = "id: f\nnamespace: company.team\ntasks:\n";

    [TestMethod]
    public void Unknown_names_extra_positions_and_missing_required_arguments() => RuleVerifier.Verify(Header + """
          - id: plain
            type: io.kestra.plugin.core.log.Log
            message: Token {{ secret('A', {|KF3005:namespce|}='x') }} {{ [1, 2] | join(',', {|KF3005:' '|}) }}
          - id: single
            type: io.kestra.plugin.core.log.Log
            message: '{{ {|KF3005:randomInt(1)|} }} {{ ''x'' | {|KF3005:dateAdd|} }} {{ [[1]] | flatten({|KF3005:1, 2|}) }}'
          - id: double
            type: io.kestra.plugin.core.log.Log
            message: "{{ {|KF3005:secret()|} }} {{ kv(\"k\", {|KF3005:errorOnMising|}=false) }}"
          - id: literal
            type: io.kestra.plugin.core.log.Log
            message: |
              {{ max() }}
              {% filter {|KF3005:indent|} %}x{% endfilter %}
          - id: folded
            type: io.kestra.plugin.core.log.Log
            message: >
              {{ now(format='yyyy', {|KF3005:tz|}='UTC') }}
              {{ read('a.txt', 'company', {|KF3005:'extra'|}) }}
        """, "KF3005");

    [TestMethod]
    public void Calls_Pebble_accepts_are_not_reported() => RuleVerifier.Verify(Header + """
          - id: ok
            type: io.kestra.plugin.core.log.Log
            message: |
              {{ 'x' | lower('a', 'b', 'c') }} {{ max() }} {{ max(1, 2, 3, 4) }} {{ min(a=1) }}
              {{ secret('A') }} {{ secret(key='A', namespace='n', subkey='s') }} {{ secret('A', 'n', 's') }}
              {{ kv('k', errorOnMissing=false) }} {{ now() }} {{ now(format='yyyy', timeZone='UTC') }}
              {{ 'x' | dateAdd(1, 'DAYS') }} {{ 'x' | dateAdd(amount=1, unit='DAYS') }} {{ [1] | join }}
              {{ randomInt(1, upper=5) }} {{ range(1, 5, 2) }} {{ 'a' | default('b') }} {{ x is defined }}
              {{ [[1]] | flatten }} {{ 'a' | replace({'a': 'b'}, regexp=true) }} {{ uuid() }}
              {% filter indent(2) | upper %}x{% endfilter %}
              {{ nope(1, 2, x=3) }} {{ 'x' | nope(1) }}
              {{ isPublicHoliday(now()) }} {{ loopOutputs() }} {{ http(uri='https://example.com') }}
        """, "KF3005");

    [TestMethod]
    public void Macros_are_checked_against_their_parameters() => RuleVerifier.Verify(Header + """
          - id: macros
            type: io.kestra.plugin.core.log.Log
            message: |
              {{ greet('Ann') }} {{ greet() }} {{ greet(name='Bob', greeting='Yo') }} {{ greet('Ann', 'Hi', {|KF3005:'!', '?'|}) }}
              {{ greet({|KF3005:nmae|}='Ann') }} {{ shout({|KF3005:1|}) }}
              {% macro greet(name, greeting='Hi') %}{{ greeting }} {{ name }}{% endmacro %}
              {% macro shout() %}!{% endmacro %}
        """, "KF3005");

    [TestMethod]
    public void A_positional_argument_after_a_named_one_is_a_syntax_error_only() => RuleVerifier.Verify(Header + """
          - id: order
            type: io.kestra.plugin.core.log.Log
            message: "{{ secret(key='A', {|KF3001:'n'|}) }} {{ secret{|KF3001:(|} }} {{ randomInt(1, {|KF3001:)|} }}"
        """, "KF3005", "KF3001");

    [TestMethod]
    public void Nested_tasks_and_aliases() => RuleVerifier.Verify(Header + """
          - id: parallel
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: "{{ range(1, 3, 1, {|KF3005:4|}) }}"
                tasks:
                  - id: log
                    type: io.kestra.plugin.core.log.Log
                    message: &m "{{ {|KF3005:secret()|} }}"
          - id: again
            type: io.kestra.plugin.core.log.Log
            message: {|KF3005:*m|}
        triggers:
          - id: schedule
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "@daily"
            inputs:
              token: "{{ secret('HOOK', {|KF3005:name|}='x') }}"
        pluginDefaults:
          - type: io.kestra.plugin.core.log.Log
            values:
              message: "{{ 'a' | {|KF3005:substringBefore|} }}"
        """, "KF3005");

    [TestMethod]
    public void Messages_name_the_arguments_and_a_close_name_is_fixed()
    {
        var found = RuleVerifier.Verify(Header + """
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "{{ secret('A', {|KF3005:namespce|}='x') }} {{ secret('A', {|KF3005:ns|}='x') }} {{ [1] | join(',', {|KF3005:' '|}) }} {{ {|KF3005:randomInt()|} }} {{ {|KF3005:block()|} }} {{ 1 | abs(x=1) }}"
            """, "KF3005");
        found.OrderBy(d => d.Location.Span.Start).Select(d => d.Message).ShouldBe(new[]
        {
            "Function `secret` has no argument named `namespce`; did you mean `namespace`?",
            "Function `secret` has no argument named `ns`; it takes `key`, `namespace`, `subkey`",
            "Filter `join` takes at most 1 argument (`separator`); 1 extra argument would fail the task",
            "Function `randomInt` is missing the required arguments `lower`, `upper`",
            "Function `block` needs at least 1 argument",
        });
        found.Single(d => d.Message.Contains("namespce")).Fixes.Single().IsSafe.ShouldBeFalse();
        const string before = Header + """
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "{{ secret('A', namespce='x') }}"
            """;
        string fixedText = FixApplier.Apply(before, RuleVerifier.Analyze(before).Where(d => d.Id == "KF3005"));
        fixedText.ShouldBe(before.Replace("namespce", "namespace"));
        RuleVerifier.Analyze(fixedText).Where(d => d.Id == "KF3005").ShouldBeEmpty();
    }
}
