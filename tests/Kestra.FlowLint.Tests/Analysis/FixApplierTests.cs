using System.Text;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Reporting;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Analysis;

[TestClass]
public class FixApplierTests
{
    private static readonly DiagnosticDescriptor Descriptor = new("KF5999", "test", "test {0}", "Deprecations", DiagnosticSeverity.Warning, "test");

    private static Diagnostic Finding(SourceText text, string title, bool safe, params (int Start, int Length, string New)[] edits) =>
        Diagnostic.Create(Descriptor, new Location(text, new TextSpan(edits.Length == 0 ? 0 : edits[0].Start, 0)), null,
            new[] { new CodeFix(title, edits.Select(e => new TextEdit(new TextSpan(e.Start, e.Length), e.New)).ToList(), safe) }, null, title);

    [TestMethod]
    public void Applies_several_fixes_in_one_file_whatever_their_order()
    {
        var text = new SourceText("aaa bbb ccc");
        var result = FixApplier.Apply(text, new[] { Finding(text, "c", true, (8, 3, "C")), Finding(text, "a", true, (0, 3, "A")) });
        result.Text.ShouldBe("A bbb C");
        result.Applied.Select(f => f.Fix.Title).ShouldBe(new[] { "a", "c" }, "applied in text order");
    }

    [TestMethod]
    public void Overlapping_fix_of_another_finding_is_skipped_in_that_round()
    {
        var text = new SourceText("aaa bbb");
        var result = FixApplier.Apply(text, new[] { Finding(text, "first", true, (0, 5, "X")), Finding(text, "second", true, (4, 3, "Y")) });
        result.Text.ShouldBe("Xbb");
        result.Skipped.Single().Fix.Title.ShouldBe("second");
    }

    [TestMethod]
    public void Insertions_at_one_point_conflict_but_touching_replacements_do_not()
    {
        var text = new SourceText("abcd");
        FixApplier.Apply(text, new[] { Finding(text, "1", true, (2, 0, "x")), Finding(text, "2", true, (2, 0, "y")) }).Text.ShouldBe("abxcd");
        FixApplier.Apply(text, new[] { Finding(text, "1", true, (0, 2, "X")), Finding(text, "2", true, (2, 2, "Y")) }).Text.ShouldBe("XY");
        FixApplier.Apply(text, new[] { Finding(text, "1", true, (0, 4, "X")), Finding(text, "2", true, (2, 0, "y")) }).Skipped.Count.ShouldBe(1);
    }

    [TestMethod]
    public void Unsafe_fixes_are_left_alone_unless_asked_for()
    {
        var text = new SourceText("secret");
        FixApplier.Apply(text, new[] { Finding(text, "u", false, (0, 6, "x")) }).Changed.ShouldBeFalse();
        FixApplier.Apply(text, new[] { Finding(text, "u", false, (0, 6, "x")) }, safeOnly: false).Text.ShouldBe("x");
    }

    [TestMethod]
    public void The_same_edit_offered_by_two_findings_is_applied_once()
    {
        var text = new SourceText("old old");
        var result = FixApplier.Apply(text, new[] { Finding(text, "a", true, (0, 3, "new")), Finding(text, "b", true, (0, 3, "new")) });
        result.Text.ShouldBe("new old");
        result.Applied.Count.ShouldBe(1);
        result.Skipped.ShouldBeEmpty();
    }

    [TestMethod]
    public void A_fix_whose_own_edits_overlap_or_leave_the_text_is_never_applied()
    {
        var text = new SourceText("abc");
        FixApplier.Apply(text, new[] { Finding(text, "bad", true, (0, 2, "x"), (1, 2, "y")) }).Changed.ShouldBeFalse();
        FixApplier.Apply(text, new[] { Finding(text, "out", true, (2, 5, "x")) }).Changed.ShouldBeFalse();
    }

    [TestMethod]
    public void Line_breaks_in_new_text_follow_the_file()
    {
        FixApplier.ApplyEdits("a\r\nb\r\n", new[] { new TextEdit(new TextSpan(3, 1), "x\ny") }).ShouldBe("a\r\nx\r\ny\r\n");
        FixApplier.ApplyEdits("a\nb\n", new[] { new TextEdit(new TextSpan(2, 1), "x\r\ny") }).ShouldBe("a\nx\ny\n");
        FixApplier.DetectNewLine("no break").ShouldBe("\n");
    }

