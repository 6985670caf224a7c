using System.IO;

namespace Kestra.FlowLint.Tests.Support;

/// <summary>Where the repository and the shared reference material are, found from the test binaries.</summary>
internal static class TestPaths
{
    private static string? _solution;

    public static string SolutionFolder
    {
        get
        {
            if (_solution is not null) return _solution;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Kestra.FlowLint.sln"))) return _solution = dir.FullName;
            }
            throw new InvalidOperationException("Kestra.FlowLint.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Shared => Path.GetFullPath(Path.Combine(SolutionFolder, "..", "shared"));
    public static string Corpus => Path.Combine(Shared, "corpus");

    public static IEnumerable<string> CorpusYamlFiles() =>
        Directory.EnumerateFiles(Corpus, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal);
}
