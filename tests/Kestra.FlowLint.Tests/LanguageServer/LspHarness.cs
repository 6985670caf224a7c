using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Kestra.FlowLint.LanguageServer;
using Kestra.FlowLint.LanguageServer.JsonRpc;
using Kestra.FlowLint.Rules;

namespace Kestra.FlowLint.Tests.LanguageServer;

/// <summary>A one-way in-memory byte pipe: what is written is read, in order, in chunks of any size.</summary>
internal sealed class InMemoryPipe : Stream
{
    private readonly Queue<byte[]> _chunks = new();
    private readonly SemaphoreSlim _available = new(0);
    private byte[]? _current;
    private int _offset;
    private bool _completed;

    /// <summary>When set, reads return at most this many bytes (to split headers across reads).</summary>
    public int MaxRead { get; set; } = int.MaxValue;

    public void Complete()
    {
        lock (_chunks) _completed = true;
        _available.Release();
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (count == 0) return;
        var copy = new byte[count];
        Buffer.BlockCopy(buffer, offset, copy, 0, count);
        lock (_chunks) _chunks.Enqueue(copy);
        _available.Release();
    }

    public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_current is null || _offset == _current.Length)
        {
            await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
            lock (_chunks)
            {
                if (_chunks.Count > 0)
                {
                    _current = _chunks.Dequeue();
                    _offset = 0;
                }
                else if (_completed)
                {
                    _available.Release();
                    return 0;
                }
            }
        }
        int n = Math.Min(Math.Min(buffer.Length, _current.Length - _offset), MaxRead);
        _current.AsSpan(_offset, n).CopyTo(buffer.Span);
        _offset += n;
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>A language server running in-process over in-memory streams, and a small client for it.</summary>
internal sealed class LspHarness : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly InMemoryPipe _toServer = new();
    private readonly InMemoryPipe _fromServer = new();
    private readonly List<JsonElement> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _readLoop;
    private int _nextId = 100;

    public LspHarness(TimeSpan? debounce = null, TimeSpan? requestDelay = null, string? root = null)
    {
        Server = new FlowLintLanguageServer(_toServer, _fromServer, new LanguageServerOptions
        {
            Catalogue = RuleCatalog.AllDescriptors(),
            CreateAnalyzers = RuleCatalog.CreateAnalyzers,
            Debounce = debounce ?? TimeSpan.Zero,
            Log = Stderr,
            DefaultRoot = root,
            RequestDelay = requestDelay ?? TimeSpan.Zero,
        });
        ServerRun = Task.Run(() => Server.RunAsync());
        _readLoop = Task.Run(ReadLoop);
    }

    public FlowLintLanguageServer Server { get; }
    public Task<int> ServerRun { get; }
    public StringWriter Stderr { get; } = new();

    /// <summary>Every message the server sent so far, in order.</summary>
    public List<JsonElement> Messages
    {
        get { lock (_messages) return new List<JsonElement>(_messages); }
    }

    private async Task ReadLoop()
    {
        var reader = new MessageReader(_fromServer, long.MaxValue);
        while (true)
        {
            var frame = await reader.ReadAsync(CancellationToken.None);
            if (frame.IsEnd) return;
            if (frame.Body is null) throw new InvalidOperationException("the server wrote a bad frame: " + frame.Error);
            using var document = JsonDocument.Parse(frame.Body);
            lock (_messages) _messages.Add(document.RootElement.Clone());
            _arrived.Release();
        }
    }

    public void SendRaw(byte[] bytes) => _toServer.Write(bytes, 0, bytes.Length);

    public void SendRaw(string text) => SendRaw(Encoding.UTF8.GetBytes(text));

    /// <summary>Sends a JSON body with a correct Content-Length header.</summary>
    public void SendBody(byte[] body) => SendRaw(Frame(body));

    public static byte[] Frame(byte[] body) => Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n").Concat(body).ToArray();

    public void Notify(string method, object? parameters) => SendBody(Serialize(null, method, parameters));

    /// <summary>Sends a request and returns its id (see <see cref="Response"/>).</summary>
    public int Send(string method, object? parameters)
    {
        int id = Interlocked.Increment(ref _nextId);
        SendBody(Serialize(id, method, parameters));
        return id;
    }

    public async Task<JsonElement> Request(string method, object? parameters) => await Response(Send(method, parameters));

    public Task<JsonElement> Response(int id) => WaitFor(m => m.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.Number && i.GetInt32() == id && !m.TryGetProperty("method", out _));

    public Task<JsonElement> Initialize(string? rootUri = null, object? initializationOptions = null) =>
        Request("initialize", new Dictionary<string, object?>
        {
            ["processId"] = null,
            ["rootUri"] = rootUri,
            ["capabilities"] = new Dictionary<string, object?>(),
            ["initializationOptions"] = initializationOptions,
        });

    public async Task<JsonElement> WaitFor(Func<JsonElement, bool> match)
    {
        var deadline = DateTime.UtcNow + Timeout;
        int seen = 0;
        while (true)
        {
            var messages = Messages;
            for (int i = seen; i < messages.Count; i++)
                if (match(messages[i])) return messages[i];
            seen = messages.Count;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
                throw new TimeoutException("no matching message; server log:\n" + Stderr);
        }
    }

    /// <summary>The publishDiagnostics of a document version.</summary>
    public Task<JsonElement> Diagnostics(string uri, int version) => WaitFor(m =>
        m.TryGetProperty("method", out var method) && method.GetString() == "textDocument/publishDiagnostics"
        && m.GetProperty("params").GetProperty("uri").GetString() == uri
        && m.GetProperty("params").TryGetProperty("version", out var v) && v.GetInt32() == version);

    public void Open(string uri, string text, int version = 1) => Notify("textDocument/didOpen", new Dictionary<string, object?>
    {
        ["textDocument"] = new Dictionary<string, object?> { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = version, ["text"] = text },
    });

    public void Change(string uri, int version, params object[] changes) => Notify("textDocument/didChange", new Dictionary<string, object?>
    {
        ["textDocument"] = new Dictionary<string, object?> { ["uri"] = uri, ["version"] = version },
        ["contentChanges"] = changes,
    });

    public static Dictionary<string, object?> RangeChange(int startLine, int startChar, int endLine, int endChar, string text) => new()
    {
        ["range"] = new Dictionary<string, object?>
        {
            ["start"] = new Dictionary<string, object?> { ["line"] = startLine, ["character"] = startChar },
            ["end"] = new Dictionary<string, object?> { ["line"] = endLine, ["character"] = endChar },
        },
        ["text"] = text,
    };

    public static Dictionary<string, object?> Position(int line, int character) => new() { ["line"] = line, ["character"] = character };

    public static Dictionary<string, object?> Document(string uri) => new() { ["uri"] = uri };

    private static byte[] Serialize(int? id, string method, object? parameters)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            if (id is { } i) writer.WriteNumber("id", i);
            writer.WriteString("method", method);
            if (parameters is not null)
            {
                writer.WritePropertyName("params");
                WriteValue(writer, parameters);
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    // Tests build parameters from dictionaries, lists and primitives; written by hand (the product has no reflection).
    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int n: writer.WriteNumberValue(n); break;
            case JsonElement e: e.WriteTo(writer); break;
            case IDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (k, v) in map)
                {
                    writer.WritePropertyName(k);
                    WriteValue(writer, v);
                }
                writer.WriteEndObject();
                break;
            case System.Collections.IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list) WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            default: throw new ArgumentException("unsupported value " + value.GetType());
        }
    }

    public async ValueTask DisposeAsync()
    {
        _toServer.Complete();
        await Task.WhenAny(ServerRun, Task.Delay(Timeout));
        _fromServer.Complete();
        await Task.WhenAny(_readLoop, Task.Delay(Timeout));
    }
}
