using System;
using System.IO;

namespace Kestra.FlowLint.LanguageServer;

/// <summary>file: URIs and paths. Clients percent-encode differently (VS Code encodes ':' of a drive letter), so URIs are parsed, never compared as paths.</summary>
public static class DocumentUri
{
    /// <summary>The local path of a file: URI; null for other schemes (untitled:, git:, …) or a malformed URI.</summary>
    public static string? ToPath(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile) return null;
        try
        {
            return Path.GetFullPath(parsed.LocalPath);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    public static string FromPath(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    /// <summary>The last segment of any URI (untitled:Untitled-1 → Untitled-1), safe as a file name.</summary>
    public static string LastSegment(string uri)
    {
        int cut = Math.Max(uri.LastIndexOf('/'), uri.LastIndexOf(':'));
        string name = uri.Substring(cut + 1);
        foreach (char c in Path.GetInvalidFileNameChars()) name = name.Replace(c, '_');
        return name.Length == 0 ? "untitled" : name;
    }
}
