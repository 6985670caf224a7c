using System.IO;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Tests.Support;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Flows;

/// <summary>
/// Every templated string of the shared corpora parses, except the few that are invalid on purpose, each
/// listed here with the reason. A new failure (or a listed one that starts parsing) fails the test.
/// </summary>
[TestClass]
public class CorpusParseTests
{
    // "relative/path.yaml :: property path" -> why it does not parse
    private static readonly Dictionary<string, string> KnownInvalid = new(StringComparer.Ordinal)
    {
        ["kestra-docs/docs-how-to-guides-alerting-2.yaml :: triggers[0].when"] =
            "`x in [...]`: Pebble as Kestra configures it has no `in` operator (Kestra's own is `isIn`); a docs example that would fail",
        ["kestra-docs/docs-how-to-guides-github-repo-backup-2.yaml :: tasks[1].values"] =
            "`| internalStorage.get()`: no such filter, and a filter call cannot take an attribute after it; a mistake in the docs",
        ["kestra-tests/valids/flowable-with-parent-fail.yaml :: tasks[0].tasks[0].tasks[0].condition"] =
            "a `{% for %}` tag inside `{{ }}`: Kestra's test flow fails on purpose (its name says so); Kestra does not validate Pebble when saving",
    };

    [TestMethod]
    public void Every_templated_string_in_the_corpora_parses()
    {
        var failures = new SortedDictionary<string, string>(StringComparer.Ordinal);
        int files = 0, flows = 0, sites = 0;
        foreach (var path in TestPaths.CorpusYamlFiles())
        {
            files++;
            string relative = Path.GetRelativePath(TestPaths.Corpus, path).Replace('\\', '/');
            if (!SourceText.TryDecode(File.ReadAllBytes(path), relative, out var text, out _)) continue;
            var stream = Kestra.FlowLint.Yaml.YamlParser.Parse(text!);
            foreach (var document in stream.Documents)
            {
                if (DocumentClassifier.Classify(document) != DocumentKind.Flow) continue;
                flows++;
                var flow = FlowModelBuilder.Build(text!, stream, document);
                foreach (var site in flow.ExpressionSites)
                {
                    sites++;
                    if (site.Template!.HasErrors)
                    {
                        var error = site.Template.Errors[0];
                        failures[relative + " :: " + site.PropertyPath] = $"{error.Kind}: {error.Message}";
                    }
                }
            }
        }

        var unexpected = failures.Where(f => !KnownInvalid.ContainsKey(f.Key)).Select(f => f.Key + " -> " + f.Value).ToList();
        var nowValid = KnownInvalid.Keys.Where(k => !failures.ContainsKey(k)).ToList();
        unexpected.ShouldBeEmpty($"{unexpected.Count} templated strings failed to parse (of {sites} in {flows} flows, {files} files):\n" + string.Join("\n", unexpected));
        nowValid.ShouldBeEmpty("listed as invalid but parse now: " + string.Join(", ", nowValid));
        sites.ShouldBeGreaterThan(700, "the walk must reach the templates of every flow");
    }
}
