using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Kestra.FlowLint.LanguageServer;
using Kestra.FlowLint.Tests.Cli;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.LanguageServer;

/// <summary>What an editor shows: check's findings, quick fixes, suppressions, hover, re-analysis as the user types.</summary>
[TestClass]
public sealed class LspFeatureTests
{
    private const string Flow =
        "id: hello\n" +
        "namespace: company.team\n" +
        "tasks:\n" +
        "  - id: log\n" +
        "    type: io.kestra.plugin.core.log.Log\n" +
        "    message: \"Token {{ secret('GITHUB_TOKEN') }}\"\n";

    private static string Uri(string name) => DocumentUri.FromPath(Path.Combine(Path.GetTempPath(), "flowlint-lsp-tests", name));

    private static List<(string Code, int Line, int Character, int EndLine, int EndCharacter)> Findings(JsonElement publish) =>
        publish.GetProperty("params").GetProperty("diagnostics").EnumerateArray()
            .Select(d => (d.GetProperty("code").GetString()!,
                d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32(),
                d.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32(),
                d.GetProperty("range").GetProperty("end").GetProperty("line").GetInt32(),
                d.GetProperty("range").GetProperty("end").GetProperty("character").GetInt32()))
            .ToList();

    [TestMethod]
    public async Task Every_example_gets_exactly_the_findings_of_flowlint_check_for_that_file()
    {
        string root = TestPaths.SolutionFolder;
        var files = Directory.EnumerateFiles(Path.Combine(root, "examples"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal).ToList();
        files.Count.ShouldBeGreaterThan(5);

        await using var lsp = new LspHarness();
        await lsp.Initialize(DocumentUri.FromPath(root));
        int compared = 0;
        foreach (var file in files)
        {
            string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var (_, stdout, _) = CliRunner.Run("check", relative, "--format", "json", "--fail-on", "none");
            using var json = JsonDocument.Parse(stdout);
            var expected = json.RootElement.GetProperty("findings").EnumerateArray()
                .Where(f => !f.GetProperty("suppressed").GetBoolean())
                .Select(f => $"{f.GetProperty("ruleId").GetString()} {f.GetProperty("severity").GetString()} " +
                    $"{f.GetProperty("startLine").GetInt32() - 1}:{f.GetProperty("startColumn").GetInt32() - 1}-" +
                    $"{f.GetProperty("endLine").GetInt32() - 1}:{f.GetProperty("endColumn").GetInt32() - 1} {f.GetProperty("message").GetString()}")
                .ToList();

            string uri = DocumentUri.FromPath(file);
            lsp.Open(uri, File.ReadAllText(file));
            var published = await lsp.Diagnostics(uri, 1);
            var actual = published.GetProperty("params").GetProperty("diagnostics").EnumerateArray()
                .Select(d =>
                {
                    var range = d.GetProperty("range");
                    string severity = d.GetProperty("severity").GetInt32() switch { 1 => "error", 2 => "warning", _ => "note" };
                    return $"{d.GetProperty("code").GetString()} {severity} " +
                        $"{range.GetProperty("start").GetProperty("line").GetInt32()}:{range.GetProperty("start").GetProperty("character").GetInt32()}-" +
                        $"{range.GetProperty("end").GetProperty("line").GetInt32()}:{range.GetProperty("end").GetProperty("character").GetInt32()} {d.GetProperty("message").GetString()}";
                })
                .ToList();
            actual.ShouldBe(expected, relative);
            compared += expected.Count;
        }
        compared.ShouldBeGreaterThan(3); // the examples do have findings: the comparison is not vacuous
    }

    [TestMethod]
    public async Task A_finding_carries_its_code_link_source_and_severity()
    {
        await using var lsp = new LspHarness();
        await lsp.Initialize();
        lsp.Open(Uri("a.yaml"), Flow);
        var d = (await lsp.Diagnostics(Uri("a.yaml"), 1)).GetProperty("params").GetProperty("diagnostics")[0];
        d.GetRawText().ShouldBe(
            "{\"range\":{\"start\":{\"line\":5,\"character\":23},\"end\":{\"line\":5,\"character\":45}},\"severity\":1,\"code\":\"KF1001\"," +
            "\"codeDescription\":{\"href\":\"https://github.com/kestra-flowlint/flowlint/blob/main/rules.md#kf1001\"},\"source\":\"flowlint\"," +
            "\"message\":\"secret(\\u0027GITHUB_TOKEN\\u0027) is written to the logs by task \\u0027log\\u0027\"}");
    }

    [TestMethod]
    public async Task Incremental_edits_over_lines_crlf_and_surrogate_pairs_move_the_finding_exactly()
    {
        await using var lsp = new LspHarness();
        await lsp.Initialize();
        string uri = Uri("crlf.yaml");
        lsp.Open(uri, Flow.Replace("\n", "\r\n"));
        Findings(await lsp.Diagnostics(uri, 1)).ShouldBe(new[] { ("KF1001", 5, 23, 5, 45) });

        // "😀 " is three UTF-16 units: the finding moves right by three.
        lsp.Change(uri, 2, LspHarness.RangeChange(5, 19, 5, 19, "😀 "));
        Findings(await lsp.Diagnostics(uri, 2)).ShouldBe(new[] { ("KF1001", 5, 26, 5, 48) });

        // Two lines inserted above with CRLF, and one multi-line replacement spanning a line break.
        lsp.Change(uri, 3,
            LspHarness.RangeChange(2, 0, 2, 0, "labels:\r\n  team: a\r\n"),
            LspHarness.RangeChange(6, 4, 7, 4, "type: io.kestra.plugin.core.log.Log\r\n    "));
        Findings(await lsp.Diagnostics(uri, 3)).ShouldBe(new[] { ("KF1001", 7, 26, 7, 48) });

        // Deleting the emoji's two halves and the space at once, then the secret itself.
        lsp.Change(uri, 4, LspHarness.RangeChange(7, 19, 7, 22, ""), LspHarness.RangeChange(7, 23, 7, 45, "'x'"));
        Findings(await lsp.Diagnostics(uri, 4)).ShouldBeEmpty();
    }

    [TestMethod]
    public void Document_text_applies_ranges_in_utf16_units_and_clamps_past_the_line_end()
    {
        DocumentText.Apply("a😀b\r\nc", new Kestra.FlowLint.LanguageServer.Protocol.Range { Start = new() { Line = 0, Character = 1 }, End = new() { Line = 0, Character = 3 } }, "").ShouldBe("ab\r\nc");
        DocumentText.Apply("ab\r\ncd", new Kestra.FlowLint.LanguageServer.Protocol.Range { Start = new() { Line = 0, Character = 99 }, End = new() { Line = 1, Character = 0 } }, "").ShouldBe("abcd");
        DocumentText.Apply("ab\rcd", new Kestra.FlowLint.LanguageServer.Protocol.Range { Start = new() { Line = 1, Character = 1 }, End = new() { Line = 7, Character = 0 } }, "X").ShouldBe("ab\rcX");
        DocumentText.Apply("ab", null, "new").ShouldBe("new");
    }

    [TestMethod]
    public async Task A_newer_edit_cancels_the_pending_analysis_of_older_versions()
    {
        await using var lsp = new LspHarness(debounce: TimeSpan.FromMilliseconds(1000));
        await lsp.Initialize();
        string uri = Uri("typing.yaml");
        lsp.Open(uri, Flow);
        await lsp.Diagnostics(uri, 1);
        for (int v = 2; v <= 6; v++) lsp.Change(uri, v, LspHarness.RangeChange(0, 9, 0, 9, "x"));
        Findings(await lsp.Diagnostics(uri, 6)).ShouldBe(new[] { ("KF1001", 5, 23, 5, 45) });
        lsp.Messages.Count(m => m.TryGetProperty("method", out var method) && method.GetString() == "textDocument/publishDiagnostics").ShouldBe(2);
    }

    [TestMethod]
    public async Task Closing_a_document_clears_its_diagnostics_and_other_yaml_stays_clean()
    {
        await using var lsp = new LspHarness();
        await lsp.Initialize();
        lsp.Open(Uri("ci.yml"), "name: ci\non: push\njobs: {}\n");
        Findings(await lsp.Diagnostics(Uri("ci.yml"), 1)).ShouldBeEmpty();
        lsp.Open(Uri("b.yaml"), Flow);
        await lsp.Diagnostics(Uri("b.yaml"), 1);
        lsp.Notify("textDocument/didClose", new Dictionary<string, object?> { ["textDocument"] = LspHarness.Document(Uri("b.yaml")) });
        var cleared = await lsp.WaitFor(m => m.TryGetProperty("method", out _) && m.GetProperty("params").GetProperty("uri").GetString() == Uri("b.yaml")
            && !m.GetProperty("params").TryGetProperty("version", out _));
        cleared.GetProperty("params").GetProperty("diagnostics").GetArrayLength().ShouldBe(0);
    }

    [TestMethod]
    public async Task A_document_over_the_size_limit_gets_one_limit_diagnostic()
    {
        await using var lsp = new LspHarness();
        await lsp.Initialize();
        string huge = Flow + "# " + new string('x', 10 * 1024 * 1024) + "\n";
        lsp.Open(Uri("huge.yaml"), huge);
        Findings(await lsp.Diagnostics(Uri("huge.yaml"), 1)).ShouldBe(new[] { ("KF0003", 0, 0, 0, 0) });
    }

    private static async Task<List<JsonElement>> Actions(LspHarness lsp, string uri, int line, int character)
    {
        var response = await lsp.Request("textDocument/codeAction", new Dictionary<string, object?>
        {
            ["textDocument"] = LspHarness.Document(uri),
            ["range"] = new Dictionary<string, object?> { ["start"] = LspHarness.Position(line, character), ["end"] = LspHarness.Position(line, character) },
            ["context"] = new Dictionary<string, object?> { ["diagnostics"] = Array.Empty<object>() },
        });
        return response.GetProperty("result").EnumerateArray().ToList();
    }

    private static string Edit(JsonElement action, string uri) => action.GetProperty("edit").GetProperty("changes").GetProperty(uri).GetRawText();

    [TestMethod]
    public async Task Suppress_inserts_the_comment_above_the_line_with_its_indentation()
    {
        await using var lsp = new LspHarness();
        await lsp.Initialize();
        string uri = Uri("s.yaml");
        lsp.Open(uri, Flow);
        await lsp.Diagnostics(uri, 1);
        var actions = await Actions(lsp, uri, 5, 30);
        actions.Select(a => a.GetProperty("title").GetString()).ShouldBe(new[] { "Suppress KF1001 on this line", "Suppress KF1001 in this file" });
        Edit(actions[0], uri).ShouldBe("[{\"range\":{\"start\":{\"line\":5,\"character\":0},\"end\":{\"line\":5,\"character\":0}},\"newText\":\"    # flowlint-disable-next-line KF1001\\n\"}]");
        Edit(actions[1], uri).ShouldBe("[{\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":0}},\"newText\":\"# flowlint-disable-file KF1001\\n\"}]");
        (await Actions(lsp, uri, 0, 0)).ShouldBeEmpty();
    }

    [TestMethod]
    public async Task Inside_a_block_scalar_the_comment_goes_above_the_owning_key_never_into_the_scalar()
    {
        await using var lsp = new LspHarness();
        await lsp.Initialize();
        string uri = Uri("block.yaml");
        string text = "id: hello\r\nnamespace: company.team\r\ntasks:\r\n- id: log\r\n  type: io.kestra.plugin.core.log.Log\r\n  message: >-\r\n    first line\r\n\r\n    Token {{ secret('GITHUB_TOKEN') }}\r\n";
        lsp.Open(uri, text);
        Findings(await lsp.Diagnostics(uri, 1)).ShouldBe(new[] { ("KF1001", 8, 13, 8, 35) });
        var actions = await Actions(lsp, uri, 8, 20);
        string edit = Edit(actions[0], uri);
        edit.ShouldBe("[{\"range\":{\"start\":{\"line\":5,\"character\":0},\"end\":{\"line\":5,\"character\":0}},\"newText\":\"  # flowlint-disable-next-line KF1001\\r\\n\"}]");

        // Applied, the finding is suppressed (and the suppression is used, so no KF0002 either).
        lsp.Change(uri, 2, LspHarness.RangeChange(5, 0, 5, 0, "  # flowlint-disable-next-line KF1001\r\n"));
        Findings(await lsp.Diagnostics(uri, 2)).ShouldBeEmpty();
    }

    [TestMethod]
    public async Task A_second_rule_on_a_suppressed_line_is_added_to_the_existing_comment()
    {
        await using var lsp = new LspHarness();
        await lsp.Initialize();
        string uri = Uri("two.yaml");
        string text = Flow.Replace("    message: \"Token {{ secret('GITHUB_TOKEN') }}\"",
            "    # flowlint-disable-next-line KF1001 -- reviewed\n    message: \"Key {{ secret('API_KEY') | slice(0, 4) }}\"");
        lsp.Open(uri, text);
        Findings(await lsp.Diagnostics(uri, 1)).ShouldBe(new[] { ("KF1002", 6, 41, 6, 46) });
        var actions = await Actions(lsp, uri, 6, 44);
        Edit(actions.Single(a => a.GetProperty("title").GetString() == "Suppress KF1002 on this line"), uri)
            .ShouldBe("[{\"range\":{\"start\":{\"line\":5,\"character\":39},\"end\":{\"line\":5,\"character\":39}},\"newText\":\", KF1002\"}]");
    }

    [TestMethod]
    public async Task The_rules_own_fix_is_offered_as_a_quick_fix()
    {
        await using var lsp = new LspHarness();
        await lsp.Initialize();
        string uri = Uri("unused.yaml");
        lsp.Open(uri, "# flowlint-disable-next-line KF1001\nid: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n");
        Findings(await lsp.Diagnostics(uri, 1)).ShouldBe(new[] { ("KF0002", 0, 0, 0, 35) });
        var actions = await Actions(lsp, uri, 0, 3);
        actions.Select(a => a.GetProperty("title").GetString()).ShouldBe(new[] { "Remove the unused suppression" });
        actions[0].GetProperty("isPreferred").GetBoolean().ShouldBeTrue();
        Edit(actions[0], uri).ShouldBe("[{\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":1,\"character\":0}},\"newText\":\"\"}]");
        var published = await lsp.Diagnostics(uri, 1);
        published.GetProperty("params").GetProperty("diagnostics")[0].GetProperty("tags")[0].GetInt32().ShouldBe(LspDiagnostics.TagUnnecessary);
    }

    [TestMethod]
    public async Task Hover_shows_the_rule_title_why_it_matters_and_the_good_example()
    {
        await using var lsp = new LspHarness();
        await lsp.Initialize();
        string uri = Uri("h.yaml");
        lsp.Open(uri, Flow);
        await lsp.Diagnostics(uri, 1);
        var hover = (await lsp.Request("textDocument/hover", new Dictionary<string, object?> { ["textDocument"] = LspHarness.Document(uri), ["position"] = LspHarness.Position(5, 45) }))
            .GetProperty("result");
        var rule = Kestra.FlowLint.Rules.Security.SecretInLogAnalyzer.Rule;
        string value = hover.GetProperty("contents").GetProperty("value").GetString()!;
        value.ShouldStartWith($"**KF1001: {rule.Title}**\n\nsecret('GITHUB_TOKEN') is written to the logs by task 'log'\n\n**Why it matters.** {rule.Description.Trim()}\n\n**Good example:**\n\n```yaml\n{rule.GoodExample!.TrimEnd('\n')}\n```\n\n");
        value.ShouldEndWith("[KF1001 in rules.md](https://github.com/kestra-flowlint/flowlint/blob/main/rules.md#kf1001)");
        hover.GetProperty("range").GetRawText().ShouldBe("{\"start\":{\"line\":5,\"character\":23},\"end\":{\"line\":5,\"character\":45}}");

        var outside = await lsp.Request("textDocument/hover", new Dictionary<string, object?> { ["textDocument"] = LspHarness.Document(uri), ["position"] = LspHarness.Position(5, 46) });
        outside.GetProperty("result").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [TestMethod]
    public async Task Editing_the_nearest_configuration_relints_open_documents()
    {
        string folder = Path.Combine(Path.GetTempPath(), "flowlint-lsp-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var lsp = new LspHarness();
            await lsp.Initialize(DocumentUri.FromPath(folder));
            string uri = DocumentUri.FromPath(Path.Combine(folder, "flow.yaml"));
            lsp.Open(uri, Flow);
            Findings(await lsp.Diagnostics(uri, 1)).Count.ShouldBe(1);

            string config = Path.Combine(folder, ".flowlint.yaml");
            File.WriteAllText(config, "rules:\n  KF1001: none\n");
            int before = lsp.Messages.Count;
            lsp.Notify("workspace/didChangeWatchedFiles", new Dictionary<string, object?>
            {
                ["changes"] = new[] { new Dictionary<string, object?> { ["uri"] = DocumentUri.FromPath(config), ["type"] = 1 } },
            });
            var relinted = await lsp.WaitFor(m => lsp.Messages.IndexOf(m) >= before && m.TryGetProperty("method", out _) && m.GetProperty("params").GetProperty("uri").GetString() == uri);
            Findings(relinted).ShouldBeEmpty();

            // A broken configuration: the file says why it is not analysed, the configuration shows the error.
            File.WriteAllText(config, "rules:\n  KF9999: none\n");
            before = lsp.Messages.Count;
            lsp.Notify("workspace/didChangeWatchedFiles", new Dictionary<string, object?>
            {
                ["changes"] = new[] { new Dictionary<string, object?> { ["uri"] = DocumentUri.FromPath(config), ["type"] = 2 } },
            });
            var onConfig = await lsp.WaitFor(m => lsp.Messages.IndexOf(m) >= before && m.TryGetProperty("method", out _) && m.GetProperty("params").GetProperty("uri").GetString() == DocumentUri.FromPath(config));
            var error = onConfig.GetProperty("params").GetProperty("diagnostics")[0];
            error.GetProperty("message").GetString()!.ShouldContain("KF9999");
            error.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32().ShouldBe(1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
