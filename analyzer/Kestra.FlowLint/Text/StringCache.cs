using System;

namespace Kestra.FlowLint.Text;

/// <summary>
/// Short strings that come back in file after file (YAML keys such as `id` and `type`, plugin types, `true`, Pebble
/// names such as `inputs` and `secret`), shared by the files a thread reads instead of copied out of each.
/// Direct-mapped and bounded: a collision replaces the slot, so the cache never grows and an unlucky string is only
/// copied again.
/// </summary>
internal sealed class StringCache
{
    private const int MaxLength = 64;
    private readonly string?[] _slots = new string?[4096];

    [ThreadStatic]
    private static StringCache? t_current;

    /// <summary>This thread's cache.</summary>
    public static StringCache Current => t_current ??= new StringCache();

    /// <summary><c>text.Substring(start, length)</c>, or an equal string this thread made before.</summary>
    public string Get(string text, int start, int length)
    {
        if (length > MaxLength)
            return text.Substring(start, length);
        uint hash = 2166136261;
        for (int i = 0; i < length; i++)
            hash = (hash ^ text[start + i]) * 16777619;
        ref var slot = ref _slots[hash & (uint)(_slots.Length - 1)];
        if (slot is { } existing && existing.Length == length && text.AsSpan(start, length).SequenceEqual(existing.AsSpan()))
            return existing;
        return slot = text.Substring(start, length);
    }
}
