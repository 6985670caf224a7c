using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Kestra.FlowLint.LanguageServer.JsonRpc;

/// <summary>What <see cref="MessageReader"/> read: a message body, a framing error, or the end of the input.</summary>
internal readonly struct Frame
{
    private Frame(byte[]? body, string? error, bool end)
    {
        Body = body;
        Error = error;
        IsEnd = end;
    }

    public static Frame Message(byte[] body) => new(body, null, false);
    public static Frame Failure(string error) => new(null, error, false);
    public static Frame End { get; } = new(null, null, true);

    public byte[]? Body { get; }

    /// <summary>Why the header block could not be used; the reader has already moved past it.</summary>
    public string? Error { get; }

    public bool IsEnd { get; }
}

/// <summary>
/// Reads LSP's base protocol: header lines (<c>Content-Length: N</c>, optionally <c>Content-Type</c>) ended by an
/// empty line, then exactly N bytes of UTF-8 JSON. Headers may arrive split across reads and several messages may
/// arrive in one. A header block without a usable Content-Length is reported and skipped; junk in front of a
/// <c>Content-Length</c> header (the rest of a message whose length was wrong) is dropped, so the stream
/// re-synchronises on the next message instead of dying.
/// </summary>
internal sealed class MessageReader
{
    private const int MaxHeaderLine = 8192;
    private const string ContentLength = "Content-Length";

    private readonly Stream _input;
    private readonly byte[] _buffer = new byte[65536];
    private int _start;
    private int _end;

    public MessageReader(Stream input, long maxContentLength)
    {
        _input = input;
        MaxContentLength = maxContentLength;
    }

    /// <summary>Bodies longer than this are skipped (and reported) without being kept in memory.</summary>
    public long MaxContentLength { get; }

    public async Task<Frame> ReadAsync(CancellationToken cancellationToken)
    {
        long? length = null;
        string? problem = null;
        bool sawHeader = false;
        while (true)
        {
            var (line, tooLong) = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null) return sawHeader ? Frame.Failure("the input ended inside a message's headers") : Frame.End;
            if (line.Length == 0 && !tooLong)
            {
                if (!sawHeader) continue; // blank lines between messages are tolerated
                break;
            }
            sawHeader = true;
            if (tooLong)
            {
                problem ??= $"a header line is longer than {MaxHeaderLine} bytes";
                continue;
            }
            int at = line.IndexOf(ContentLength + ":", StringComparison.OrdinalIgnoreCase);
            if (at > 0)
            {
                // Bytes before a header: the tail of a message whose Content-Length was too short. Start afresh here.
                line = line.Substring(at);
                length = null;
                problem = null;
            }
            int colon = line.IndexOf(':');
            if (colon <= 0)
            {
                problem ??= "malformed header line (expected 'Name: value')";
                continue;
            }
            string name = line.Substring(0, colon).Trim();
            string value = line.Substring(colon + 1).Trim();
            if (name.Equals(ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long n)) length = n;
                else problem = $"invalid Content-Length '{Excerpt(value)}'";
            }
        }

        if (problem is not null && length is null) return Frame.Failure(problem);
        if (length is null) return Frame.Failure("a message without a Content-Length header");
        if (length > MaxContentLength)
        {
            bool complete = await SkipAsync(length.Value, cancellationToken).ConfigureAwait(false);
            return complete
                ? Frame.Failure($"a message of {length} bytes is larger than the limit of {MaxContentLength} bytes; it was skipped")
                : Frame.End;
        }

        var body = new byte[length.Value];
        int filled = 0;
        while (filled < body.Length)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false)) return Frame.End;
            int n = Math.Min(_end - _start, body.Length - filled);
            Buffer.BlockCopy(_buffer, _start, body, filled, n);
            _start += n;
            filled += n;
        }
        return Frame.Message(body);
    }

    /// <summary>One header line without its line break (CRLF, or a lone LF); null at the end of the input.</summary>
    private async Task<(string? Line, bool TooLong)> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        bool any = false, tooLong = false;
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
                return any ? (line.ToString(), tooLong) : (null, false);
            any = true;
            int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            int stop = newline >= 0 ? newline : _end;
            if (!tooLong)
            {
                // Headers are ASCII; anything else is kept as Latin-1 so that a search for "Content-Length" still works.
                for (int i = _start; i < stop; i++) line.Append((char)_buffer[i]);
                if (line.Length > MaxHeaderLine)
                {
                    tooLong = true;
                    line.Clear();
                }
            }
            if (newline >= 0)
            {
                _start = newline + 1;
                if (line.Length > 0 && line[line.Length - 1] == '\r') line.Length--;
                return (line.ToString(), tooLong);
            }
            _start = _end;
        }
    }

    private async Task<bool> SkipAsync(long count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false)) return false;
            int n = (int)Math.Min(_end - _start, count);
            _start += n;
            count -= n;
        }
        return true;
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = 0;
        int n = await _input.ReadAsync(_buffer.AsMemory(0, _buffer.Length), cancellationToken).ConfigureAwait(false);
        _end = n;
        return n > 0;
    }

    private static string Excerpt(string value) => value.Length <= 20 ? value : value.Substring(0, 20) + "…";
}

/// <summary>Writes framed messages; safe to call from several threads (analysis runs off the message loop).</summary>
internal sealed class MessageWriter
{
    private readonly Stream _output;
    private readonly object _gate = new();

    public MessageWriter(Stream output) => _output = output;

    public void Write(ReadOnlySpan<byte> json)
    {
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {json.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n");
        lock (_gate)
        {
            _output.Write(header, 0, header.Length);
            _output.Write(json);
            _output.Flush();
        }
    }
}
