using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Expressions;

/// <summary>KF3002 unknown function, KF3003 unknown filter, KF3004 unknown test.</summary>
[TestClass]
public class UnknownCallableAnalyzerTests
{
    private const string Header = "id: f\nnamespace: company.team\ntasks:\n";
    private static readonly string[] Ids = { "KF3002", "KF3003", "KF3004" };

    [TestMethod]
    public void Every_scalar_style_reports_the_name_itself() => RuleVerifier.Verify(Header + """
          - id: plain
            type: io.kestra.plugin.core.log.Log
            message: Run {{ {|KF3002:uuid4|}() }} for {{ inputs.who | {|KF3003:uper|} }}
          - id: single
            type: io.kestra.plugin.core.log.Log
            message: 'It''s {{ ''x'' | {|KF3003:lowr|} }} {{ inputs.a is {|KF3004:definde|} }}'
          - id: double
            type: io.kestra.plugin.core.log.Log
            message: "caf\u00e9 \"{{ \"x\" | {|KF3003:tojson|} }}\" {{ {|KF3002:secrett|}(\"A\") }}"
          - id: literal
            type: io.kestra.plugin.core.log.Log
            message: |
              first line
                {{ {|KF3002:nwo|}() | {|KF3003:dat|}('yyyy') }}
          - id: folded
            type: io.kestra.plugin.core.log.Log
            message: >-
              folded
              text {{ [1, 2] is not {|KF3004:iterabel|} }}
              {% filter {|KF3003:uppper|} | trim %}body{% endfilter %}
        """, Ids);

    [TestMethod]
    public void Nested_tasks_triggers_and_plugin_defaults() => RuleVerifier.Verify(Header + """
          - id: parallel
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
              - id: p1
                type: io.kestra.plugin.core.log.Log
                message: "{{ {|KF3002:uuidd|}() }}"
          - id: if
            type: io.kestra.plugin.core.flow.If
            condition: "{{ inputs.x is {|KF3004:nul|} }}"
            then:
              - id: t1
                type: io.kestra.plugin.core.log.Log
                message: "{{ 'a' | {|KF3003:trimm|} }}"
            else:
              - id: e1
                type: io.kestra.plugin.core.debug.Return
                format: "{{ 'a' | {|KF3003:lowerr|} }}"
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: "{{ {|KF3002:rnage|}(1, 3) }}"
            tasks:
              - id: f1
                type: io.kestra.plugin.core.log.Log
                message: "{{ taskrun.value | {|KF3003:toJosn|} }}"
          - id: switch
            type: io.kestra.plugin.core.flow.Switch
            value: "{{ inputs.kind | {|KF3003:captialize|} }}"
            cases:
              A:
                - id: c1
                  type: io.kestra.plugin.core.log.Log
                  message: "{{ {|KF3002:fromJSON|}(inputs.j) }}"
            defaults:
              - id: d1
                type: io.kestra.plugin.core.log.Log
                message: "{{ 2 is {|KF3004:evne|} }}"
        errors:
          - id: err
            type: io.kestra.plugin.core.log.Log
            message: "{{ {|KF3002:errorLog|}() }}"
        finally:
          - id: fin
            type: io.kestra.plugin.core.log.Log
            message: "{{ 'x' | {|KF3003:sha265|} }}"
        triggers:
          - id: schedule
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "0 * * * *"
            inputs:
              day: "{{ trigger.date | {|KF3003:dateadd|}(1, 'DAYS') }}"
        pluginDefaults:
          - type: io.kestra.plugin.core.log.Log
            values:
              message: "{{ {|KF3002:nowe|}() }}"
        """, Ids);

