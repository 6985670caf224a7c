using System;
using System.Buffers;
using System.IO;
using System.Text;

namespace Kestra.FlowLint.Reporting;

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
        else Decode(_decoder, _bytes, 0, _used, _chars, _output, flush);
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

    /// <summary>UTF-8 bytes to <paramref name="output"/> through <paramref name="chars"/>, a block at a time.</summary>
    private static void Decode(Decoder decoder, byte[] bytes, int offset, int count, char[] chars, TextWriter output, bool flush)
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
