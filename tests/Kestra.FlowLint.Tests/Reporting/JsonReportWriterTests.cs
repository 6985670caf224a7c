using System.IO;
using System.Text.Json;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Reporting;
using Kestra.FlowLint.Tests.Cli;
using Kestra.FlowLint.Tests.Support;
using Kestra.FlowLint.Text;
using static Kestra.FlowLint.Tests.Reporting.ReportTestData;

namespace Kestra.FlowLint.Tests.Reporting;

[TestClass]
public class JsonReportWriterTests
{
    private static readonly JsonReportWriter Writer = new();

    [TestMethod]
    public void Streams_to_a_file_writer_exactly_as_it_renders()
    {
        // The report streams through a small buffer (straight to the bytes of a UTF-8 file, decoded for other
        // writers) rather than being held whole: the same text either way, in order with what is around it.
        var text = new SourceText("id: t\nnamespace: n\ntasks:\n  - id: a\n    message: \"{{ oops é 😀\"\n", "flows/t.yaml");
        var report = Report(At(ErrorFinding, text, "oops", "Say \"hé\" <b> & 名 😀", owner: "tasks:a/message"), At(Finding, text, "namespace", "kept"));
        string rendered = JsonReportWriter.Render(report);
        foreach (var encoding in new System.Text.Encoding[] { new System.Text.UTF8Encoding(false), System.Text.Encoding.Unicode })
        {
            var stream = new MemoryStream();
            using (var writer = new StreamWriter(stream, encoding, 16, leaveOpen: true))
            {
                writer.Write("before ");
                Writer.Write(report, writer);
                writer.Write("after");
            }
            byte[] bytes = stream.ToArray();
            int preamble = encoding.GetPreamble().Length;
            encoding.GetString(bytes, preamble, bytes.Length - preamble).ShouldBe("before " + rendered + "after", encoding.EncodingName);
        }
    }

    [TestMethod]
    public void Writes_the_documented_shape_exactly()
    {
        var text = new SourceText("id: t\nnamespace: n\r\ntasks:\n  - id: a\n    message: \"{{ oops\"\n", "flows/t.yaml");
        var first = At(ErrorFinding, text, "oops", "Say \"hé\" <b> & 名", owner: "tasks:a/message");
        var second = At(Finding, text, "namespace", "kept").WithSuppression(SuppressionKind.InSource, "known");
        var report = Report(second, first);
        string[] fingerprints = SarifFingerprint.ComputeAll(new[] { second, first }, new[] { second.Location.Path, first.Location.Path });

        Write(Writer, report).ShouldBe(Lines(
            "{",
            "  \"version\": 1,",
            "  \"findings\": [",
            "    {",
            "      \"ruleId\": \"KF9001\",",
            "      \"severity\": \"warning\",",
            "      \"path\": \"flows/t.yaml\",",
            "      \"startLine\": 2,",
            "      \"startColumn\": 1,",
            "      \"endLine\": 2,",
            "      \"endColumn\": 10,",
            "      \"message\": \"kept\",",
            "      \"fingerprint\": \"" + fingerprints[0] + "\",",
            "      \"suppressed\": true",
            "    },",
            "    {",
            "      \"ruleId\": \"KF9002\",",
            "      \"severity\": \"error\",",
            "      \"path\": \"flows/t.yaml\",",
            "      \"startLine\": 5,",
            "      \"startColumn\": 18,",
            "      \"endLine\": 5,",
            "      \"endColumn\": 22,",
            "      \"message\": \"Say \\\"hé\\\" <b> & 名\",",
            "      \"fingerprint\": \"" + fingerprints[1] + "\",",
            "      \"suppressed\": false",
            "    }",
            "  ],",
            "  \"summary\": {",
            "    \"files\": 1,",
            "    \"flows\": 1,",
            "    \"configurations\": 0,",
            "    \"skippedDocuments\": 0,",
            "    \"errors\": 1,",
            "    \"warnings\": 0,",
            "    \"notes\": 0,",
            "    \"suppressed\": 1",
            "  }",
            "}"));
    }

    [TestMethod]
    public void Parses_back_to_the_same_findings()
    {
        var text = new SourceText("a: 1\nb: \"tab\there\"\nc: 3\n", "x.yaml");
        var d1 = At(ErrorFinding, text, "\"tab\there\"", "control \u0001 and \\ and \"quotes\" and \ttab");
        var d2 = Diagnostic.Create(Finding, text, new TextSpan(0, text.Length), "whole file");
        using var json = JsonDocument.Parse(Write(Writer, Report(d1, d2)));

        var root = json.RootElement;
        root.GetProperty("version").GetInt32().ShouldBe(1);
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        findings.Count.ShouldBe(2);
        findings[0].GetProperty("message").GetString().ShouldBe("whole file");
        findings[0].GetProperty("endLine").GetInt32().ShouldBe(4);
        findings[0].GetProperty("endColumn").GetInt32().ShouldBe(1);
        findings[1].GetProperty("message").GetString().ShouldBe("control \u0001 and \\ and \"quotes\" and \ttab");
        findings[1].GetProperty("startLine").GetInt32().ShouldBe(2);
        findings[1].GetProperty("startColumn").GetInt32().ShouldBe(4);
        findings[1].GetProperty("endColumn").GetInt32().ShouldBe(14);
        findings.ShouldAllBe(f => f.EnumerateObject().Select(p => p.Name).SequenceEqual(new[]
            { "ruleId", "severity", "path", "startLine", "startColumn", "endLine", "endColumn", "message", "fingerprint", "suppressed" }));
        root.GetProperty("summary").GetProperty("errors").GetInt32().ShouldBe(1);
    }

