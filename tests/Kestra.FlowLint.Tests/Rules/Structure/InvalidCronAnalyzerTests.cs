using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Structure;

[TestClass]
public class InvalidCronAnalyzerTests
{
    private const string Header = "id: f\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\ntriggers:\n";

    [TestMethod]
    [DataRow("* * * * *")]
    [DataRow("*/15 0-6,22,23 1 * *")]
    [DataRow("0 9 * * MON-FRI")]
    [DataRow("0 9 * * mon,wed,fri")]
    [DataRow("0 0 L * *")]
    [DataRow("0 0 1 JAN-JUN/2 0")]
    [DataRow("0 0 * * 7")]
    [DataRow("0 0 * * SUN-SAT")]
    [DataRow("5/10 * * * *")]
    [DataRow("  0   2 * *  *  ")]
    [DataRow("@daily")]
    [DataRow("@Hourly")]
    [DataRow("@annually")]
    public void Kestra_accepts(string cron) => KestraCron.Validate(cron, withSeconds: false).ShouldBeNull();

    [TestMethod]
    [DataRow("* * * * * *", 0, 11, "the expression has 6 fields; 5 fields are expected (minute hour day-of-month month day-of-week); set withSeconds: true for a leading seconds field")]
    [DataRow("* * * *", 0, 7, "the expression has 4 fields; 5 fields are expected: minute hour day-of-month month day-of-week")]
    [DataRow("60 * * * *", 0, 2, "'60' in the minute field has 60, outside 0-59")]
    [DataRow("0 24 * * *", 2, 2, "'24' in the hour field has 24, outside 0-23")]
    [DataRow("0 0 0 * *", 4, 1, "'0' in the day-of-month field has 0, outside 1-31")]
    [DataRow("0 0 * 13 *", 6, 2, "'13' in the month field has 13, outside 1-12")]
    [DataRow("0 0 * * 8", 8, 1, "'8' in the day-of-week field has 8, outside 0-7")]
    [DataRow("0 0 ? * MON", 4, 1, "'?' in the day-of-month field uses '?', which Kestra's cron does not support (use '*')")]
    [DataRow("0 0 * * 5L", 8, 2, "'5L' in the day-of-week field uses 'L', which Kestra's cron does not support there")]
    [DataRow("0 0 * * MON#2", 8, 5, "'MON#2' in the day-of-week field uses '#', which Kestra's cron does not support there")]
    [DataRow("0 0 15W * *", 4, 3, "'15W' in the day-of-month field uses 'W', which Kestra's cron does not support there")]
    [DataRow("0 22-2 * * *", 2, 4, "'22-2' in the hour field is a range from 22 down to 2; ranges must go upwards")]
    [DataRow("0 0 * * FRI-MON", 8, 7, "'FRI-MON' in the day-of-week field is a range from 5 down to 1; ranges must go upwards")]
    [DataRow("*/0 * * * *", 0, 3, "'*/0' in the minute field has step 0, outside 1-60")]
    [DataRow("*/x * * * *", 0, 3, "'*/x' in the minute field has step 'x', which is not a number")]
    [DataRow("0 1,,2 * * *", 2, 4, "the hour field '1,,2' has an empty list element")]
    [DataRow("0 0 * FOO *", 6, 3, "'FOO' in the month field has 'FOO', which is neither a number in 1-12 nor one of JAN-DEC")]
    [DataRow("@reboot", 0, 7, "'@reboot' is not a supported nickname (use one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly)")]
    [DataRow("", 0, 0, "the cron expression is empty")]
    public void Kestra_rejects(string cron, int start, int length, string message)
    {
        var problem = KestraCron.Validate(cron, withSeconds: false);
        problem.ShouldNotBeNull();
        (problem.Value.Start, problem.Value.Length, problem.Value.Message).ShouldBe((start, length, message));
    }

    [TestMethod]
    public void With_seconds_six_fields_are_required()
    {
        KestraCron.Validate("*/30 * * * * *", withSeconds: true).ShouldBeNull();
        KestraCron.Validate("@hourly", withSeconds: true).ShouldBeNull();
        KestraCron.Validate("* * * * *", withSeconds: true)!.Value.Message.ShouldStartWith("the expression has 5 fields; withSeconds: true expects 6 fields");
        KestraCron.Validate("60 * * * * *", withSeconds: true)!.Value.Message.ShouldBe("'60' in the second field has 60, outside 0-59");
    }

