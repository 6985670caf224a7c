using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;

namespace Kestra.FlowLint.Text;

/// <summary>
/// A file's decoded text with a line index. Offsets and columns are UTF-16 code units, which is what
/// LSP, SARIF (columnKind utf16CodeUnits) and Roslyn use. A byte order mark is not part of the text.
/// Lines end at "\n", "\r\n" or a lone "\r".
/// </summary>
public sealed class SourceText
{
    // Null while the text is released: the line index is then held packed (see PackLineStarts).
    private int[]? _lineStarts;
    private byte[]? _packedLineLengths;
    private readonly int _lineCount;
    private readonly int _length;
    private string? _text;
    // Set while the text is released (see Release): how to read it again, and what it must be.
    private Func<string?>? _reload;
    private int _releasedHash;
    private bool? _mayContainDirectives;

    public SourceText(string text, string? path = null)
    {
        _text = text ?? throw new ArgumentNullException(nameof(text));
        _length = text.Length;
        Path = path ?? string.Empty;
        _lineStarts = ComputeLineStarts(text);
        _lineCount = _lineStarts.Length;
    }

    public string Text => _text ?? Reload();

    /// <summary>The path the file is reported under (may be empty for in-memory text).</summary>
    public string Path { get; }

    public int Length => _length;

    /// <summary>
    /// Lets go of the characters, keeping the path, length and line index, so that a run over thousands of files
    /// does not hold every file at once. <paramref name="reload"/> reads the text again when a finding's frame,
    /// snippet or fingerprint needs it; only a few reloaded texts are kept at a time. If the file changed
    /// meanwhile, the text reads as blanks with the original line breaks, so positions stay valid and nothing
    /// else from the new content is shown.
    /// </summary>
    public void Release(Func<string?> reload) => Release(reload, null);

    /// <summary>
    /// <see cref="Release(Func{string?})"/>, keeping the text of <paramref name="keep"/> (the spans of the file's
    /// findings): what a report reads of most findings (SARIF's snippet and fingerprint) is then answered by
    /// <see cref="ToString(TextSpan)"/> without reading the file again. Spans longer than
    /// <see cref="MaxKeptSpanLength"/> are not kept.
    /// </summary>
    public void Release(Func<string?> reload, IEnumerable<TextSpan>? keep)
    {
        lock (ReloadGate)
        {
            if (_text is null) return;
            if (keep is not null)
            {
                var spans = new List<TextSpan>();
                foreach (var span in keep)
                    if (span.Length > 0 && span.Length <= MaxKeptSpanLength && span.End <= _text.Length) spans.Add(span);
                if (spans.Count > 0)
                {
                    // Sorted and searched rather than hashed: a table per file cost more than the texts it kept.
                    spans.Sort();
                    var kept = new List<KeptSpan>(spans.Count);
                    foreach (var span in spans)
                    {
                        if (kept.Count > 0 && kept[kept.Count - 1].Span.Equals(span)) continue;
                        // Short flagged texts (`secret('API_TOKEN')`) repeat across files: one string each per thread.
                        kept.Add(new KeptSpan(span, StringCache.Current.Get(_text, span.Start, span.Length)));
                    }
                    // Complete before it is published: reports read it without the lock.
                    Volatile.Write(ref _kept, kept.ToArray());
                }
            }
            _releasedHash = _text.GetHashCode();
            _reload = reload ?? throw new ArgumentNullException(nameof(reload));
            _text = null;
            PackLineStarts();
        }
    }

    /// <summary>The longest span <see cref="Release(Func{string?}, IEnumerable{TextSpan}?)"/> keeps the text of.</summary>
    public const int MaxKeptSpanLength = 1000;

    // The texts of the spans kept at release, read without the file.
    private KeptSpan[]? _kept;

    private readonly struct KeptSpan
    {
        public KeptSpan(TextSpan span, string text)
        {
            Span = span;
            Text = text;
        }

        public TextSpan Span { get; }
        public string Text { get; }
    }

    private static string? Find(KeptSpan[] kept, TextSpan span)
    {
        int low = 0, high = kept.Length - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            int order = kept[middle].Span.CompareTo(span);
            if (order == 0) return kept[middle].Text;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return null;
    }

    private static readonly object ReloadGate = new();
    private static readonly SourceText?[] Reloaded = new SourceText?[4];
    private static int _nextReloadSlot;

