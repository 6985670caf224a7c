using System.IO;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Tests.Yaml;

internal static class YamlTestHelpers
{
    public static YamlStream Parse(string yaml, YamlParseOptions? options = null) =>
        YamlParser.Parse(new SourceText(yaml), options);

    /// <summary>A span as 1-based "line:col-line:col", the way diagnostics print it.</summary>
    public static string At(this YamlStream stream, TextSpan span) =>
        stream.Text.GetLinePositionSpan(span).ToString();

    public static string At(this YamlStream stream, YamlNode node) => stream.At(node.Span);

    public static string Source(this YamlStream stream, TextSpan span) => stream.Text.ToString(span);

    public static YamlNode Root(this YamlStream stream) => stream.Documents.Single().Root!;

    /// <summary>Follows a path of mapping keys and sequence indexes ("tasks", 0, "id").</summary>
    public static YamlNode Get(this YamlNode node, params object[] path)
    {
        foreach (var step in path)
        {
            node = step switch
            {
                string key => ((YamlMapping)node.Resolve()).GetValue(key) ?? throw new KeyNotFoundException(key),
                int index => ((YamlSequence)node.Resolve()).Items[index],
                _ => throw new ArgumentException("bad path step"),
            };
        }
        return node;
    }

    public static YamlScalar Scalar(this YamlNode node, params object[] path) => (YamlScalar)node.Get(path);

    /// <summary>The source text that a part of a scalar's value (found by its text) maps to.</summary>
    public static string SourceOf(this YamlStream stream, YamlScalar scalar, string part, int occurrence = 0)
    {
        int index = -1;
        for (int k = 0; k <= occurrence; k++)
            index = scalar.Value.IndexOf(part, index + 1, StringComparison.Ordinal);
        index.ShouldBeGreaterThanOrEqualTo(0, $"'{part}' not in value '{scalar.Value}'");
        return stream.Source(scalar.MapToSource(index, part.Length));
    }

    /// <summary>Every node of the stream (keys included), without following aliases; iterative.</summary>
    public static IEnumerable<YamlNode> AllNodes(this YamlStream stream)
    {
        var stack = new Stack<YamlNode>();
        foreach (var document in stream.Documents)
        {
            if (document.Root != null)
                stack.Push(document.Root);
        }
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            switch (node)
            {
                case YamlMapping mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        stack.Push(entry.Value);
                        stack.Push(entry.Key);
                    }
                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                        stack.Push(item);
                    break;
            }
        }
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "Kestra.FlowLint.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Kestra.FlowLint.sln not found above " + AppContext.BaseDirectory);
    }

    public static IReadOnlyList<string> CorpusFiles()
    {
        var corpus = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "corpus"));
        return Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
    }
}
