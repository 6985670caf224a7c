using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Configuration;

/// <summary>
/// KF2009: shutdown and liveness timings that kill running tasks or declare healthy servers dead: a termination
/// grace period shorter than tasks need (or longer than the Compose stop timeout around it), and a liveness
/// timeout that a few late heartbeats or a slow start already exceed.
/// </summary>
public sealed class ShutdownTimingAnalyzer : FlowAnalyzer
{
    public const string MinTerminationGracePeriodOption = "minTerminationGracePeriod";

    // Kestra's bundled application.yml (cli/src/main/resources) and Docker's documented default.
    private static readonly TimeSpan KestraGracePeriod = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan KestraLivenessTimeout = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan KestraLivenessInitialDelay = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan KestraHeartbeatInterval = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan ComposeStopGracePeriod = TimeSpan.FromSeconds(10);

    private const string GracePath = "kestra.server.termination-grace-period";

    public static readonly DiagnosticDescriptor Rule = new(
        "KF2009",
        "Shutdown or liveness timing kills running work",
        "{0}",
        Categories.Configuration,
        DiagnosticSeverity.Warning,
        "When a Kestra server stops, it waits `kestra.server.termination-grace-period` (default `5m`) for running " +
        "tasks to finish before it kills them; with `worker-task-restart-strategy: AFTER_TERMINATION_GRACE_PERIOD` their " +
        "restart waits for it too. A grace period shorter than your tasks need (option `minTerminationGracePeriod`, " +
        "default `5m`) kills them half-way. The process manager around Kestra must also wait longer than the grace " +
        "period, or it kills the JVM first: Kubernetes `terminationGracePeriodSeconds`, systemd `TimeoutStopSec`, and " +
        "Docker Compose `stop_grace_period`, which defaults to 10s — a Compose service whose KESTRA_CONFIGURATION is " +
        "analysed is checked against it. Liveness: a server is declared dead when no heartbeat arrived for " +
        "`kestra.server.liveness.timeout`; a timeout shorter than three `heartbeat-interval`s turns one slow heartbeat " +
        "into a dead server whose tasks are resubmitted (run twice), and a timeout shorter than `initial-delay` gives a " +
        "starting server less time than the check itself waits. Missing values are taken at Kestra's defaults (45s, 45s, " +
        "3s); checks are skipped when liveness is disabled or a value is a `${...}` placeholder.",
        securitySeverity: "3.5",
        tags: new[] { "security", "configuration", "reliability", "availability" },
        badExample: "kestra:\n  server:\n    termination-grace-period: 10s\n    liveness:\n      timeout: 5s\n      heartbeat-interval: 3s\n",
        goodExample: "kestra:\n  server:\n    termination-grace-period: 5m\n    liveness:\n      timeout: 45s\n      initial-delay: 45s\n      heartbeat-interval: 3s\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterRunStartAction(start =>
    {
        var configured = start.Options.GetRuleOption(Rule.Id, MinTerminationGracePeriodOption);
        var parsedMinimum = configured is null ? null : Durations.Micronaut(configured);
        TimeSpan minimum = parsedMinimum ?? KestraGracePeriod;
        string minimumText = parsedMinimum is null ? "5m" : configured!.Trim();
        start.RegisterConfigurationAction(context =>
        {
            var scalars = KestraConfigPaths.Scalars(context.Configuration.Root);
            CheckGracePeriod(context, scalars, minimum, minimumText);
            CheckLiveness(context, scalars);
        });
    });

