using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Kestra.FlowLint.Reporting;

/// <summary>
/// The folder SARIF locations, GitHub annotations and fingerprints are relative to: the git work tree that
/// holds the analysed files (found by walking up to a `.git` folder or file, without running git), else the
/// current folder. Relative paths are what GitHub code scanning needs, and what makes a baseline portable
/// between a laptop and CI.
/// </summary>
public static class RepositoryRoot
{
    /// <summary>The work tree root above <paramref name="path"/> (a file or folder), or null when it is in none.</summary>
    public static string? FindGitRoot(string path)
    {
        string? dir = Path.GetFullPath(path);
        if (!Directory.Exists(dir)) dir = Path.GetDirectoryName(dir);
        for (; !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            // A folder in an ordinary clone; a file ("gitdir: ...") in a worktree or a submodule.
            string git = Path.Combine(dir!, ".git");
            if (Directory.Exists(git) || File.Exists(git)) return dir!;
        }
        return null;
    }

    /// <summary>
    /// The root for a run over <paramref name="inputs"/>: their common git work tree when they all sit in the
    /// same one, else <paramref name="currentDirectory"/>.
    /// </summary>
    public static string Resolve(IReadOnlyList<string> inputs, string currentDirectory)
    {
        string? common = null;
        if (inputs.Count == 0) return FindGitRoot(currentDirectory) ?? Path.GetFullPath(currentDirectory);
        foreach (var input in inputs)
        {
            string? root = FindGitRoot(Path.Combine(currentDirectory, input));
            if (root is null || (common is not null && !PathEquals(common, root))) return Path.GetFullPath(currentDirectory);
            common = root;
        }
        return common!;
    }

    /// <summary>
    /// <paramref name="path"/> (absolute, or relative to the current folder) relative to <paramref name="root"/>,
    /// with '/' separators; null when the file is not under the root.
    /// </summary>
    public static string? RelativePath(string root, string path) => RelativeTo(Prefix(root), Path.GetFullPath(path));

    /// <summary>The root's full path ending with a separator.</summary>
    private static string Prefix(string root)
    {
        string prefix = Path.GetFullPath(root);
        if (prefix[prefix.Length - 1] != Path.DirectorySeparatorChar && prefix[prefix.Length - 1] != Path.AltDirectorySeparatorChar)
            prefix += Path.DirectorySeparatorChar;
        return prefix;
    }

    private static string? RelativeTo(string prefix, string full)
    {
        if (full.Length <= prefix.Length || !full.StartsWith(prefix, PathComparison)) return null;
        return full.Substring(prefix.Length).Replace('\\', '/');
    }

    /// <summary>The path a finding is fingerprinted and annotated under: root-relative, or absolute when outside the root.</summary>
    public static string ReportPath(string root, string path) => path.Length == 0 ? string.Empty : ReportPathUnder(Prefix(root), path);

    private static string ReportPathUnder(string prefix, string path)
    {
        string full = Path.GetFullPath(path);
        return RelativeTo(prefix, full) ?? full.Replace('\\', '/');
    }

    /// <summary>
    /// <see cref="ReportPath"/> of every diagnostic, index for index. Reports are sorted by path, so each file's
    /// path is resolved once (resolving asks the operating system for the current folder).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(OncePerRun.Optimize)]
    public static string[] ReportPaths(string root, IReadOnlyList<Kestra.FlowLint.Analysis.Diagnostic> diagnostics)
    {
        var paths = new string[diagnostics.Count];
        string? prefix = null, last = null, lastReport = null;
        for (int i = 0; i < paths.Length; i++)
        {
            string path = diagnostics[i].Location.Path;
            if (!string.Equals(path, last, StringComparison.Ordinal))
            {
                last = path;
                // The root's full path once, not once per file: each is a question to the operating system.
                lastReport = path.Length == 0 ? string.Empty : ReportPathUnder(prefix ??= Prefix(root), path);
            }
            paths[i] = lastReport!;
        }
        return paths;
    }

    /// <summary>A relative path as a URI reference: each segment percent-encoded (RFC 3986), '/' kept.</summary>
    public static string ToUriReference(string relativePath)
    {
        var sb = new StringBuilder(relativePath.Length + 8);
        foreach (byte b in Encoding.UTF8.GetBytes(relativePath))
        {
            // Only unreserved characters stay as they are: ':' would read as a scheme, and GitHub
            // rejects a location that is not a valid URI.
            if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '.' || b == '_' || b == '~' || b == '/')
                sb.Append((char)b);
            else
                sb.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
        }
        return sb.ToString();
    }

    /// <summary>An absolute path as a `file://` URI; <paramref name="folder"/> adds the trailing '/' SARIF wants on a base.</summary>
    public static string ToFileUri(string absolutePath, bool folder)
    {
        string path = Path.GetFullPath(absolutePath).Replace('\\', '/');
        if (!path.StartsWith("/", StringComparison.Ordinal)) path = "/" + path; // C:/x -> /C:/x
        var sb = new StringBuilder("file://");
        int segmentStart = 0;
        for (int i = 0; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] != '/') continue;
            string segment = path.Substring(segmentStart, i - segmentStart);
            // A Windows drive letter keeps its colon (file:///C:/...).
            bool drive = segmentStart == 1 && segment.Length == 2 && segment[1] == ':' && char.IsLetter(segment[0]);
            sb.Append(drive ? segment : ToUriReference(segment));
            if (i < path.Length) sb.Append('/');
            segmentStart = i + 1;
        }
        if (folder && sb[sb.Length - 1] != '/') sb.Append('/');
        return sb.ToString();
    }

    private static readonly char[] HexDigits = "0123456789ABCDEF".ToCharArray();

    private static StringComparison PathComparison =>
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static bool PathEquals(string a, string b) => string.Equals(a, b, PathComparison);
}