    private string Reload()
    {
        lock (ReloadGate)
        {
            if (_text is { } alive) return alive;
            string? again = null;
            try { again = _reload!(); }
            catch (Exception ex) when (ex is System.IO.IOException or UnauthorizedAccessException) { }
            string text = again is not null && again.Length == _length && again.GetHashCode() == _releasedHash ? again : Blank();
            // A small ring of reloaded texts: reports walk findings file by file, so each file is read once.
            if (Reloaded[_nextReloadSlot] is { } evicted && evicted != this && evicted._reload is not null) evicted._text = null;
            Reloaded[_nextReloadSlot] = this;
            _nextReloadSlot = (_nextReloadSlot + 1) % Reloaded.Length;
            _text = text;
            return text;
        }
    }

    // Same length, same line breaks (as "\n" padding keeps offsets), nothing else.
    private string Blank()
    {
        var chars = new char[_length];
        var starts = LineStarts;
        for (int i = 0; i < chars.Length; i++) chars[i] = ' ';
        for (int line = 1; line < _lineCount; line++)
            if (starts[line] - 1 < chars.Length) chars[starts[line] - 1] = '\n';
        return new string(chars);
    }

    // The line index of a released text, as line lengths of seven bits a byte: a line is short, so a byte or
    // two instead of four, and the index is most of what a run keeps of a file it has let go of (a 10,000-flow
    // run held 5 MB of them). Files of very many lines keep theirs unpacked, so no read costs more than a small
    // file's unpacking.
    private const int MaxPackedLines = 1 << 16;

    private void PackLineStarts()
    {
        if (_lineStarts is not { } starts || _lineCount > MaxPackedLines) return;
        int bytes = 0;
        for (int line = 1; line < _lineCount; line++)
            for (uint length = (uint)(starts[line] - starts[line - 1]); ; length >>= 7)
            {
                bytes++;
                if (length < 0x80) break;
            }
        var packed = new byte[bytes];
        int at = 0;
        for (int line = 1; line < _lineCount; line++)
        {
            uint length = (uint)(starts[line] - starts[line - 1]);
            for (; length >= 0x80; length >>= 7) packed[at++] = (byte)(length | 0x80);
            packed[at++] = (byte)length;
        }
        // Published before the unpacked index goes: a reader that sees no index finds the packed one.
        Volatile.Write(ref _packedLineLengths, packed);
        Volatile.Write(ref _lineStarts, null);
    }

    // The last released text this thread unpacked (reports and run-end rules ask about one file many times).
    [ThreadStatic] private static SourceText? t_unpackedFor;
    [ThreadStatic] private static int[]? t_unpacked;

    /// <summary>The line starts; only the first <see cref="_lineCount"/> entries are this text's.</summary>
    private int[] LineStarts => Volatile.Read(ref _lineStarts) ?? Unpacked();

    private int[] Unpacked()
    {
        if (ReferenceEquals(t_unpackedFor, this)) return t_unpacked!;
        var packed = Volatile.Read(ref _packedLineLengths)!;
        var starts = t_unpacked is { } buffer && buffer.Length >= _lineCount ? buffer : new int[Math.Max(_lineCount, 256)];
        starts[0] = 0;
        int at = 0, offset = 0;
        for (int line = 1; line < _lineCount; line++)
        {
            int length = 0, shift = 0;
            byte b;
            do
            {
                b = packed[at++];
                length |= (b & 0x7F) << shift;
                shift += 7;
            } while (b >= 0x80);
            offset += length;
            starts[line] = offset;
        }
        t_unpacked = starts;
        t_unpackedFor = this;
        return starts;
    }

    /// <summary>Cache for the inline-suppression pre-check, so a released text is not read again just for it.</summary>
    internal bool? MayContainDirectives
    {
        get => _mayContainDirectives;
        set => _mayContainDirectives = value;
    }
    public int LineCount => _lineCount;

    public char this[int index] => Text[index];

    public int GetLineStart(int line) => (uint)line < (uint)_lineCount ? LineStarts[line] : throw new ArgumentOutOfRangeException(nameof(line));

    /// <summary>End of the line's content, before its line break.</summary>
    public int GetLineEnd(int line)
    {
        int start = GetLineStart(line);
        int end = line + 1 < _lineCount ? LineStarts[line + 1] : Text.Length;
        if (end > start && end <= Text.Length && line + 1 < _lineCount)
        {
            if (Text[end - 1] == '\n') end--;
            if (end > start && Text[end - 1] == '\r') end--;
        }
        return end;
    }

    public ReadOnlySpan<char> GetLineText(int line)
    {
        int start = GetLineStart(line);
        return Text.AsSpan(start, GetLineEnd(line) - start);
    }

    public int GetLineFromOffset(int offset)
    {
        if (offset < 0) offset = 0;
        if (offset > _length) offset = _length;
        int index = Array.BinarySearch(LineStarts, 0, _lineCount, offset);
        return index >= 0 ? index : ~index - 1;
    }

