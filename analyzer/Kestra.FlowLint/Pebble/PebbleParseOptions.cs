namespace Kestra.FlowLint.Pebble;

public sealed class PebbleParseOptions
{
    public static readonly PebbleParseOptions Default = new();

    /// <summary>The reference oracle (plain Pebble) does not apply Kestra's raw pre-pass.</summary>
    public static readonly PebbleParseOptions PebbleOnly = new() { ApplyKestraRawPrePass = false };

    /// <summary>
    /// Reproduce Kestra's <c>{% raw %}…{% endraw %}</c> pre-pass (VariableRenderer.RAW_PATTERN, no DOTALL):
    /// a raw block on one line becomes literal text. Kestra applies it before Pebble sees the template, so
    /// it is on by default; the spans still refer to the template as written.
    /// </summary>
    public bool ApplyKestraRawPrePass { get; init; } = true;
}
