using System.IO;

namespace Kestra.FlowLint.Tests.Knowledge;

/// <summary>Finds the shared corpus beside the repository, wherever the tests run from.</summary>
internal static class CorpusLocator
{
    public static string CorpusRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Kestra.FlowLint.sln")))
                dir = dir.Parent;
            if (dir == null) throw new InvalidOperationException("Kestra.FlowLint.sln not found above " + AppContext.BaseDirectory);
            var corpus = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus"));
            if (!Directory.Exists(corpus)) throw new InvalidOperationException("Corpus not found at " + corpus);
            return corpus;
        }
    }

    public static IEnumerable<string> YamlFiles(string relativeFolder)
    {
        var folder = Path.Combine(CorpusRoot, relativeFolder);
        return Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal);
    }
}