    public LinePosition GetLinePosition(int offset)
    {
        if (offset > _length) offset = _length;
        if (offset < 0) offset = 0;
        var starts = LineStarts;
        int index = Array.BinarySearch(starts, 0, _lineCount, offset);
        int line = index >= 0 ? index : ~index - 1;
        return new LinePosition(line, offset - starts[line]);
    }

    public LinePositionSpan GetLinePositionSpan(TextSpan span) =>
        new(GetLinePosition(span.Start), GetLinePosition(span.End));

    /// <summary>The offset of a line position, clamped to the line's content.</summary>
    public int GetOffset(LinePosition position)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= _lineCount) return _length;
        int start = LineStarts[position.Line];
        int end = GetLineEnd(position.Line);
        return Math.Min(start + Math.Max(0, position.Character), end);
    }

    public string ToString(TextSpan span)
    {
        // A kept span is the text as it was analysed, even if the file changed since.
        if (Volatile.Read(ref _kept) is { } kept && Find(kept, span) is { } text) return text;
        return Text.Substring(span.Start, span.Length);
    }

    private static int[] ComputeLineStarts(string text)
    {
        // Kept for every file of a run, so exactly sized; found by a vectorised search for the next break rather
        // than a test of every character, collected in a buffer of the thread first.
        var starts = t_lineStarts ??= new int[256];
        starts[0] = 0;
        int count = 1;
        var span = text.AsSpan();
        for (int i = 0; i < span.Length;)
        {
            int k = span.Slice(i).IndexOfAny('\r', '\n');
            if (k < 0) break;
            i += k;
            if (span[i] == '\r' && i + 1 < span.Length && span[i + 1] == '\n') i++;
            i++;
            if (count == starts.Length)
            {
                Array.Resize(ref starts, starts.Length * 2);
                if (starts.Length <= MaxKeptLineBuffer) t_lineStarts = starts;
            }
            starts[count++] = i;
        }
        var lineStarts = new int[count];
        Array.Copy(starts, lineStarts, count);
        return lineStarts;
    }

    private const int MaxKeptLineBuffer = 1 << 16;
    [ThreadStatic] private static int[]? t_lineStarts;

    /// <summary>
    /// Decodes a file's bytes. UTF-8 (with or without BOM) and UTF-16 LE/BE with a BOM are accepted;
    /// anything that is not valid text in those encodings (invalid UTF-8, NUL bytes in UTF-8 text) is
    /// refused with a reason and the byte offset of the first problem, so the caller can report KF0004.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, string? path, out SourceText? text, out TextDecodeError? error)
    {
        text = null;
        if (!TryDecodeString(bytes, out var decoded, out error)) return false;
        text = new SourceText(decoded!, path);
        return true;
    }

    /// <summary>
    /// Decodes bytes as <see cref="TryDecode"/> does, without building a line index: for reading a released file
    /// again, whose line index is kept.
    /// </summary>
    public static bool TryDecodeText(ReadOnlySpan<byte> bytes, out string? text) => TryDecodeString(bytes, out text, out _);

    private static bool TryDecodeString(ReadOnlySpan<byte> bytes, out string? text, out TextDecodeError? error)
    {
        text = null;
        error = null;
        Encoding encoding;
        int skip;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            encoding = StrictUtf8; skip = 3;
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true); skip = 2;
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            encoding = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true); skip = 2;
        }
        else
        {
            encoding = StrictUtf8; skip = 0;
        }

        var body = bytes.Slice(skip);
        if (encoding is UTF8Encoding)
        {
            int nul = body.IndexOf((byte)0);
            if (nul >= 0)
            {
                error = new TextDecodeError("the file is binary or not UTF-8/UTF-16 text (NUL byte)", nul + skip);
                return false;
            }
        }

        string decoded;
        try
        {
#if NETSTANDARD2_0
            decoded = encoding.GetString(body.ToArray());
#else
            decoded = encoding.GetString(body);
#endif
        }
        catch (DecoderFallbackException ex)
        {
            int at = ex.Index >= 0 ? ex.Index + skip : skip;
            string name = encoding is UTF8Encoding ? "UTF-8" : "UTF-16";
            error = new TextDecodeError($"the file is not valid {name} text (invalid byte sequence)", at);
            return false;
        }

        if (encoding is UnicodeEncoding && decoded.IndexOf('\0') >= 0)
        {
            error = new TextDecodeError("the file is binary (NUL character)", skip + 2 * decoded.IndexOf('\0'));
            return false;
        }

        text = decoded;
        return true;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}

/// <summary>Why a file's bytes are not text, and the byte offset where that was found.</summary>
public sealed class TextDecodeError
{
    public TextDecodeError(string message, int byteOffset)
    {
        Message = message;
        ByteOffset = byteOffset;
    }

    public string Message { get; }
    public int ByteOffset { get; }
}
