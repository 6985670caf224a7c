using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Enumeration;

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
            // The directory listing says which entries are folders (and links): asking the file system about each
            // entry again was one system call per file of the run.
            IEnumerable<Entry> entries;
            try { entries = new FileSystemEnumerable<Entry>(current, ToEntry, AllEntries); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { continue; }
            foreach (var entry in entries)
            {
                if (entry.IsFolder)
                {
                    if (entry.Name.StartsWith(".", StringComparison.Ordinal) || SkippedFolders.Contains(entry.Name)) continue;
                    // Do not follow symbolic links to folders: they can form cycles.
                    if (entry.IsLink) continue;
                    stack.Push(entry.Path);
                }
                else if (entry.Name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || entry.Name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
                {
                    into.Add(entry.Path);
                }
            }
        }
    }

    private readonly record struct Entry(string Path, string Name, bool IsFolder, bool IsLink);

    // A folder entry is a folder or a link to one, as Directory.Exists would say; hidden entries are listed too.
    // Only folders are asked whether they are links: the attributes of an entry cost a system call.
    private static Entry ToEntry(ref FileSystemEntry entry) =>
        new(entry.ToFullPath(), entry.FileName.ToString(), entry.IsDirectory, entry.IsDirectory && (entry.Attributes & FileAttributes.ReparsePoint) != 0);

    private static readonly EnumerationOptions AllEntries = new() { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false };

    /// <summary>The path as reported: relative to the current folder, with '/' separators.</summary>
    public static string DisplayPath(string fullPath) => DisplayPath(Directory.GetCurrentDirectory(), fullPath);

    /// <summary>
    /// <see cref="DisplayPath(string)"/> with the current folder read once, for a run that reports many files
    /// (reading it is a system call).
    /// </summary>
    public static Func<string, string> DisplayPathsFrom(string currentFolder) => fullPath => DisplayPath(currentFolder, fullPath);

    private static string DisplayPath(string currentFolder, string fullPath) =>
        Path.GetRelativePath(currentFolder, fullPath).Replace('\\', '/');
}