    [TestMethod]
    public void Crlf_file_keeps_every_line_ending_when_a_rule_fix_applies()
    {
        string before = "id: hello\r\nnamespace: company.team\r\ntasks:\r\n  - id: log\r\n    type: io.kestra.core.tasks.log.Log\r\n    message: Hi\r\n";
        var text = new SourceText(before, "flow.yaml");
        var result = FixApplier.ApplyIteratively(text, t => Support.RuleVerifier.Analyze(t.Text).Where(d => d.Id == "KF5001").ToList());
        result.Text.ShouldBe(before.Replace("io.kestra.core.tasks.log.Log", "io.kestra.plugin.core.log.Log"));
    }

    [TestMethod]
    public void Encoding_and_bom_are_kept()
    {
        var bom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("é")).ToArray();
        FixApplier.EncodeLike(bom, "è").ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("è")).ToArray());
        FixApplier.EncodeLike(Encoding.UTF8.GetBytes("é"), "è").ShouldBe(Encoding.UTF8.GetBytes("è"));
        var utf16 = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("a")).ToArray();
        FixApplier.EncodeLike(utf16, "b").ShouldBe(new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("b")).ToArray());
        var utf16be = new byte[] { 0xFE, 0xFF }.Concat(Encoding.BigEndianUnicode.GetBytes("a")).ToArray();
        FixApplier.EncodeLike(utf16be, "b").ShouldBe(new byte[] { 0xFE, 0xFF }.Concat(Encoding.BigEndianUnicode.GetBytes("b")).ToArray());
    }

    [TestMethod]
    public void Iterating_applies_skipped_fixes_against_the_new_text_and_stops_when_stable()
    {
        // Every "aa" is a finding fixed to "a": in "aaaa" the fix at 1 overlaps the one at 0 and waits for round two.
        static IReadOnlyList<Diagnostic> Lint(SourceText t)
        {
            var list = new List<Diagnostic>();
            for (int i = t.Text.IndexOf("aa", StringComparison.Ordinal); i >= 0; i = t.Text.IndexOf("aa", i + 1, StringComparison.Ordinal))
                list.Add(Finding(t, "aa@" + i, true, (i, 2, "a")));
            return list;
        }
        var first = FixApplier.Apply(new SourceText("aaaa"), Lint(new SourceText("aaaa")));
        first.Text.ShouldBe("aa");
        first.Skipped.Single().Fix.Title.ShouldBe("aa@1");
        var result = FixApplier.ApplyIteratively(new SourceText("aaaa"), Lint);
        result.Text.ShouldBe("a");
        result.Applied.Count.ShouldBe(3);
        result.IsStable.ShouldBeTrue();
        FixApplier.ApplyIteratively(new SourceText(result.Text), Lint).Changed.ShouldBeFalse("idempotent: a fixed text has nothing left to fix");
    }

    [TestMethod]
    public void A_fix_that_never_converges_stops_at_the_pass_limit()
    {
        var result = FixApplier.ApplyIteratively(new SourceText("x"), t => new[] { Finding(t, "grow", true, (0, 0, "x")) }, maxPasses: 3);
        result.Text.ShouldBe("xxxx");
        result.IsStable.ShouldBeFalse();
        result.Passes.ShouldBe(3);
    }

    [TestMethod]
    public void Unified_diff_has_hunks_with_context_and_exact_ranges()
    {
        string before = string.Join("\n", Enumerable.Range(1, 12).Select(i => "line" + i)) + "\n";
        string after = before.Replace("line2\n", "LINE2\n").Replace("line11\n", "LINE11\n");
        UnifiedDiff.Create(before, after, "a/f.yaml", "b/f.yaml").ShouldBe(
            "--- a/f.yaml\n+++ b/f.yaml\n" +
            "@@ -1,5 +1,5 @@\n line1\n-line2\n+LINE2\n line3\n line4\n line5\n" +
            "@@ -8,5 +8,5 @@\n line8\n line9\n line10\n-line11\n+LINE11\n line12\n");
        UnifiedDiff.Create("a\n", "a\n", "x", "y").ShouldBeEmpty();
        UnifiedDiff.Create("a", "b", "x", "y").ShouldBe("--- x\n+++ y\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n");
    }
}