    [TestMethod]
    public void An_alias_is_reported_where_it_is_used_and_the_anchor_where_it_is_written() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        variables:
          # Flow variables are stored raw: only the task that renders this one through the alias fails.
          greeting: &hello "{{ nwo() }}"
        tasks:
          - id: a
            type: io.kestra.plugin.core.log.Log
            message: &msg "{{ 'a' | {|KF3003:uper|} }}"
          - id: b
            type: io.kestra.plugin.core.log.Log
            message: {|KF3003:*msg|}
          - id: c
            type: io.kestra.plugin.core.log.Log
            message: {|KF3002:*hello|}
        """, Ids);

    [TestMethod]
    public void Interpolation_inside_a_double_quoted_Pebble_string_is_a_call() => RuleVerifier.Verify(Header + """
          - id: a
            type: io.kestra.plugin.core.log.Log
            message: '{{ "Hello #{inputs.name | {|KF3003:uper|}}" }} {{ "#{name}" | trim }} {{ \'#{name | uper}\' }}'
        """, Ids);

    [TestMethod]
    public void Names_that_are_not_calls_are_not_reported() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        # {{ nope() | bad }} in a comment
        description: "Use {{ lowr() | uper }} and {{ x is foo }}"
        labels:
          team: "{{ nope() }}"
        variables:
          template: "{{ nope() | bad }}"
        tasks:
          - id: strings
            type: io.kestra.plugin.core.log.Log
            description: "{{ lowr('x') | uper }}"
            message: '{{ "lower" }} {{ "| upper" }} {{ "nope()" ~ "x is foo" }}'
          - id: scopes
            type: io.kestra.plugin.core.log.Log
            message: |
              {% set lowr = 'x' %}{{ lowr }} {{ lowr | upper }}
              {{ greet('Ann') }} {{ greet(name='Bob', greeting='Yo') }}
              {% macro greet(name, greeting='Hi') %}{{ greeting }} {{ name | upper }}{{ greet2() }}{% endmacro %}
              {% macro greet2() %}!{% endmacro %}
              {% for item in range(1, 2) %}{{ item }} {{ loop.index }}{% endfor %}
              {% filter upper | trim %}text{% endfilter %}
              {{ missing ?? 'x' }} {{ missing ??? 'y' | lower }} {{ (a ?? b) | default('z') }}
              {{ inputs.a is defined }} {{ inputs.a is not null }} {{ [] is empty }} {{ 2 is even }} {{ 3 is odd }}
              {{ [1] is iterable }} {{ '{}' is json }} {{ {} is map }} {{ inputs.b is not defined }}
              {{ credential('gh') }} {{ appLink('app') }} {{ 1234.5 | numberFormat('#') }} {{ i18n('b', 'k') }}
              {% verbatim %}{{ nope() | bad }}{% endverbatim %}
              {# {{ nope() | bad }} #}
              {% raw %}{{ nope() | bad }}{% endraw %}
              {{ outputs.t.body.lower() }} {{ json('{}') }} {{ {} | json }}
          - id: trigger_like
            type: io.kestra.plugin.core.log.Log
            message: "{{ now() | date('yyyy') }} {{ 'a' | replace({'a': 'b'}) | slugify }}"
        triggers:
          - id: schedule
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "{{ nope() }}"
        """, Ids);

    [TestMethod]
    public void Messages_suggest_the_closest_name()
    {
        var found = RuleVerifier.Verify(Header + """
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "{{ {|KF3002:uuid4|}() }} {{ 'x' | {|KF3003:tojson|} }} {{ x is {|KF3004:undefined|} }} {{ {|KF3002:frobnicate|}() }}"
            """, Ids);
        found.OrderBy(d => d.Location.Span.Start).Select(d => d.Message).ShouldBe(new[]
        {
            "Function or macro `uuid4` does not exist; did you mean `uuid`?",
            "Filter `tojson` does not exist; did you mean `toJson`? (names are case-sensitive)",
            "Test `undefined` does not exist; use `is not defined`",
            "Function or macro `frobnicate` does not exist",
        });
        found.Select(d => d.Severity).Distinct().ShouldBe(new[] { DiagnosticSeverity.Error });
    }

    [TestMethod]
    public void Jinja_habits_get_the_Pebble_way()
    {
        var found = RuleVerifier.Verify(Header + """
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "{{ inputs.n | {|KF3003:int|} }} {{ [1] | {|KF3003:count|} }} {{ x | {|KF3003:safe|} }} {{ x is {|KF3004:none|} }}"
            """, Ids);
        found.OrderBy(d => d.Location.Span.Start).Select(d => d.Message).ShouldBe(new[]
        {
            "Filter `int` does not exist; use `number('INT')` (or `number('LONG')`)",
            "Filter `count` does not exist; use `length`",
            "Filter `safe` does not exist; Kestra does not escape output, so remove it",
            "Test `none` does not exist; use `is null`",
        });
        found.ShouldAllBe(d => d.Fixes.Count == 0);
    }

    [TestMethod]
    public void A_misspelt_macro_call_suggests_the_macro()
    {
        var found = RuleVerifier.Verify(Header + """
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "{% macro greeting(who) %}Hi {{ who }}{% endmacro %}{{ {|KF3002:greting|}('Ann') }}"
            """, Ids);
        found.Single().Message.ShouldBe("Function or macro `greting` does not exist; did you mean `greeting`?");
    }

    [TestMethod]
    public void Filters_Kestra_removes_say_so_and_name_the_replacement()
    {
        var found = RuleVerifier.Verify(Header + """
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "{{ inputs.a | {|KF3003:escape|} }} {{ inputs.a | {|KF3003:raw|} }} {{ 1234.5 | {|KF3003:numberformat|}('#') }}"
            """, Ids);
        found.Select(d => d.Message).ShouldBe(new[]
        {
            "Filter `escape` does not exist in Kestra: Kestra disables auto-escaping and removes Pebble's escaper filter.",
            "Filter `raw` does not exist in Kestra: Removed with the escaper; Kestra has no auto-escaping to undo.",
            "Filter `numberformat` does not exist in Kestra: Kestra renames Pebble's numberformat filter to numberFormat. Use `numberFormat`.",
        });
        found[0].Fixes.ShouldBeEmpty();
        found[2].Fixes.Single().IsSafe.ShouldBeTrue();
    }

    [TestMethod]
    public void Fixes_replace_the_name_in_every_scalar_style_and_relint_clean()
    {
        const string before = Header + """
              - id: a
                type: io.kestra.plugin.core.log.Log
                message: Run {{ uuid4() }}
              - id: b
                type: io.kestra.plugin.core.log.Log
                message: 'It''s {{ ''x'' | tojson }}'
              - id: c
                type: io.kestra.plugin.core.log.Log
                message: "caf\u00e9 {{ \"x\" is definde }}"
              - id: d
                type: io.kestra.plugin.core.log.Log
                message: >
                  folded {{ 1234.5 | numberformat('#') }}
                  {% filter trimm %} x {% endfilter %}
            """;
        const string after = Header + """
              - id: a
                type: io.kestra.plugin.core.log.Log
                message: Run {{ uuid() }}
              - id: b
                type: io.kestra.plugin.core.log.Log
                message: 'It''s {{ ''x'' | toJson }}'
              - id: c
                type: io.kestra.plugin.core.log.Log
                message: "caf\u00e9 {{ \"x\" is defined }}"
              - id: d
                type: io.kestra.plugin.core.log.Log
                message: >
                  folded {{ 1234.5 | numberFormat('#') }}
                  {% filter trim %} x {% endfilter %}
            """;
        var findings = RuleVerifier.Analyze(before).Where(d => Ids.Contains(d.Id)).ToList();
        findings.Count.ShouldBe(5);
        findings.Select(d => d.Fixes.Single().IsSafe).ShouldBe(new[] { false, true, false, true, false });
        string fixedText = FixApplier.Apply(before, findings);
        fixedText.ShouldBe(after);
        RuleVerifier.Analyze(fixedText).Where(d => Ids.Contains(d.Id)).ShouldBeEmpty();
    }

    [TestMethod]
    public void No_fix_when_several_names_are_equally_close_or_the_name_is_behind_an_alias()
    {
        var found = RuleVerifier.Verify(Header + """
              - id: a
                type: io.kestra.plugin.core.log.Log
                message: &m "{{ {|KF3002:mix|}(1, 2) }}"
              - id: b
                type: io.kestra.plugin.core.log.Log
                message: {|KF3002:*m|}
            """, Ids);
        found[0].Message.ShouldBe("Function or macro `mix` does not exist; did you mean `max` or `min`?");
        found[0].Fixes.ShouldBeEmpty();
        found[1].Fixes.ShouldBeEmpty();
    }
}

/// <summary>Applies every finding's first fix to the text, as an editor applying them one after the other would.</summary>
internal static class FixApplier
{
    public static string Apply(string text, IEnumerable<Diagnostic> findings)
    {
        var edits = findings.SelectMany(d => d.Fixes.Take(1)).SelectMany(f => f.Edits).OrderByDescending(e => e.Span.Start).ToList();
        foreach (var edit in edits)
            text = text.Substring(0, edit.Span.Start) + edit.NewText + text.Substring(edit.Span.End);
        return text;
    }
}
