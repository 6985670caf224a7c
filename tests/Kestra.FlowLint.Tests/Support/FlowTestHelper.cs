using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Tests.Support;

internal static class FlowTestHelper
{
    public static FlowDocument Flow(string yaml, string path = "flow.yaml")
    {
        var text = new SourceText(yaml, path);
        var stream = YamlParser.Parse(text);
        stream.Errors.ShouldBeEmpty();
        var document = stream.Documents.Single(d => DocumentClassifier.Classify(d) == DocumentKind.Flow);
        return FlowModelBuilder.Build(text, stream, document);
    }

    /// <summary>"line:col" (1-based) of an offset, the way findings are printed.</summary>
    public static string Position(SourceText text, int offset)
    {
        var p = text.GetLinePosition(offset);
        return $"{p.Line + 1}:{p.Character + 1}";
    }
}