    [TestMethod]
    public void A_lone_surrogate_in_a_message_still_gives_valid_json()
    {
        var text = new SourceText("a: 1\n", "x.yaml");
        string output = Write(Writer, Report(At(Finding, text, "a", "bad \uD800 half")));
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("findings")[0].GetProperty("message").GetString().ShouldBe("bad \uFFFD half");
    }

    [TestMethod]
    public void Output_is_the_same_whatever_the_order_of_the_findings()
    {
        var a = new SourceText("x: 1\ny: 2\n", "a.yaml");
        var b = new SourceText("x: 1\ny: 2\n", "b.yaml");
        var findings = new[] { At(Finding, b, "y", "4"), At(Finding, a, "y", "2"), At(ErrorFinding, a, "y", "3"), At(Finding, a, "x", "1") };
        string output = Write(Writer, Report(findings));
        Write(Writer, Report(findings.Reverse().ToArray())).ShouldBe(output);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("message").GetString())
            .ShouldBe(new[] { "1", "2", "3", "4" });
    }

    [TestMethod]
    [DoNotParallelize]
    public void The_cli_writes_utf8_json_without_a_byte_order_mark()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("flowlint-json").FullName, "out.json");
        var (code, stdout, _) = CliRunner.Run("check", "examples/flows/secret-in-log.yaml", "--format", "json", "-o", file);
        code.ShouldBe(1);
        stdout.ShouldBeEmpty();
        byte[] bytes = File.ReadAllBytes(file);
        bytes[0].ShouldBe((byte)'{');
        using var json = JsonDocument.Parse(bytes);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        findings.ShouldNotBeEmpty();
        findings.ShouldContain(f => f.GetProperty("ruleId").GetString() == "KF1001");
        findings[0].GetProperty("path").GetString().ShouldBe("examples/flows/secret-in-log.yaml");
        findings[0].GetProperty("startLine").GetInt32().ShouldBe(8);
        findings[0].GetProperty("startColumn").GetInt32().ShouldBe(30);
        json.RootElement.GetProperty("summary").GetProperty("files").GetInt32().ShouldBe(1);
    }

    [TestMethod]
    public void Fingerprints_of_a_large_unsorted_report_match_the_one_at_a_time_definition()
    {
        // Past a few hundred findings the hashes are computed on several threads: same values, same occurrences.
        var lines = new System.Text.StringBuilder();
        for (int i = 0; i < 400; i++) lines.Append("k").Append(i % 7).Append(": same\n");
        // Two files with the same content, their findings interleaved: occurrences count per file.
        var text = new SourceText(lines.ToString(), "flows/big.yaml");
        var other = new SourceText(lines.ToString(), "flows/big2.yaml");
        var diagnostics = new List<Diagnostic>();
        for (int i = 0; i < 400; i++)
        {
            diagnostics.Add(At(Finding, text, "k" + (i % 7), "m", occurrence: i / 7, owner: "o" + (i % 3)));
            diagnostics.Add(At(Credential, text, "same", "c", occurrence: i, owner: "o"));
            if (i % 2 == 0) diagnostics.Add(At(Finding, other, "k" + (i % 7), "m", occurrence: i / 7, owner: "o" + (i % 3)));
        }
        diagnostics.Reverse();
        var paths = diagnostics.Select(d => d.Location.Path).ToArray();

        string[] actual = SarifFingerprint.ComputeAll(diagnostics, paths);

        var order = Enumerable.Range(0, diagnostics.Count).OrderBy(i => diagnostics[i], DiagnosticOrdering.Instance).ThenBy(i => i).ToList();
        var seen = new Dictionary<string, int>();
        var expected = new string[diagnostics.Count];
        foreach (int i in order)
        {
            var d = diagnostics[i];
            string? flagged = SarifFingerprint.HashesFlaggedText(d.Descriptor) ? d.Location.Text.ToString(d.Location.Span) : null;
            string identity = paths[i] + "|" + d.Id + "|" + d.OwnerPath + "|" + flagged;
            seen.TryGetValue(identity, out int occurrence);
            seen[identity] = occurrence + 1;
            expected[i] = SarifFingerprint.Compute(d.Id, paths[i], d.OwnerPath, flagged, occurrence);
        }
        actual.ShouldBe(expected);
        actual.Distinct().Count().ShouldBe(actual.Length, "identical findings are told apart by their occurrence");
    }
}
