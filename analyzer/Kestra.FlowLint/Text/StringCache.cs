using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

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
        ref var slot = ref _slots[Hash(text.AsSpan(start, length)) & (uint)(_slots.Length - 1)];
        if (slot is { } existing && existing.Length == length && text.AsSpan(start, length).SequenceEqual(existing.AsSpan()))
            return existing;
        return slot = text.Substring(start, length);
    }

    private const int MaxSharedLength = 1024;
    private readonly string?[] _shared = new string?[1024];

    /// <summary>
    /// <paramref name="text"/>, or an equal string this thread shared before: for what findings keep until the
    /// report (messages, owner paths), which come back file after file (`The filter 'json' is deprecated…`,
    /// `tasks:alert/url`). A 10,000-flow run held about 15 MB of such copies. Slots apart from <see cref="Get"/>'s,
    /// so long texts never push out the short keys every file reads.
    /// </summary>
    public string Share(string text)
    {
        if (text.Length > MaxSharedLength || text.Length == 0) return text;
        ref var slot = ref _shared[Hash(text.AsSpan()) & (uint)(_shared.Length - 1)];
        if (slot is { } existing && string.Equals(existing, text)) return existing;
        return slot = text;
    }

    // Four characters a step (this runs for every key and short value of every file), then mixed so that the
    // slot's low bits depend on all of them.
    private static uint Hash(ReadOnlySpan<char> chars)
    {
        var bytes = MemoryMarshal.AsBytes(chars);
        ulong hash = 14695981039346656037UL ^ (ulong)chars.Length;
        int i = 0;
        for (; i + 8 <= bytes.Length; i += 8)
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(i))) * 1099511628211UL;
        for (; i < bytes.Length; i += 2)
            hash = (hash ^ BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(i))) * 1099511628211UL;
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return (uint)hash;
    }
}
