using System;
using System.Collections.Generic;
using System.IO;

namespace Kestra.FlowLint.Benchmarks;

/// <summary>Loads ../shared/corpus (found by walking up to the solution folder) once, as text.</summary>
internal static class Corpus
{
    public static string SolutionFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kestra.FlowLint.sln"))) return dir.FullName;
        throw new InvalidOperationException("Kestra.FlowLint.sln not found above " + AppContext.BaseDirectory);
    }

    public static List<(string Path, string Text)> LoadYaml()
    {
        string root = Path.GetFullPath(Path.Combine(SolutionFolder(), "..", "shared", "corpus"));
        var files = new List<string>();
        foreach (var pattern in new[] { "*.yml", "*.yaml" })
            files.AddRange(Directory.GetFiles(root, pattern, SearchOption.AllDirectories));
        files.Sort(StringComparer.Ordinal);
        var result = new List<(string, string)>();
        foreach (var f in files) result.Add((f, File.ReadAllText(f)));
        return result;
    }
}
