using System;
using System.Collections.Generic;

namespace Kestra.FlowLint.Configuration;

/// <summary>
/// An include/exclude pattern of <c>.flowlint.yaml</c>, matched against a file's path relative to the
/// configuration's folder with '/' separators. <c>*</c> matches within one path segment, <c>?</c> one
/// character of a segment, and a whole <c>**</c> segment any number of segments (none included).
/// A pattern also matches everything below a folder it matches, as in .gitignore: <c>flows/legacy</c>,
/// <c>flows/legacy/</c> and <c>flows/legacy/**</c> are the same. Matching is case-sensitive.
/// </summary>
public sealed class GlobPattern
{
    private const string AnySegments = "**";
    private readonly string[] _segments;

    private GlobPattern(string text, string[] segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The pattern as written in the configuration.</summary>
    public string Text { get; }

    public static bool TryParse(string text, out GlobPattern? pattern, out string? error)
    {
        pattern = null;
        error = null;
        if (text.Trim().Length == 0)
        {
            error = "a glob pattern cannot be empty";
            return false;
        }
        if (text.IndexOf('\\') >= 0)
        {
            error = $"glob pattern '{text}' contains '\\'; separate folders with '/'";
            return false;
        }
        if (text.Length >= 2 && text[1] == ':')
        {
            error = $"glob pattern '{text}' is an absolute path; patterns are relative to the configuration's folder";
            return false;
        }

        var segments = new List<string>();
        foreach (var segment in text.Split('/'))
        {
            // A leading '/' or './' anchors at the configuration's folder, which every pattern already is.
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == AnySegments && segments.Count > 0 && segments[segments.Count - 1] == AnySegments) continue;
            segments.Add(segment);
        }
        if (segments.Count == 0)
        {
            error = $"glob pattern '{text}' matches nothing but the configuration's folder; use '**' for every file";
            return false;
        }
        // Everything below a matched folder is matched too.
        if (segments[segments.Count - 1] != AnySegments) segments.Add(AnySegments);
        pattern = new GlobPattern(text, segments.ToArray());
        return true;
    }

    /// <summary>Whether a '/'-separated relative path (no leading '/') is matched.</summary>
    public bool IsMatch(string relativePath)
    {
        var path = relativePath.Split('/');
        // Segment-level wildcard matching with one backtracking point for the last '**': linear for
        // patterns with one '**', and correct for several (a later '**' can always absorb what an earlier one would).
        int p = 0, s = 0, starP = -1, starS = 0;
        while (s < path.Length)
        {
            if (p < _segments.Length && _segments[p] == AnySegments)
            {
                starP = p++;
                starS = s;
            }
            else if (p < _segments.Length && SegmentMatches(_segments[p], path[s]))
            {
                p++;
                s++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                s = ++starS;
            }
            else
            {
                return false;
            }
        }
        while (p < _segments.Length && _segments[p] == AnySegments) p++;
        return p == _segments.Length;
    }

    /// <summary>'*' and '?' within one segment ('**' inside a segment, as in "a**b", is a '*').</summary>
    private static bool SegmentMatches(string pattern, string segment)
    {
        int p = 0, s = 0, starP = -1, starS = 0;
        while (s < segment.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starS = s;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == segment[s]))
            {
                p++;
                s++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                s = ++starS;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }

    public override string ToString() => Text;

    /// <summary>
    /// <paramref name="path"/> relative to <paramref name="folder"/> (both absolute), with '/' separators;
    /// a path outside the folder starts with "../".
    /// </summary>
    public static string RelativePath(string folder, string path)
    {
        string f = Normalize(folder).TrimEnd('/');
        string p = Normalize(path);
        if (p.StartsWith(f + "/", StringComparison.Ordinal)) return p.Substring(f.Length + 1);

        var fs = f.Split('/');
        var ps = p.Split('/');
        int common = 0;
        while (common < fs.Length && common < ps.Length && string.Equals(fs[common], ps[common], StringComparison.Ordinal)) common++;
        var parts = new List<string>();
        for (int i = common; i < fs.Length; i++)
            if (fs[i].Length > 0) parts.Add("..");
        for (int i = common; i < ps.Length; i++) parts.Add(ps[i]);
        return string.Join("/", parts);
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
