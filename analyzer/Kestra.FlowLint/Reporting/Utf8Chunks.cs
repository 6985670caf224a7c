using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Kestra.FlowLint.Reporting;

/// <summary>
/// A growing UTF-8 buffer of fixed-size chunks, for a <see cref="System.Text.Json.Utf8JsonWriter"/> to write a large
/// document into: no copy when it grows and no intermediate string, which for a SARIF log of a few hundred KB
/// saved more than a megabyte of fresh memory (page faults) per run. Chunks stay under the large object heap's size.
/// </summary>
internal sealed class Utf8Chunks : IBufferWriter<byte>
{
    private const int ChunkSize = 64 * 1024;
    private readonly List<byte[]> _full = new();
    private readonly List<int> _fullLengths = new();
    private byte[] _current = Array.Empty<byte>();
    private int _used;

    /// <summary>Bytes written so far.</summary>
    public long Length { get; private set; }

    public void Advance(int count)
    {
        if (count < 0 || _used + count > _current.Length) throw new ArgumentOutOfRangeException(nameof(count));
        _used += count;
        Length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _current.AsMemory(_used);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _current.AsSpan(_used);
    }

    private void Reserve(int sizeHint)
    {
        int needed = Math.Max(sizeHint, 1);
        if (_current.Length - _used >= needed) return;
        if (_used > 0)
        {
            _full.Add(_current);
            _fullLengths.Add(_used);
        }
        _current = new byte[Math.Max(needed, ChunkSize)];
        _used = 0;
    }

    /// <summary>Each chunk's written bytes, in order.</summary>
    public IEnumerable<ArraySegment<byte>> Segments()
    {
        for (int i = 0; i < _full.Count; i++) yield return new ArraySegment<byte>(_full[i], 0, _fullLengths[i]);
        if (_used > 0) yield return new ArraySegment<byte>(_current, 0, _used);
    }

    /// <summary>Decodes the bytes into <paramref name="output"/> a block at a time.</summary>
    public void WriteTo(TextWriter output)
    {
        var decoder = new UTF8Encoding(false).GetDecoder();
        var chars = new char[8 * 1024];
        foreach (var segment in Segments())
        {
            int offset = segment.Offset, remaining = segment.Count;
            // n bytes decode to at most n characters, plus what a sequence left over from the previous block makes.
            while (remaining > 0)
            {
                int take = Math.Min(remaining, chars.Length - 4);
                int n = decoder.GetChars(segment.Array!, offset, take, chars, 0, flush: false);
                output.Write(chars, 0, n);
                offset += take;
                remaining -= take;
            }
        }
        int last = decoder.GetChars(Array.Empty<byte>(), 0, 0, chars, 0, flush: true);
        if (last > 0) output.Write(chars, 0, last);
    }

    public void WriteTo(Stream output)
    {
        foreach (var segment in Segments()) output.Write(segment.Array!, segment.Offset, segment.Count);
    }

    public override string ToString()
    {
        using var text = new StringWriter();
        WriteTo(text);
        return text.ToString();
    }
}
