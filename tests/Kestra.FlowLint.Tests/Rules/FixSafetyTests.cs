using System.IO;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Tests.Support;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Rules;

/// <summary>
/// Every fix of every rule in the catalogue (including rules added later), applied alone to every text we have
/// (documented bad and good examples, the examples folder, the corpora): the finding it fixes goes away, no finding
/// appears, and nothing outside its edits changes.
/// </summary>
[TestClass]
public class FixSafetyTests
{
    [TestMethod]
    public void Every_fix_of_a_documented_example_or_an_example_file_removes_its_finding_and_adds_none()
    {
        var sources = new List<(string Name, string Text)>();
        foreach (var d in RuleCatalog.AllDescriptors())
        {
            if (d.BadExample is not null) sources.Add((d.Id + " bad example", d.BadExample));
            if (d.GoodExample is not null) sources.Add((d.Id + " good example", d.GoodExample));
        }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.SolutionFolder, "examples"), "*.y*ml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            sources.Add((Path.GetRelativePath(TestPaths.SolutionFolder, file), File.ReadAllText(file)));

        var (fixes, problems) = CheckAll(sources);
        problems.ShouldBeEmpty();
        fixes.ShouldBeGreaterThan(0, "the examples offer fixes (KF5001–KF5006 at least)");
    }

    [TestMethod]
    public void Every_fix_on_the_corpora_removes_its_finding_and_adds_none()
    {
        if (!Directory.Exists(TestPaths.Corpus)) Assert.Inconclusive("corpus not available");
        var sources = TestPaths.CorpusYamlFiles().Select(f => (Path.GetRelativePath(TestPaths.Corpus, f), File.ReadAllText(f))).ToList();
        var (fixes, problems) = CheckAll(sources);
        problems.ShouldBeEmpty();
        fixes.ShouldBeGreaterThan(0, "Kestra's own test flows use old type names");
    }

    [TestMethod]
    public void Applying_every_safe_fix_of_a_corpus_file_converges_and_only_removes_findings()
    {
        // What `check --fix` does to a file: all safe fixes, rounds until stable. The result must be stable after
        // one run (idempotent) and report, rule by rule, no more than before.
        if (!Directory.Exists(TestPaths.Corpus)) Assert.Inconclusive("corpus not available");
        var problems = new List<string>();
        int changedFiles = 0;
        foreach (var file in TestPaths.CorpusYamlFiles())
        {
            string name = Path.GetRelativePath(TestPaths.Corpus, file);
            var text = new SourceText(File.ReadAllText(file), "flow.yaml");
            var before = RuleVerifier.Analyze(text.Text);
            if (!before.Any(d => d.Fixes.Any(f => f.IsSafe))) continue;
            var result = FixApplier.ApplyIteratively(text, t => RuleVerifier.Analyze(t.Text));
            if (!result.IsStable) problems.Add(name + ": not stable after " + result.Passes + " rounds");
            if (!result.Changed) continue;
            changedFiles++;
            var after = RuleVerifier.Analyze(result.Text);
            foreach (var group in after.GroupBy(d => d.Id))
            {
                int was = before.Count(d => d.Id == group.Key);
                if (group.Count() > was) problems.Add($"{name}: {group.Key} went from {was} to {group.Count()}");
            }
            if (after.Any(d => d.Fixes.Any(f => f.IsSafe))) problems.Add(name + ": safe fixes left after --fix");
        }
        problems.ShouldBeEmpty();
        changedFiles.ShouldBeGreaterThan(0);
    }

    private static (int Fixes, List<string> Problems) CheckAll(IEnumerable<(string Name, string Text)> sources)
    {
        var problems = new List<string>();
        int fixes = 0;
        foreach (var (name, text) in sources)
        {
            var source = new SourceText(text, "flow.yaml");
            var before = RuleVerifier.Analyze(text);
            foreach (var finding in before)
            {
                foreach (var fix in finding.Fixes)
                {
                    fixes++;
                    string? problem = Check(source, before, finding, fix);
                    if (problem is not null) problems.Add($"{name}: {finding.Id} '{fix.Title}': {problem}");
                }
            }
        }
        return (fixes, problems);
    }

    private static string? Check(SourceText source, List<Diagnostic> before, Diagnostic finding, CodeFix fix)
    {
        var edits = fix.Edits.OrderBy(e => e.Span.Start).ToList();
        for (int i = 0; i < edits.Count; i++)
        {
            if (edits[i].Span.Start < 0 || edits[i].Span.End > source.Length) return "an edit is outside the text";
            if (i > 0 && edits[i].Span.Start < edits[i - 1].Span.End) return "its edits overlap";
        }
        string after = FixApplier.ApplyEdits(source.Text, edits);
        if (after == source.Text) return "it changes nothing";

        // Outside the edits, the text is byte for byte the same.
        int oldPos = 0, newPos = 0;
        foreach (var edit in edits)
        {
            int keep = edit.Span.Start - oldPos;
            if (string.CompareOrdinal(source.Text, oldPos, after, newPos, keep) != 0) return "text outside the edits changed";
            newPos += keep + edit.NewText.Replace("\r\n", "\n").Length; // LF test texts: new text is kept as written
            oldPos = edit.Span.End;
        }
        if (string.CompareOrdinal(source.Text, oldPos, after, newPos, int.MaxValue) != 0 || after.Length - newPos != source.Length - oldPos)
            return "text after the last edit changed";

        // Findings are matched by rule and position, positions before the fix mapped through its edits: a finding whose
        // span starts inside an edit (its message may quote the replaced text) is the one at that edit's new text.
        var regions = new List<(int OldStart, int OldEnd, int NewStart, int NewEnd)>();
        int delta = 0;
        foreach (var edit in edits)
        {
            int newStart = edit.Span.Start + delta;
            int newLength = edit.NewText.Replace("\r\n", "\n").Length;
            regions.Add((edit.Span.Start, edit.Span.End, newStart, newStart + newLength));
            delta += newLength - edit.Span.Length;
        }
        int MapOld(int offset)
        {
            int shift = 0;
            foreach (var r in regions)
            {
                if (offset < r.OldStart) break;
                if (offset < r.OldEnd || (offset == r.OldStart && r.OldStart == r.OldEnd)) return r.NewStart;
                shift = r.NewEnd - r.OldEnd;
            }
            return offset + shift;
        }
        int NormalizeNew(int offset)
        {
            foreach (var r in regions)
                if (offset >= r.NewStart && offset < r.NewEnd) return r.NewStart;
            return offset;
        }
        bool InsideInsertedText(int offset) => regions.Any(r => offset >= r.NewStart && offset < r.NewEnd);

        var remaining = RuleVerifier.Analyze(after);
        var expected = before.Where(d => !ReferenceEquals(d, finding)).Select(d => d.Id + "@" + MapOld(d.Location.Span.Start)).ToList();
        string fixedKey = finding.Id + "@" + MapOld(finding.Location.Span.Start);
        var newFindings = new List<string>();
        foreach (var d in remaining)
        {
            string key = d.Id + "@" + NormalizeNew(d.Location.Span.Start);
            if (expected.Remove(key)) continue;
            if (key == fixedKey) return "the finding is still reported: " + d.Message;
            // An editor-only fix inserts a suggestion the user reviews; other rules may judge that suggestion itself.
            if (!fix.IsSafe && d.Id != finding.Id && InsideInsertedText(d.Location.Span.Start)) continue;
            newFindings.Add(d.Id + ": " + d.Message);
        }
        if (newFindings.Count > 0) return "new findings: " + string.Join("; ", newFindings);
        return null;
    }
}
