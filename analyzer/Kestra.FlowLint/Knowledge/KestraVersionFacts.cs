using System.Collections.Generic;

namespace Kestra.FlowLint.Knowledge;

/// <summary>
/// Every fact that changed between the Dec 2024 source snapshot the research was written from (0.21.0-SNAPSHOT)
/// and Kestra 1.x as documented in 2025–2026. FlowLint targets 1.x; when Kestra moves again, update this class
/// first: the tables elsewhere read from here wherever a fact is version-specific.
/// </summary>
public static class KestraVersionFacts
{
    /// <summary>The Kestra line FlowLint's knowledge describes.</summary>
    public const string TargetVersion = "1.x";

    /// <summary>Marker for callables and properties documented for 1.x but missing from the 0.21 snapshot.</summary>
    public const string DocumentedSince1x = "1.x";

    /// <summary>
    /// <c>secret(key, namespace, subkey)</c>: the snapshot only had <c>key</c> (a second argument failed);
    /// <c>namespace</c> (cross-namespace reads, same tenant) and <c>subkey</c> (a field of a JSON secret) came in 2025.
    /// </summary>
    public static readonly IReadOnlyList<string> SecretFunctionArguments = new[] { "key", "namespace", "subkey" };

    /// <summary>
    /// <c>kv()</c> errors on a missing key unless <c>errorOnMissing=false</c> (since 0.22; the snapshot returned null).
    /// </summary>
    public const bool KvErrorOnMissingByDefault = true;

    /// <summary>
    /// Input <c>defaults</c> are rendered by Pebble since 1.0 (migration guide "Input defaults are now dynamic");
    /// the snapshot used them raw, so a <c>{{ secret(...) }}</c> default used to stay literal.
    /// </summary>
    public const bool InputDefaultsRendered = true;

    /// <summary>Flow-level <c>finally</c> exists since 0.21; flowable tasks accept <c>finally</c> too in 1.x.</summary>
    public const bool FlowFinallyExists = true;

    /// <summary>Flow-level <c>afterExecution</c> (tasks run once the execution is terminated) exists since 0.22.</summary>
    public const bool FlowAfterExecutionExists = true;

    /// <summary>
    /// The default prefix of environment variables exposed as <c>envs.*</c> is <c>ENV_</c> since 0.23
    /// (it was <c>KESTRA_</c>, which leaked Micronaut configuration such as storage passwords into flows).
    /// </summary>
    public const string EnvVarsDefaultPrefix = "ENV_";

    /// <summary>
    /// Flow ids that collide with API routes and are rejected since 1.0 (migration guide "Reserved keywords").
    /// </summary>
    public static readonly IReadOnlyList<string> ReservedFlowIds = new[]
    {
        "pause", "resume", "force-run", "change-status", "kill", "executions", "search", "source", "disable", "enable",
    };

    /// <summary>Retry <c>maxAttempt</c> was renamed <c>maxAttempts</c> in 0.24.</summary>
    public const string RetryMaxAttemptsName = "maxAttempts";

    /// <summary>The retry property name before 0.24.</summary>
    public const string RetryMaxAttemptsOldName = "maxAttempt";

    /// <summary>
    /// <c>WaitFor</c> was renamed <c>LoopUntil</c> (the old name stays as an alias) and its <c>checkFrequency</c>
    /// defaults changed in 0.23 to no iteration/duration cap and a one-minute interval.
    /// </summary>
    public const string LoopUntilType = "io.kestra.plugin.core.flow.LoopUntil";

    /// <summary>The <c>BOOLEAN</c> input type is deprecated in favour of the <c>BOOL</c> toggle since 0.23.</summary>
    public const string BoolInputType = "BOOL";

    /// <summary>
    /// Log masking also hides the base64 form of registered secrets (Aug 2025), so <c>| base64encode</c> of a
    /// secret no longer prints it in clear in logs; the value is still exposed anywhere else (outputs, labels…).
    /// </summary>
    public const bool Base64FormOfSecretsMaskedInLogs = true;

    /// <summary>The Debug Expression console refuses <c>secret()</c> (Jul 2025); the snapshot returned plaintext.</summary>
    public const bool DebugExpressionForbidsSecret = true;

    /// <summary>Kestra's own binary operators beyond Pebble's: null/undefined coalescing and list membership <c>isIn</c> (0.24).</summary>
    public static readonly IReadOnlyList<string> KestraOperators = new[] { "??", "???", "isIn" };

    /// <summary>
    /// Kestra pre-processes <c>{% raw %}…{% endraw %}</c> with a regex that does not cross lines; a multi-line raw
    /// block reaches Pebble, which fails with "Unexpected tag name raw" (still reported against 1.1.6).
    /// </summary>
    public const bool RawBlockMustBeSingleLine = true;
}
