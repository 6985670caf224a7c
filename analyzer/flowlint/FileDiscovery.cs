using System;
using System.Collections.Generic;
using System.IO;

namespace Kestra.FlowLint.Cli;

/// <summary>Finds the YAML files under the paths given on the command line, in a stable order.</summary>
internal static class FileDiscovery
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { "node_modules", "bin", "obj" };

    /// <summary>Expands folders into their *.yml / *.yaml files; explicit files are kept whatever their extension.</summary>
    public static List<string> Expand(IEnumerable<string> paths, List<string> missing)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                string full = Path.GetFullPath(path);
                if (seen.Add(full)) files.Add(full);
            }
            else if (Directory.Exists(path))
            {
                var found = new List<string>();
                Walk(Path.GetFullPath(path), found);
                found.Sort(StringComparer.Ordinal);
                foreach (var f in found)
                    if (seen.Add(f)) files.Add(f);
            }
            else
            {
                missing.Add(path);
            }
        }
        return files;
    }

    private static void Walk(string folder, List<string> into)
    {
        // An explicit stack: a deep folder tree must not be able to overflow anything.
        var stack = new Stack<string>();
        stack.Push(folder);
        while (stack.Count > 0)
        {
            string current = stack.Pop();
            IEnumerable<string> entries;
            try { entries = Directory.EnumerateFileSystemEntries(current); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { continue; }
            foreach (var entry in entries)
            {
                string name = Path.GetFileName(entry);
                if (Directory.Exists(entry))
                {
                    if (name.StartsWith(".", StringComparison.Ordinal) || SkippedFolders.Contains(name)) continue;
                    // Do not follow symbolic links to folders: they can form cycles.
                    try { if ((File.GetAttributes(entry) & FileAttributes.ReparsePoint) != 0) continue; }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { continue; }
                    stack.Push(entry);
                }
                else if (name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
                {
                    into.Add(entry);
                }
            }
        }
    }

    /// <summary>The path as reported: relative to the current folder, with '/' separators.</summary>
    public static string DisplayPath(string fullPath)
    {
        string relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        return relative.Replace('\\', '/');
    }
}
