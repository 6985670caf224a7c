using System;
using System.Collections.Generic;
using System.Text;
using Kestra.FlowLint.Analysis;

namespace Kestra.FlowLint.Reporting;

/// <summary>
/// FlowLint's own stable fingerprint, written under <see cref="Key"/> in SARIF's `partialFingerprints` and
/// recorded in baselines. It hashes what a finding is about, never where it is: the rule id, the
/// root-relative path, <see cref="Diagnostic.OwnerPath"/>, the flagged text (whitespace runs collapsed, so
/// re-indenting or CRLF checkouts change nothing) and an occurrence index that tells identical findings
/// under one owner apart. Inserting lines above a finding therefore leaves its fingerprint unchanged.
/// For security rules the flagged text is never hashed: it may be a credential, and an unsalted hash of a
/// short password in a published SARIF file can be brute-forced. Those findings hash owner path and
/// occurrence index only.
/// </summary>
/// <remarks>
/// Integration note: the text/JSON formats grow a public `Fingerprint` helper in parallel; the two are to be
/// unified into one function (this one's inputs are the contract of `flowlint/v1`).
/// </remarks>
public static class SarifFingerprint
{
    /// <summary>The key in `partialFingerprints` and the baseline's fingerprint scheme. Bump it if the inputs change.</summary>
    public const string Key = "flowlint/v1";

    /// <summary>
    /// The fingerprint of every diagnostic, index for index. Occurrence indexes are counted over the whole
    /// list in position order (suppressed findings included), so suppressing one finding never shifts another's.
    /// </summary>
    /// <param name="reportPaths">Each diagnostic's root-relative path (see <see cref="RepositoryRoot.ReportPath"/>), index for index.</param>
    public static string[] ComputeAll(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<string> reportPaths)
    {
        var all = new int[diagnostics.Count];
        for (int i = 0; i < all.Length; i++) all[i] = i;
        return Prepare(diagnostics, reportPaths).Compute(all);
    }

