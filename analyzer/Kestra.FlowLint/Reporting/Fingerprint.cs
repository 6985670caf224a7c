using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using Kestra.FlowLint.Analysis;

namespace Kestra.FlowLint.Reporting;

/// <summary>
/// FlowLint's own identity of a finding, stable across runs: what a baseline records and what SARIF carries
/// (under its own key, never primaryLocationLineHash). It hashes the rule id, the reported path, the owner path
/// (e.g. "tasks:log_it/message"), the flagged text and an occurrence index, never a line or column, so edits
/// above a finding do not change it. For a rule whose flagged text is sensitive (<see cref="DiagnosticDescriptor.RedactSource"/>)
/// the text is left out, so no hash of a credential is ever published.
/// </summary>
/// <remarks>
/// The hash input is the UTF-8 of <c>Scheme \0 ruleId \0 path \0 ownerPath \0 ("text" | "redacted") \0 flaggedText \0 occurrence</c>
/// (flagged text with line breaks as "\n", empty when redacted; occurrence in invariant decimal); the fingerprint is the
/// first <see cref="Length"/> lowercase hex characters of its SHA-256. Changing any of this invalidates every stored
/// baseline: bump <see cref="Scheme"/> if it ever has to change.
/// </remarks>
public static class Fingerprint
{
    /// <summary>The version of what is hashed; part of the hash input.</summary>
    public const string Scheme = "flowlint/v1";

    /// <summary>Hex characters kept from the SHA-256 (128 bits).</summary>
    public const int Length = 32;

    /// <summary>
    /// The fingerprint of each finding, index for index. Pass every finding of the run, suppressed ones included:
    /// the occurrence index that tells identical findings apart is counted over the list, so a subset would
    /// renumber them.
    /// </summary>
    public static string[] ComputeAll(IReadOnlyList<Diagnostic> diagnostics)
    {
        // Identical findings are numbered in file order, whatever order the caller's list is in.
        var order = new int[diagnostics.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            var x = diagnostics[a].Location;
            var y = diagnostics[b].Location;
            int c = string.CompareOrdinal(x.Path, y.Path);
            if (c == 0) c = x.Span.Start.CompareTo(y.Span.Start);
            if (c == 0) c = x.Span.End.CompareTo(y.Span.End);
            if (c == 0) c = string.CompareOrdinal(diagnostics[a].Id, diagnostics[b].Id);
            return c != 0 ? c : a.CompareTo(b);
        });

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new string[diagnostics.Count];
        foreach (int i in order)
        {
            string key = Key(diagnostics[i]);
            seen.TryGetValue(key, out int occurrence);
            seen[key] = occurrence + 1;
            result[i] = Hash(key, occurrence);
        }
        return result;
    }

    /// <summary>The fingerprint of one finding, given how many identical findings (same rule, path, owner and text) precede it in the file.</summary>
    public static string Compute(Diagnostic diagnostic, int occurrence) => Hash(Key(diagnostic), occurrence);

    private static string Key(Diagnostic d)
    {
        // Line breaks are normalised so a checkout with CRLF (git autocrlf) keeps the LF fingerprint.
        string flagged = d.Descriptor.RedactSource ? string.Empty : NormalizeLineBreaks(FlaggedText(d));
        return string.Concat(Scheme, "\0", d.Id, "\0", d.Location.Path, "\0", d.OwnerPath, "\0", d.Descriptor.RedactSource ? "redacted" : "text", "\0", flagged);
    }

    private static string FlaggedText(Diagnostic d)
    {
        var text = d.Location.Text;
        var span = d.Location.Span;
        return span.End <= text.Length ? text.ToString(span) : string.Empty;
    }

    private static string NormalizeLineBreaks(string text) =>
        text.IndexOf('\r') < 0 ? text : text.Replace("\r\n", "\n").Replace('\r', '\n');

    private static string Hash(string key, int occurrence)
    {
        byte[] input = Encoding.UTF8.GetBytes(key + "\0" + occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture));
#if NETSTANDARD2_0
        byte[] digest;
        using (var sha = SHA256.Create()) digest = sha.ComputeHash(input);
#else
        byte[] digest = SHA256.HashData(input);
#endif
        const string hex = "0123456789abcdef";
        var chars = new char[Length];
        for (int i = 0; i < Length / 2; i++)
        {
            chars[2 * i] = hex[digest[i] >> 4];
            chars[2 * i + 1] = hex[digest[i] & 0xF];
        }
        return new string(chars);
    }
}