    [TestMethod]
    public void The_offending_field_is_underlined_in_every_scalar_style() => RuleVerifier.Verify(Header + """
          - id: plain
            type: io.kestra.plugin.core.trigger.Schedule
            cron: 0 {|KF4009:25|} * * *
          - id: single
            type: io.kestra.plugin.core.trigger.Schedule
            cron: '0 0 * * {|KF4009:SUN#1|}'
          - id: double
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "0 0 {|KF4009:\u003F|} * *"
          - id: folded
            type: io.kestra.plugin.core.trigger.Schedule
            cron: >-
              0 0 * {|KF4009:0|} *
          - id: old_alias
            type: io.kestra.core.models.triggers.types.Schedule
            cron: "{|KF4009:@reboot|}"
        """, "KF4009");

    [TestMethod]
    public void Field_count_problems_underline_the_whole_expression_and_follow_withSeconds() => RuleVerifier.Verify(Header + """
          - id: quartz
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "{|KF4009:0 0 2 * * *|}"
          - id: seconds
            type: io.kestra.plugin.core.trigger.Schedule
            withSeconds: true
            cron: "0 0 2 * * *"
          - id: seconds_missing
            type: io.kestra.plugin.core.trigger.Schedule
            withSeconds: TRUE
            cron: "{|KF4009:0 2 * * *|}"
        """, "KF4009");

    [TestMethod]
    public void Templates_other_triggers_and_missing_crons_are_not_judged() => RuleVerifier.Verify(Header + """
          - id: templated
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "{{ vars.cron }}"
          - id: templated_seconds
            type: io.kestra.plugin.core.trigger.Schedule
            withSeconds: "{{ vars.seconds }}"
            cron: "0 0 2 * * *"
          - id: webhook
            type: io.kestra.plugin.core.trigger.Webhook
            key: "61 * * * *"
            cron: "61 * * * *"
          - id: no_cron
            type: io.kestra.plugin.core.trigger.Schedule
        """, "KF4009");

    [TestMethod]
    public void The_message_names_the_trigger()
    {
        var found = RuleVerifier.Verify(Header + "  - id: nightly\n    type: io.kestra.plugin.core.trigger.Schedule\n    cron: \"0 {|KF4009:24|} * * *\"\n", "KF4009");
        found[0].Message.ShouldBe("Schedule trigger 'nightly': invalid cron: '24' in the hour field has 24, outside 0-23");
    }

    [TestMethod]
    public void An_unknown_timezone_is_a_warning_with_a_suggestion()
    {
        var found = RuleVerifier.Verify(Header + """
              - id: paris
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "@daily"
                timezone: {|KF4009:Europe/Pari|}
              - id: fine
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "@daily"
                timezone: America/Argentina/Buenos_Aires
              - id: templated
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "@daily"
                timezone: "{{ vars.tz }}"
            """, "KF4009");
        found[0].Severity.ShouldBe(Kestra.FlowLint.Analysis.DiagnosticSeverity.Warning);
        found[0].Message.ShouldBe("Schedule trigger 'paris': timezone 'Europe/Pari' is not a time-zone id Java knows (did you mean 'Europe/Paris'?)");
    }

    [TestMethod]
    [DataRow("Europe/Paris", true)]
    [DataRow("US/Eastern", true)]
    [DataRow("UTC", true)]
    [DataRow("Z", true)]
    [DataRow("+02:00", true)]
    [DataRow("-5", true)]
    [DataRow("UTC+01:00", true)]
    [DataRow("GMT-3", true)]
    [DataRow("+18:00", true)]
    [DataRow("europe/paris", false)]
    [DataRow("PST", false)]
    [DataRow("+19:00", false)]
    [DataRow("UTC+", false)]
    [DataRow("", false)]
    public void Zone_ids_as_Java_parses_them(string id, bool valid) => KestraTimeZones.IsValid(id).ShouldBe(valid);
}