    /// <summary>
    /// Counts every diagnostic's occurrence index (which needs them all) without hashing any: a report that shows
    /// only some findings, like SARIF past GitHub's result limit, then hashes only those with <see cref="Inputs.Compute"/>.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(OncePerRun.Optimize)]
    public static Inputs Prepare(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<string> reportPaths)
    {
        var order = new int[diagnostics.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        // Reports come sorted already; sorting again is only for callers that do not.
        if (!IsSorted(diagnostics))
        {
            Array.Sort(order, (a, b) =>
            {
                int c = DiagnosticOrdering.Instance.Compare(diagnostics[a], diagnostics[b]);
                return c != 0 ? c : a.CompareTo(b);
            });
        }

        // Occurrences need position order (and the flagged texts, which may mean reading a released file again):
        // one pass in order. Identical findings can only share a path, so each path counts in its own small table,
        // found again only when the path changes (findings of a file are next to each other).
        var texts = new string?[diagnostics.Count];
        var occurrences = new int[diagnostics.Count];
        var byPath = new Dictionary<string, Dictionary<(string, string, string), int>>(StringComparer.Ordinal);
        Dictionary<(string, string, string), int>? seen = null;
        string? seenPath = null;
        foreach (int i in order)
        {
            var d = diagnostics[i];
            if (seen is null || !string.Equals(reportPaths[i], seenPath, StringComparison.Ordinal))
            {
                seenPath = reportPaths[i];
                if (!byPath.TryGetValue(seenPath, out seen)) byPath.Add(seenPath, seen = new Dictionary<(string, string, string), int>());
            }
            string? text = HashesFlaggedText(d.Descriptor) ? NormalizeWhitespace(FlaggedText(d)) : null;
            var identity = (d.Id, d.OwnerPath, text ?? string.Empty);
            texts[i] = text;
#if NETSTANDARD2_0
            seen.TryGetValue(identity, out int occurrence);
            seen[identity] = occurrence + 1;
            occurrences[i] = occurrence;
#else
            // One lookup (hashing three strings) instead of two.
            ref int count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(seen, identity, out _);
            occurrences[i] = count++;
#endif
        }
        return new Inputs(diagnostics, reportPaths, texts, occurrences);
    }

    /// <summary>What each diagnostic's fingerprint hashes, counted by <see cref="Prepare"/>.</summary>
    public sealed class Inputs
    {
        private readonly IReadOnlyList<Diagnostic> _diagnostics;
        private readonly IReadOnlyList<string> _paths;
        private readonly string?[] _texts;
        private readonly int[] _occurrences;

        internal Inputs(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<string> paths, string?[] texts, int[] occurrences)
        {
            _diagnostics = diagnostics;
            _paths = paths;
            _texts = texts;
            _occurrences = occurrences;
        }

        /// <summary>
        /// The fingerprints of the diagnostics at <paramref name="indexes"/>, in an array index for index with the
        /// diagnostics (null for those not asked for).
        /// </summary>
        public string[] Compute(IReadOnlyList<int> indexes)
        {
            var fingerprints = new string[_diagnostics.Count];
            void Hash(int k)
            {
                int i = indexes[k];
                fingerprints[i] = SarifFingerprint.Compute(_diagnostics[i].Id, _paths[i], _diagnostics[i].OwnerPath, _texts[i], _occurrences[i]);
            }
            // The hashes are independent of each other: on every core when there are many.
            if (indexes.Count >= 512) System.Threading.Tasks.Parallel.For(0, indexes.Count, Hash);
            else for (int k = 0; k < indexes.Count; k++) Hash(k);
            return fingerprints;
        }
    }

    private static bool IsSorted(IReadOnlyList<Diagnostic> diagnostics)
    {
        for (int i = 1; i < diagnostics.Count; i++)
            if (DiagnosticOrdering.Instance.Compare(diagnostics[i - 1], diagnostics[i]) > 0) return false;
        return true;
    }

    /// <summary>
    /// The `flowlint/v1` hash: 32 lowercase hex digits (128 bits of SHA-256) over length-prefixed fields.
    /// <paramref name="flaggedText"/> is null for rules whose text must not be hashed.
    /// </summary>
    public static string Compute(string ruleId, string path, string ownerPath, string? flaggedText, int occurrence)
    {
        // The length-prefixed fields are encoded straight into a per-thread buffer and hashed there: a run with
        // tens of thousands of findings made five strings and three arrays per fingerprint before.
        var buffer = HashInput.Rent(Key.Length + ruleId.Length + path.Length + ownerPath.Length + (flaggedText?.Length ?? 5));
        int length = 0;
        Field(buffer, ref length, Key);
        Field(buffer, ref length, ruleId);
        Field(buffer, ref length, path);
        Field(buffer, ref length, ownerPath);
        Field(buffer, ref length, flaggedText ?? "\u0000none");
        // The occurrence index in decimal, as a field: `DIGITS:INDEX;`.
        length += Ascii(buffer, length, DigitCount(occurrence));
        buffer[length++] = (byte)':';
        length += Ascii(buffer, length, occurrence);
        buffer[length++] = (byte)';';
        Span<byte> hash = stackalloc byte[32];
        Sha256.Hash(new ReadOnlySpan<byte>(buffer, 0, length), hash);
        var hex = HashInput.Hex();
        for (int i = 0; i < 16; i++)
        {
            hex[2 * i] = HexDigits[hash[i] >> 4];
            hex[2 * i + 1] = HexDigits[hash[i] & 0xF];
        }
        return new string(hex, 0, 32);
    }

    /// <summary>
    /// `LENGTH:TEXT;` in UTF-8, the length in UTF-16 units (the contract of `flowlint/v1`). Length-prefixed, so no
    /// choice of separator can make two different inputs collide.
    /// </summary>
    private static void Field(byte[] buffer, ref int length, string field)
    {
        length += Ascii(buffer, length, field.Length);
        buffer[length++] = (byte)':';
        length += Encoding.UTF8.GetBytes(field, 0, field.Length, buffer, length);
        buffer[length++] = (byte)';';
    }

    /// <summary>Writes a non-negative number's decimal digits at <paramref name="at"/>; returns how many.</summary>
    private static int Ascii(byte[] buffer, int at, int value)
    {
        int digits = DigitCount(value);
        for (int i = digits - 1; i >= 0; i--, value /= 10) buffer[at + i] = (byte)('0' + value % 10);
        return digits;
    }

    private static int DigitCount(int value)
    {
        int digits = 1;
        for (; value >= 10; value /= 10) digits++;
        return digits;
    }

    /// <summary>Per-thread scratch for <see cref="Compute"/>, which runs on every core for large reports.</summary>
    private static class HashInput
    {
        [ThreadStatic] private static byte[]? _bytes;
        [ThreadStatic] private static char[]? _hex;

        /// <summary>A buffer for six fields of <paramref name="chars"/> UTF-16 units in all (3 UTF-8 bytes each at most).</summary>
        public static byte[] Rent(int chars)
        {
            int needed = 3 * chars + 6 * 13;
            var bytes = _bytes;
            if (bytes is null || bytes.Length < needed) _bytes = bytes = new byte[Math.Max(needed, 1024)];
            return bytes;
        }

        public static char[] Hex() => _hex ??= new char[32];
    }

    /// <summary>
    /// Whether a rule's flagged text may go into the hash: not for security rules (KF1xxx secrets, KF2xxx
    /// server configuration, or any rule with a security-severity), whose span may hold a credential
    /// (KF1009 hard-coded credentials and KF2003 clear-text passwords do by design).
    /// </summary>
    public static bool HashesFlaggedText(DiagnosticDescriptor descriptor) => !IsSecurityRule(descriptor);

    private const string HexDigits = "0123456789abcdef";

    /// <summary>Security rules: KF1xxx, KF2xxx, or anything tagged `security` or carrying a security-severity.</summary>
    public static bool IsSecurityRule(DiagnosticDescriptor descriptor)
    {
        if (descriptor.SecuritySeverity is not null) return true;
        string id = descriptor.Id;
        if (id.Length >= 3 && id[0] == 'K' && id[1] == 'F' && (id[2] == '1' || id[2] == '2')) return true;
        foreach (var tag in descriptor.Tags)
            if (string.Equals(tag, "security", StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static string FlaggedText(Diagnostic d)
    {
        var span = d.Location.Span;
        var text = d.Location.Text;
        return span.End <= text.Length ? text.ToString(span) : string.Empty;
    }

    /// <summary>Runs of spaces, tabs and line breaks become one space; leading and trailing ones go.</summary>
    internal static string NormalizeWhitespace(string text)
    {
        if (IsNormal(text)) return text;
        var sb = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Whether <see cref="NormalizeWhitespace"/> would leave the text as it is (most flagged texts).</summary>
    private static bool IsNormal(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\t' || c == '\r' || c == '\n') return false;
            if (c == ' ' && (i == 0 || i == text.Length - 1 || text[i + 1] == ' ')) return false;
        }
        return true;
    }
}
