using System.Text;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Pebble;
using Kestra.FlowLint.Tests.Support;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Flows;

/// <summary>
/// The foundation's acceptance: the exact 1-based line:column of the `secret` name inside `{{ secret('X') }}`
/// in each of the five YAML scalar styles, with LF, CRLF and a UTF-8 byte order mark.
/// </summary>
[TestClass]
public class ScalarStylePositionTests
{
    private const string Flow = """
        id: styles
        namespace: company.team
        tasks:
          - id: plain
            type: io.kestra.plugin.core.log.Log
            message: a {{ secret('X') }}
          - id: single
            type: io.kestra.plugin.core.log.Log
            message: 'it''s {{ secret(''X'') }}'
          - id: double
            type: io.kestra.plugin.core.log.Log
            message: "caf\u00e9\t\"{{ secret(\"X\") }}\""
          - id: literal
            type: io.kestra.plugin.core.log.Log
            message: |
              first
                {{ secret('X') }}
          - id: folded
            type: io.kestra.plugin.core.log.Log
            message: >-
              folded
              line {{ secret('X') }}
        """;

    // task id -> 1-based line:col of the `secret` name in the file
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["plain"] = "6:19",
        ["single"] = "9:24",
        ["double"] = "12:31",
        ["literal"] = "17:12",
        ["folded"] = "22:15",
    };

    [TestMethod]
    [DataRow("LF")]
    [DataRow("CRLF")]
    [DataRow("BOM+CRLF")]
    [DataRow("BOM")]
    public void Secret_name_position_in_each_scalar_style(string variant)
    {
        string yaml = variant.Contains("CRLF") ? Flow.Replace("\n", "\r\n") : Flow;
        byte[] bytes = Encoding.UTF8.GetBytes(yaml);
        if (variant.StartsWith("BOM", StringComparison.Ordinal)) bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(bytes).ToArray();
        SourceText.TryDecode(bytes, "styles.yaml", out var text, out _).ShouldBeTrue();

        var stream = Kestra.FlowLint.Yaml.YamlParser.Parse(text!);
        stream.Errors.ShouldBeEmpty();
        var flow = FlowModelBuilder.Build(text!, stream, stream.Documents.Single());

        var found = new Dictionary<string, string>();
        foreach (var site in flow.ExpressionSites)
        {
            var call = site.Template!.DescendantNodes().OfType<FunctionCallExpression>().Single(c => c.Name == "secret");
            var span = site.MapToSource(call.NameSpan);
            text!.ToString(span).ShouldBe("secret");
            found[site.Task!.Id!] = FlowTestHelper.Position(text, span.Start);
        }
        found.ShouldBe(Expected);
    }

    [TestMethod]
    public void Findings_land_on_the_same_columns_through_the_whole_pipeline()
    {
        var driver = new AnalysisDriver(Kestra.FlowLint.Rules.RuleCatalog.CreateAnalyzers());
        var lf = driver.AnalyzeText(new SourceText(Flow, "lf.yaml")).Diagnostics.Where(d => d.Id == "KF1001").Select(d => d.Location.LineSpan).ToList();
        var crlf = driver.AnalyzeText(new SourceText(Flow.Replace("\n", "\r\n"), "crlf.yaml")).Diagnostics.Where(d => d.Id == "KF1001").Select(d => d.Location.LineSpan).ToList();
        lf.Count.ShouldBe(5);
        crlf.ShouldBe(lf);
        lf.Select(s => $"{s.Start.Line + 1}:{s.Start.Character + 1}").ShouldBe(Expected.Values);
    }
}
