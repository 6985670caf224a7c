using Kestra.FlowLint.Configuration;

namespace Kestra.FlowLint.Tests.Configuration;

[TestClass]
public class DidYouMeanTests
{
    [TestMethod]
    [DataRow("ruls", "rules")]
    [DataRow("category", "categories")]
    [DataRow("Exclude", "exclude")]
    [DataRow("inlcude", "include")]        // a transposition is one edit
    [DataRow("x", null)]
    [DataRow("severities", null)]
    public void Suggests_only_close_words(string word, string? expected) =>
        DidYouMean.Closest(word, ConfigurationParser.RootKeys).ShouldBe(expected);

    [TestMethod]
    public void Close_candidates_come_closest_first_and_ties_keep_their_order()
    {
        var names = new[] { "max", "min", "range", "now" };
        DidYouMean.CloseCandidates("mix", names).ShouldBe(new[] { "max", "min" });
        DidYouMean.CloseCandidates("rnage", names).ShouldBe(new[] { "range" });
        DidYouMean.CloseCandidates("frobnicate", names).ShouldBeEmpty();
        DidYouMean.CloseCandidates("raneg", new[] { "ranges", "range" }).ShouldBe(new[] { "range", "ranges" });
    }
}
