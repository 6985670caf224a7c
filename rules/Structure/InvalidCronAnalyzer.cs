using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Configuration;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Pebble;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Structure;

/// <summary>KF4009: a Schedule trigger whose `cron` Kestra's cron parser rejects.</summary>
public sealed class InvalidCronAnalyzer : FlowAnalyzer
{
    public const string ScheduleType = "io.kestra.plugin.core.trigger.Schedule";

    public static readonly DiagnosticDescriptor Rule = new(
        "KF4009",
        "Invalid Schedule cron or timezone",
        "Schedule trigger '{0}': {1}",
        Categories.Structure,
        DiagnosticSeverity.Error,
        "The Schedule trigger parses `cron` with cron-utils and Kestra's own definition, checked when the flow is saved: five fields (minute 0-59, hour 0-23, day-of-month 1-31 or `L`, month 1-12 or `JAN`-`DEC`, day-of-week 0-7 or `MON`-`SUN`, where 0 and 7 are Sunday), a sixth leading seconds field only with `withSeconds: true`, and the nicknames `@yearly`, `@annually`, `@monthly`, `@weekly`, `@daily`, `@midnight`, `@hourly`. Ranges must go upwards; Quartz-only syntax (`?`, `W`, `#`, a seconds field without `withSeconds`) and `@reboot` are rejected. FlowLint points at the offending field; a templated cron is not judged. A `timezone` that Java's `ZoneId.of` would not know (an IANA region id such as `Europe/Paris`, `UTC`, or an offset such as `+02:00`) is reported as a warning, since the list of regions FlowLint carries (tz database " + KestraTimeZones.TzdbVersion + ") may differ slightly from the server's Java.",
        badExample: "id: nightly\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: nightly\ntriggers:\n  - id: every_night\n    type: io.kestra.plugin.core.trigger.Schedule\n    cron: \"0 0 2 * * ?\"\n",
        goodExample: "id: nightly\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: nightly\ntriggers:\n  - id: every_night\n    type: io.kestra.plugin.core.trigger.Schedule\n    cron: \"0 2 * * *\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterFlowAction(context =>
    {
        foreach (var trigger in context.Flow.Triggers)
        {
            // Canonical: the deprecated io.kestra.core.models.triggers.types.Schedule alias is the same class.
            if (!string.Equals(trigger.CanonicalType, ScheduleType, StringComparison.Ordinal)) continue;
            if (trigger.Node.GetValue("cron")?.Resolve() is not YamlScalar { IsNull: false } cron) continue;
            // A templated cron is only known when rendered; its template is the expression rules' concern.
            if (PebbleParser.MayContainTemplate(cron.Value.AsSpan())) continue;
            if (!TryWithSeconds(trigger.Node.GetValue("withSeconds"), out bool withSeconds)) continue;

            if (KestraCron.Validate(cron.Value, withSeconds) is not { } problem) continue;
            var span = problem.Length == 0 ? cron.Span : cron.MapToSource(problem.Start, problem.Length);
            context.Report(Rule, span, trigger.OwnerPath + "/cron", null, trigger.Id ?? trigger.PropertyPath, "invalid cron: " + problem.Message);
        }

        foreach (var trigger in context.Flow.Triggers)
        {
            if (!string.Equals(trigger.CanonicalType, ScheduleType, StringComparison.Ordinal)) continue;
            if (trigger.Node.GetValue("timezone")?.Resolve() is not YamlScalar { IsNull: false } zone) continue;
            if (PebbleParser.MayContainTemplate(zone.Value.AsSpan()) || KestraTimeZones.IsValid(zone.Value)) continue;
            string suggestion = DidYouMean.Suffix(zone.Value, KestraTimeZones.RegionIds);
            var finding = Diagnostic.Create(Rule, new Location(context.Text, StructureSpans.ValueSpan(zone)), trigger.OwnerPath + "/timezone", null, null,
                trigger.Id ?? trigger.PropertyPath, $"timezone '{DidYouMean.Excerpt(zone.Value)}' is not a time-zone id Java knows{suggestion}");
            // Kestra rejects an unknown zone, but the region list moves with tz releases: a warning, not an error.
            context.ReportDiagnostic(finding.WithSeverity(DiagnosticSeverity.Warning));
        }
    });

    /// <summary>false when `withSeconds` is there but not a plain boolean (a template): the field count is then unknown.</summary>
    private static bool TryWithSeconds(YamlNode? node, out bool withSeconds)
    {
        withSeconds = false;
        if (node?.Resolve() is not YamlScalar scalar || scalar.IsNull) return true;
        switch (scalar.Value)
        {
            case "true": case "True": case "TRUE":
                withSeconds = true;
                return true;
            case "false": case "False": case "FALSE":
                return true;
            default:
                return false;
        }
    }
}
