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
}
