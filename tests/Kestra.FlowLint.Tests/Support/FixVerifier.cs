using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Support;

/// <summary>
/// Fix fixtures: lint <c>before</c> with every rule, apply the fixes of one rule (all its findings' first fix), and
/// compare with <c>after</c> character for character. Then lint <c>after</c>: that rule's fixed findings must be gone,
/// and every other finding must be the same as before (same id, message and text at its span), so a fix can neither
/// hide nor cause another problem.
/// </summary>
internal static class FixVerifier
{
    /// <summary>Applies every fix of <paramref name="id"/> (safe or not) and checks the result; returns the fixes applied.</summary>
    public static IReadOnlyList<AppliedFix> Verify(string before, string id, string after, string path = "flow.yaml") =>
        VerifyCore(before, id, after, path, safeOnly: false);

    /// <summary>As <see cref="Verify"/>, applying only the fixes `check --fix` applies (safe ones).</summary>
    public static IReadOnlyList<AppliedFix> VerifySafe(string before, string id, string after, string path = "flow.yaml") =>
        VerifyCore(before, id, after, path, safeOnly: true);

    /// <summary>Asserts that the findings of <paramref name="id"/> offer no fix at all.</summary>
    public static void VerifyNoFix(string text, string id, string path = "flow.yaml")
    {
        var findings = RuleVerifier.Analyze(text, path).Where(d => d.Id == id).ToList();
        findings.ShouldNotBeEmpty($"{id} should report something here");
        findings.Where(d => d.Fixes.Count > 0).Select(d => d.Message).ShouldBeEmpty($"{id} should not offer a fix here");
    }

    private static IReadOnlyList<AppliedFix> VerifyCore(string before, string id, string after, string path, bool safeOnly)
    {
        var beforeText = new SourceText(before, path);
        var all = RuleVerifier.Analyze(before, path);
        var targeted = all.Where(d => d.Id == id && d.Fixes.Count > 0).ToList();
        targeted.ShouldNotBeEmpty($"{id} offers no fix on this text; findings: {Describe(all)}");

        var result = FixApplier.ApplyIteratively(beforeText, text =>
            RuleVerifier.Analyze(text.Text, path).Where(d => d.Id == id).ToList(), safeOnly: safeOnly);
        result.Text.ShouldBe(after, "the fixed text differs");
        result.IsStable.ShouldBeTrue();

        var remaining = RuleVerifier.Analyze(after, path);
        var afterText = new SourceText(after, path);
        // What the rule still reports is exactly what it reported without an applicable fix: every fixed finding is gone.
        var expectedLeft = all.Where(d => d.Id == id && !d.Fixes.Any(f => !safeOnly || f.IsSafe)).Select(d => Key(d, beforeText))
            .OrderBy(s => s, StringComparer.Ordinal).ToList();
        remaining.Where(d => d.Id == id).Select(d => Key(d, afterText)).OrderBy(s => s, StringComparer.Ordinal).ToList()
            .ShouldBe(expectedLeft, $"after its fixes {id} should only report what it could not fix");

        // Every other finding survives unchanged (compared without positions: the fix may shift columns).
        var otherBefore = all.Where(d => d.Id != id).Select(d => Key(d, beforeText)).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var otherAfter = remaining.Where(d => d.Id != id).Select(d => Key(d, afterText)).OrderBy(s => s, StringComparer.Ordinal).ToList();
        otherAfter.ShouldBe(otherBefore, "the fix changed other rules' findings");
        return result.Applied;
    }

    /// <summary>A finding without its position: id, message and the text it points at.</summary>
    public static string Key(Diagnostic d, SourceText text) =>
        d.Id + " | " + d.Message + " | " + (d.Location.Span.End <= text.Length ? text.ToString(d.Location.Span) : "?");

    private static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join("; ", diagnostics.Select(d => d.Id + ": " + d.Message));
}
