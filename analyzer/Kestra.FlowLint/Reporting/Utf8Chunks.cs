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
        // Chunks grow with the document (64 KB to 1 MB), and are not zeroed first: every byte handed out is
        // written before it is read, and clearing tens of megabytes cost as much as writing them.
        int size = Math.Max(needed, Math.Min(MaxChunkSize, Math.Max(ChunkSize, (int)Math.Min(int.MaxValue, Length / 4))));
#if NET5_0_OR_GREATER
        _current = GC.AllocateUninitializedArray<byte>(size);
#else
        _current = new byte[size];
#endif
        _used = 0;
    }

    private const int MaxChunkSize = 1024 * 1024;

    /// <summary>Each chunk's written bytes, in order.</summary>
    public IEnumerable<ArraySegment<byte>> Segments()
    {
        for (int i = 0; i < _full.Count; i++) yield return new ArraySegment<byte>(_full[i], 0, _fullLengths[i]);
        if (_used > 0) yield return new ArraySegment<byte>(_current, 0, _used);
    }

    /// <summary>Decodes the bytes into <paramref name="output"/> a block at a time.</summary>
    [System.Runtime.CompilerServices.MethodImpl(OncePerRun.Optimize)]
    public void WriteTo(TextWriter output)
    {
        if (Utf8Output.TryGetStream(output) is { } stream)
        {
            WriteTo(stream);
            return;
        }
        var decoder = new UTF8Encoding(false).GetDecoder();
        var chars = new char[8 * 1024];
        foreach (var segment in Segments()) Decode(decoder, segment.Array!, segment.Offset, segment.Count, chars, output);
        Decode(decoder, Array.Empty<byte>(), 0, 0, chars, output, flush: true);
    }

    /// <summary>UTF-8 bytes to <paramref name="output"/> through <paramref name="chars"/>, a block at a time.</summary>
    internal static void Decode(Decoder decoder, byte[] bytes, int offset, int count, char[] chars, TextWriter output, bool flush = false)
    {
        // n bytes decode to at most n characters, plus what a sequence left over from the previous block makes.
        do
        {
            int take = Math.Min(count, chars.Length - 4);
            int n = decoder.GetChars(bytes, offset, take, chars, 0, flush && take == count);
            if (n > 0) output.Write(chars, 0, n);
            offset += take;
            count -= take;
        }
        while (count > 0);
    }

    [System.Runtime.CompilerServices.MethodImpl(OncePerRun.Optimize)]
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

/// <summary>
/// A UTF-8 buffer for a <see cref="System.Text.Json.Utf8JsonWriter"/> that passes what is written on to a
/// <see cref="TextWriter"/> whenever it fills: a large document streams through 16 KB instead of being held whole.
/// Call <see cref="Complete"/> once the JSON writer is disposed.
/// </summary>
internal sealed class Utf8TextWriterBuffer : IBufferWriter<byte>
{
    private readonly TextWriter _output;
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private readonly char[] _chars = new char[8 * 1024];
    private byte[] _bytes = new byte[16 * 1024];
    private int _used;

    private readonly Stream? _stream;

    public Utf8TextWriterBuffer(TextWriter output)
    {
        _output = output;
        _stream = Utf8Output.TryGetStream(output);
    }

    /// <summary>Passes the bytes to <paramref name="stream"/> as they are.</summary>
    public Utf8TextWriterBuffer(Stream stream)
    {
        _output = TextWriter.Null;
        _stream = stream;
    }

    /// <summary>How many bytes were written so far.</summary>
    public long Written { get; private set; }

    private void Pass(bool flush = false)
    {
        if (_stream is not null) _stream.Write(_bytes, 0, _used);
        else Utf8Chunks.Decode(_decoder, _bytes, 0, _used, _chars, _output, flush);
        Written += _used;
        _used = 0;
    }

    public void Advance(int count)
    {
        if (count < 0 || _used + count > _bytes.Length) throw new ArgumentOutOfRangeException(nameof(count));
        _used += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _bytes.AsMemory(_used);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _bytes.AsSpan(_used);
    }

    /// <summary>Writes out what is left; <paramref name="flushStream"/> flushes the stream too.</summary>
    public void Complete(bool flushStream = true)
    {
        Pass(flush: true);
        if (flushStream) _stream?.Flush();
    }

    private void Reserve(int sizeHint)
    {
        int needed = Math.Max(sizeHint, 1);
        if (_bytes.Length - _used >= needed) return;
        Pass();
        if (_bytes.Length < needed) _bytes = new byte[needed];
    }
}

/// <summary>
/// A text writer whose characters end up as UTF-8 in a stream (`-o FILE`, standard output on Unix): UTF-8 that
/// is already encoded goes to the stream as it is, instead of being decoded to characters for the writer to
/// encode again.
/// </summary>
internal static class Utf8Output
{
    /// <summary>The stream under <paramref name="output"/>, flushed so far, or null when bytes cannot bypass it.</summary>
    public static Stream? TryGetStream(TextWriter output)
    {
        if (output is not StreamWriter writer || writer.Encoding.CodePage != 65001) return null;
        writer.Flush(); // what was written before, and the byte order mark if the encoding has one
        return writer.BaseStream;
    }
}
