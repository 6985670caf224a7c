using System;
using System.IO;

namespace Kestra.FlowLint.Yaml;

/// <summary>
/// Reads a string from an offset without copying it. Used to hand YamlDotNet the text after a
/// byte order mark (which it would otherwise make part of the first scalar) while offsets stay
/// those of <see cref="Text.SourceText"/>.
/// </summary>
internal sealed class StringSliceReader : TextReader
{
    private readonly string _text;
    private int _position;

    public StringSliceReader(string text, int start)
    {
        _text = text;
        _position = start;
    }

    public override int Peek() => _position < _text.Length ? _text[_position] : -1;

    public override int Read() => _position < _text.Length ? _text[_position++] : -1;

    public override int Read(char[] buffer, int index, int count)
    {
        int n = Math.Min(count, _text.Length - _position);
        if (n <= 0)
            return 0;
        _text.CopyTo(_position, buffer, index, n);
        _position += n;
        return n;
    }

#if !NETSTANDARD2_0
    public override int Read(Span<char> buffer)
    {
        int n = Math.Min(buffer.Length, _text.Length - _position);
        if (n <= 0)
            return 0;
        _text.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }
#endif
}