    private static void CheckGracePeriod(ConfigurationAnalysisContext context, IReadOnlyList<ConfigValue> scalars, TimeSpan minimum, string minimumText)
    {
        var written = Last(KestraConfigPaths.Find(scalars, GracePath));
        TimeSpan grace = KestraGracePeriod;
        if (written is { } value)
        {
            if (value.IsEmpty || value.IsPlaceholder || Durations.Micronaut(value.Scalar.Value) is not { } parsed) return;
            grace = parsed;
            if (grace < minimum)
            {
                context.ReportInConfiguration(Rule, value.Scalar.Span, value.WrittenPath,
                    $"'{value.WrittenPath}' is {value.Scalar.Value.Trim()}, shorter than {minimumText}: tasks still running when the server stops are killed instead of finishing (set it to what your longest task needs, and make the process manager's stop timeout longer)");
                return;
            }
        }
        else if (minimum > KestraGracePeriod)
        {
            context.ReportInConfiguration(Rule, RootKey(context.Configuration.Root), "kestra",
                $"'{GracePath}' is not set, so Kestra's default 5m applies, shorter than {minimumText}: tasks still running when the server stops are killed instead of finishing");
            return;
        }

        if (context.Configuration.EmbeddedIn is { Service: { } service, ServiceKey: { } serviceKey } embedded)
        {
            TimeSpan stop = ComposeStopGracePeriod;
            YamlScalar? stopScalar = null;
            if (service.TryGetValue("stop_grace_period", out var stopNode) && stopNode.Resolve() is YamlScalar s)
            {
                if (Durations.Go(s.Value) is not { } parsedStop) return;
                stop = parsedStop;
                stopScalar = s;
            }
            if (stop > grace) return;
            string graceText = written is { } w ? $"'{w.WrittenPath}' = {w.Scalar.Value.Trim()}" : "Kestra's default 5m";
            string stopText = stopScalar is null ? "10s (Docker's default)" : stopScalar.Value.Trim();
            var span = stopScalar is not null ? stopScalar.Span : serviceKey.Span;
            // The Compose keys are in the file's own coordinates; the embedded configuration's are not.
            context.Report(Rule, span, embedded.ServiceName, null,
                $"Compose service '{embedded.ServiceName}' kills its container {stopText} after asking it to stop (stop_grace_period), before Kestra's termination grace period ({graceText}) ends: running tasks are killed instead of finishing; set stop_grace_period longer than the grace period");
        }
    }

    private static void CheckLiveness(ConfigurationAnalysisContext context, IReadOnlyList<ConfigValue> scalars)
    {
        foreach (var enabled in KestraConfigPaths.Find(scalars, "kestra.server.liveness.enabled"))
            if (string.Equals(enabled.Scalar.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase)) return;

        var timeout = Read(scalars, "kestra.server.liveness.timeout", KestraLivenessTimeout, out bool timeoutUnreadable);
        var heartbeat = Read(scalars, "kestra.server.liveness.heartbeat-interval", KestraHeartbeatInterval, out bool heartbeatUnreadable);
        var initialDelay = Read(scalars, "kestra.server.liveness.initial-delay", KestraLivenessInitialDelay, out bool delayUnreadable);
        if (timeoutUnreadable) return;

        if (!heartbeatUnreadable && (timeout.Value is not null || heartbeat.Value is not null) && timeout.Duration < TimeSpan.FromTicks(heartbeat.Duration.Ticks * 3))
        {
            var at = timeout.Value ?? heartbeat.Value!.Value;
            context.ReportInConfiguration(Rule, at.Scalar.Span, at.WrittenPath,
                $"liveness timeout {Describe(timeout)} is shorter than three heartbeat intervals ({Describe(heartbeat)} x 3): one late heartbeat declares a healthy server dead and its running tasks are resubmitted");
        }
        if (!delayUnreadable && (timeout.Value is not null || initialDelay.Value is not null) && timeout.Duration < initialDelay.Duration)
        {
            var at = timeout.Value ?? initialDelay.Value!.Value;
            context.ReportInConfiguration(Rule, at.Scalar.Span, at.WrittenPath,
                $"liveness timeout {Describe(timeout)} is shorter than the initial delay {Describe(initialDelay)}: a server that is still starting can be declared dead");
        }
    }

    private readonly struct Timing
    {
        public Timing(TimeSpan duration, ConfigValue? value) { Duration = duration; Value = value; }
        public TimeSpan Duration { get; }
        public ConfigValue? Value { get; }
    }

    private static Timing Read(IReadOnlyList<ConfigValue> scalars, string path, TimeSpan fallback, out bool unreadable)
    {
        unreadable = false;
        if (Last(KestraConfigPaths.Find(scalars, path)) is not { } value) return new Timing(fallback, null);
        if (value.IsEmpty || value.IsPlaceholder || Durations.Micronaut(value.Scalar.Value) is not { } parsed)
        {
            unreadable = true;
            return new Timing(fallback, null);
        }
        return new Timing(parsed, value);
    }

    private static string Describe(Timing timing) =>
        timing.Value is { } value ? value.Scalar.Value.Trim() : Durations.Format(timing.Duration) + " (default)";

    // Micronaut keeps the last binding when a key is written twice (nested and dotted).
    private static ConfigValue? Last(List<ConfigValue> values) => values.Count == 0 ? null : values[values.Count - 1];

    private static TextSpan RootKey(YamlMapping root)
    {
        foreach (var entry in root.Entries)
            if (entry.Key is YamlScalar key && (key.Value == "kestra" || key.Value.StartsWith("kestra.", StringComparison.Ordinal))) return key.Span;
        return root.Entries.Count > 0 ? root.Entries[0].Key.Span : root.Span;
    }
}
