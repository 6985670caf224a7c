using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Kestra.FlowLint.LanguageServer;
using Kestra.FlowLint.LanguageServer.JsonRpc;

namespace Kestra.FlowLint.Tests.LanguageServer;

/// <summary>LSP's base protocol and JSON-RPC's error handling: nothing a client sends ends the server.</summary>
[TestClass]
public sealed class LspProtocolTests
{
    private static async Task<List<Frame>> ReadAll(byte[] input, int maxRead = int.MaxValue, long maxContentLength = 1 << 20)
    {
        var pipe = new InMemoryPipe { MaxRead = maxRead };
        pipe.Write(input, 0, input.Length);
        pipe.Complete();
        var reader = new MessageReader(pipe, maxContentLength);
        var frames = new List<Frame>();
        while (true)
        {
            var frame = await reader.ReadAsync(CancellationToken.None);
            if (frame.IsEnd) return frames;
            frames.Add(frame);
        }
    }

    private static string Body(Frame frame) => frame.Body is null ? "error: " + frame.Error : Encoding.UTF8.GetString(frame.Body);

    [TestMethod]
    public async Task Headers_split_into_one_byte_reads_still_frame_the_message()
    {
        var frames = await ReadAll(Encoding.ASCII.GetBytes("Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}"), maxRead: 1);
        frames.Select(Body).ShouldBe(new[] { "{}" });
    }

    [TestMethod]
    public async Task Two_messages_in_one_chunk_are_two_frames()
    {
        var frames = await ReadAll(Encoding.ASCII.GetBytes("Content-Length: 2\r\n\r\n{}Content-Length: 4\r\n\r\n[1] "));
        frames.Select(Body).ShouldBe(new[] { "{}", "[1] " });
    }

    [TestMethod]
    public async Task A_body_is_counted_in_bytes_not_characters()
    {
        byte[] body = Encoding.UTF8.GetBytes("{\"a\":\"é😀\"}");
        var frames = await ReadAll(LspHarness.Frame(body).Concat(LspHarness.Frame(Encoding.UTF8.GetBytes("{}"))).ToArray(), maxRead: 3);
        frames.Select(Body).ShouldBe(new[] { "{\"a\":\"é😀\"}", "{}" });
    }

    [TestMethod]
    public async Task A_bad_content_length_is_reported_and_the_next_message_is_found_again()
    {
        // The bad block's body is read as junk in front of the next header, which resynchronises the stream.
        var frames = await ReadAll(Encoding.ASCII.GetBytes("Content-Length: abc\r\n\r\n{\"x\":1}Content-Length: 2\r\n\r\n{}"));
        frames.Select(Body).ShouldBe(new[] { "error: invalid Content-Length 'abc'", "{}" });
    }

    [TestMethod]
    public async Task A_header_block_without_content_length_is_an_error()
    {
        var frames = await ReadAll(Encoding.ASCII.GetBytes("Content-Type: application/json\r\n\r\nContent-Length: 2\n\n{}"));
        frames.Select(Body).ShouldBe(new[] { "error: a message without a Content-Length header", "{}" });
    }

    [TestMethod]
    public async Task A_too_short_content_length_leaves_junk_that_is_skipped()
    {
        var frames = await ReadAll(Encoding.ASCII.GetBytes("Content-Length: 3\r\n\r\n{\"a\":1}Content-Length: 2\r\n\r\n{}"));
        frames.Select(Body).ShouldBe(new[] { "{\"a", "{}" });
    }

    [TestMethod]
    public async Task A_message_over_the_limit_is_skipped_without_losing_the_next()
    {
        var big = LspHarness.Frame(new byte[5000]);
        var frames = await ReadAll(big.Concat(LspHarness.Frame(Encoding.ASCII.GetBytes("{}"))).ToArray(), maxRead: 700, maxContentLength: 1000);
        frames.Select(Body).ShouldBe(new[] { "error: a message of 5000 bytes is larger than the limit of 1000 bytes; it was skipped", "{}" });
    }

    private static int ErrorCode(JsonElement response) => response.GetProperty("error").GetProperty("code").GetInt32();

    [TestMethod]
    public async Task A_request_before_initialize_is_refused_with_server_not_initialized()
    {
        await using var lsp = new LspHarness();
        ErrorCode(await lsp.Request("textDocument/hover", new Dictionary<string, object?>())).ShouldBe(ErrorCodes.ServerNotInitialized);
        (await lsp.Initialize()).GetProperty("result").GetProperty("capabilities").GetProperty("textDocumentSync").GetProperty("change").GetInt32().ShouldBe(2);
        ErrorCode(await lsp.Initialize()).ShouldBe(ErrorCodes.InvalidRequest);
    }

