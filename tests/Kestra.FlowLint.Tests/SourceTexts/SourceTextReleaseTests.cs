using System.IO;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.SourceTexts;

/// <summary>
/// A released text (the CLI lets go of each file once it is analysed) reads the same when a report needs it again,
/// and never shows content that changed in between.
/// </summary>
[TestClass]
public class SourceTextReleaseTests
{
    private const string Flow = "id: hello\r\nnamespace: company.team\ntasks: []\r";

    [TestMethod]
    public void ReleasedTextIsReadAgainOnlyWhenAsked()
    {
        var text = new SourceText(Flow, "flow.yaml");
        int reads = 0;
        text.Release(() => { reads++; return Flow; });
        reads.ShouldBe(0);
        text.Length.ShouldBe(Flow.Length);
        text.LineCount.ShouldBe(4);
        text.GetLinePosition(14).ShouldBe(new LinePosition(1, 3));
        reads.ShouldBe(0);

        text.ToString(new TextSpan(11, 9)).ShouldBe("namespace");
        text.GetLineText(2).ToString().ShouldBe("tasks: []");
        text.Text.ShouldBe(Flow);
        reads.ShouldBe(1);
    }

    [TestMethod]
    public void KeptSpansAreAnsweredWithoutReadingTheFileAgain()
    {
        string flow = Flow + "\n# " + new string('x', SourceText.MaxKeptSpanLength);
        var text = new SourceText(flow, "flow.yaml");
        int reads = 0;
        var tooLong = new TextSpan(Flow.Length + 1, SourceText.MaxKeptSpanLength + 1);
        text.Release(() => { reads++; return flow.Replace("hello", "HELLO"); },
            new[] { new TextSpan(4, 5), new TextSpan(11, 9), new TextSpan(11, 9), new TextSpan(0, 0), tooLong });

        text.ToString(new TextSpan(4, 5)).ShouldBe("hello");
        text.ToString(new TextSpan(11, 9)).ShouldBe("namespace");
        reads.ShouldBe(0, "both spans were kept at release");

        // Any other span reads the file; it changed since, so it reads as blanks, while kept spans keep the original.
        text.ToString(new TextSpan(11, 4)).ShouldBe("    ");
        reads.ShouldBe(1);
        text.ToString(new TextSpan(4, 5)).ShouldBe("hello");
        text.ToString(tooLong).Trim().ShouldBeEmpty("longer spans are not kept: read again, and blank since the file changed");
        reads.ShouldBe(1);
    }

    [TestMethod]
    public void A_released_text_answers_every_position_as_before_release()
    {
        // Line lengths that take one, two and three bytes packed, every kind of line break, an empty last line,
        // and texts read in turn on one thread (the unpacked index is kept for one text at a time).
        var random = new Random(7);
        string[] breaks = { "\n", "\r\n", "\r" };
        var texts = new List<(SourceText Released, SourceText Kept)>();
        foreach (int lines in new[] { 1, 2, 3, 130, 700 })
        {
            var builder = new System.Text.StringBuilder();
            for (int line = 0; line < lines; line++)
            {
                int length = random.Next(10) switch { 0 => 200, 1 => 20_000, 2 => 0, _ => random.Next(1, 90) };
                builder.Append('x', length).Append(breaks[random.Next(breaks.Length)]);
            }
            string content = builder.ToString();
            var released = new SourceText(content, $"f{lines}.yaml");
            released.Release(() => content);
            texts.Add((released, new SourceText(content)));
        }
        texts.Add((Released(""), new SourceText("")));
        for (int round = 0; round < 2; round++)
        {
            foreach (var (released, kept) in texts)
            {
                released.LineCount.ShouldBe(kept.LineCount);
                for (int line = 0; line < kept.LineCount; line++)
                {
                    released.GetLineStart(line).ShouldBe(kept.GetLineStart(line));
                    released.GetLineEnd(line).ShouldBe(kept.GetLineEnd(line));
                }
                for (int offset = -1; offset <= kept.Length + 1; offset += 1 + random.Next(97))
                {
                    released.GetLinePosition(offset).ShouldBe(kept.GetLinePosition(offset));
                    released.GetLineFromOffset(offset).ShouldBe(kept.GetLineFromOffset(offset));
                }
                released.GetOffset(new LinePosition(kept.LineCount - 1, 5)).ShouldBe(kept.GetOffset(new LinePosition(kept.LineCount - 1, 5)));
                Should.Throw<ArgumentOutOfRangeException>(() => released.GetLineStart(kept.LineCount));
            }
        }

        static SourceText Released(string content)
        {
            var text = new SourceText(content, "empty.yaml");
            text.Release(() => content);
            return text;
        }
    }

    [TestMethod]
    public void ChangedFileReadsAsBlanksWithTheSameLineStarts()
    {
        var text = new SourceText(Flow, "flow.yaml");
        text.Release(() => Flow.Replace("hello", "HELLO"));
        text.Text.Length.ShouldBe(Flow.Length);
        text.Text.Trim().Replace("\n", "").Trim().ShouldBeEmpty();
        for (int line = 0; line < text.LineCount; line++) text.GetLineStart(line).ShouldBe(new SourceText(Flow).GetLineStart(line));
        text.Text.ShouldNotContain("HELLO");
    }

    [TestMethod]
    public void UnreadableOrShorterFileReadsAsBlanks()
    {
        var gone = new SourceText(Flow, "gone.yaml");
        gone.Release(() => throw new System.IO.FileNotFoundException());
        gone.Text.Length.ShouldBe(Flow.Length);
        gone.Text.ShouldNotContain("namespace");

        var shorter = new SourceText(Flow, "short.yaml");
        shorter.Release(() => "id: x");
        shorter.Text.Length.ShouldBe(Flow.Length);
    }

    [TestMethod]
    public void OnlyAFewReloadedTextsStayInMemory()
    {
        var texts = new List<SourceText>();
        var reads = new int[10];
        for (int i = 0; i < 10; i++)
        {
            int n = i;
            var text = new SourceText(Flow, $"f{i}.yaml");
            text.Release(() => { reads[n]++; return Flow; });
            texts.Add(text);
        }
        foreach (var text in texts) text.Text.ShouldBe(Flow);
        // Reading the first again after nine others: it was let go, so it is read a second time.
        texts[0].Text.ShouldBe(Flow);
        reads[0].ShouldBe(2);
        // The last one read is still held.
        texts[9].Text.ShouldBe(Flow);
        reads[9].ShouldBe(1);
    }

    [TestMethod]
    public void CheckReleasesFilesAndStillPrintsExactFrames()
    {
        // End to end through the CLI: frames and SARIF snippets come from the file read again.
        var dir = Directory.CreateTempSubdirectory("flowlint-release");
        try
        {
            // More files than check keeps in memory (16), so the texts are released and read again for the frames.
            for (int i = 0; i < 20; i++)
                File.WriteAllText(Path.Combine(dir.FullName, $"f{i:D2}.yaml"), $"id: f{i}\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{{{ secret('TOKEN') }}}}\"\n");
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int exit = Kestra.FlowLint.Cli.Program.Run(new[] { "check", dir.FullName, "--no-color" }, TextReader.Null, stdout, stderr);
            exit.ShouldBe(1);
            for (int i = 0; i < 20; i++) stdout.ToString().ShouldContain($"f{i:D2}.yaml:6:18: error[KF1001]");
            // Every finding's frame shows the flow's line.
            System.Text.RegularExpressions.Regex.Matches(stdout.ToString(), "message: \"\\{\\{ secret\\('TOKEN'\\) \\}\\}\"").Count.ShouldBe(20);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