    [TestMethod]
    public async Task Malformed_messages_get_json_rpc_errors_and_the_server_keeps_answering()
    {
        await using var lsp = new LspHarness();
        await lsp.Initialize();
        lsp.SendBody(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":1,"));
        lsp.SendBody(new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' }); // invalid UTF-8
        lsp.SendBody(Encoding.UTF8.GetBytes("[1,2]"));
        lsp.SendBody(Encoding.UTF8.GetBytes("{\"id\":7,\"method\":\"shutdown\"}"));
        lsp.SendBody(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":42}"));
        lsp.SendBody(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"textDocument/hover\",\"params\":[1]}"));
        lsp.SendRaw("Content-Length: -5\r\n\r\n");
        ErrorCode(await lsp.Request("workspace/unknownThing", null)).ShouldBe(ErrorCodes.MethodNotFound);

        var errors = lsp.Messages.Where(m => m.TryGetProperty("error", out _))
            .Select(m => (m.GetProperty("id").ValueKind == JsonValueKind.Null ? "null" : m.GetProperty("id").GetRawText(), ErrorCode(m)))
            .ToList();
        errors.ShouldBe(new[]
        {
            ("null", ErrorCodes.ParseError),
            ("null", ErrorCodes.ParseError),
            ("null", ErrorCodes.InvalidRequest),
            ("7", ErrorCodes.InvalidRequest),
            ("8", ErrorCodes.InvalidRequest),
            ("9", ErrorCodes.InvalidParams),
            ("null", ErrorCodes.ParseError),
            ("102", ErrorCodes.MethodNotFound),
        });
    }

    [TestMethod]
    public async Task Shutdown_then_exit_ends_with_0_and_requests_after_shutdown_are_refused()
    {
        await using var lsp = new LspHarness();
        await lsp.Initialize();
        (await lsp.Request("shutdown", null)).GetProperty("result").ValueKind.ShouldBe(JsonValueKind.Null);
        ErrorCode(await lsp.Request("textDocument/hover", new Dictionary<string, object?>())).ShouldBe(ErrorCodes.InvalidRequest);
        lsp.Notify("exit", null);
        (await lsp.ServerRun).ShouldBe(0);
    }

    [TestMethod]
    public async Task Exit_without_shutdown_ends_with_1()
    {
        await using var lsp = new LspHarness();
        await lsp.Initialize();
        lsp.Notify("exit", null);
        (await lsp.ServerRun).ShouldBe(1);
    }

    [TestMethod]
    public async Task A_cancelled_request_is_answered_with_request_cancelled()
    {
        await using var lsp = new LspHarness(requestDelay: TimeSpan.FromSeconds(20));
        await lsp.Initialize();
        int id = lsp.Send("textDocument/hover", new Dictionary<string, object?> { ["textDocument"] = LspHarness.Document("file:///x.yaml"), ["position"] = LspHarness.Position(0, 0) });
        lsp.Notify("$/cancelRequest", new Dictionary<string, object?> { ["id"] = id });
        ErrorCode(await lsp.Response(id)).ShouldBe(ErrorCodes.RequestCancelled);
    }

    [TestMethod]
    public async Task The_watcher_of_configuration_files_is_registered_when_the_client_allows_it()
    {
        await using var lsp = new LspHarness();
        await lsp.Request("initialize", new Dictionary<string, object?>
        {
            ["capabilities"] = new Dictionary<string, object?>
            {
                ["workspace"] = new Dictionary<string, object?> { ["didChangeWatchedFiles"] = new Dictionary<string, object?> { ["dynamicRegistration"] = true } },
            },
        });
        lsp.Notify("initialized", new Dictionary<string, object?>());
        var request = await lsp.WaitFor(m => m.TryGetProperty("method", out var method) && method.GetString() == "client/registerCapability");
        var registration = request.GetProperty("params").GetProperty("registrations")[0];
        registration.GetProperty("method").GetString().ShouldBe("workspace/didChangeWatchedFiles");
        registration.GetProperty("registerOptions").GetProperty("watchers").EnumerateArray().Select(w => w.GetProperty("globPattern").GetString())
            .ShouldBe(new[] { "**/.flowlint.yaml", "**/.flowlint.yml" });
    }
}
