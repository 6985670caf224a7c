using System;
using System.Collections.Generic;

namespace Kestra.FlowLint.Configuration;

/// <summary>"did you mean …?" for a misspelt key, rule id, category, severity or Pebble name (rules use it too).</summary>
public static class DidYouMean
{
    /// <summary>The closest candidate (case-insensitive edit distance), or null when none is close enough to help.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (!MayBeClose(word, candidate)) continue;
            int distance = Distance(word, candidate);
            if (IsClose(word, candidate, distance) && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>
    /// Every candidate close enough to be meant, closest first (ties in the candidates' order). A tool may only
    /// replace the word when there is exactly one.
    /// </summary>
    public static IReadOnlyList<string> CloseCandidates(string word, IEnumerable<string> candidates)
    {
        var close = new List<(string Candidate, int Distance, int Order)>();
        foreach (var candidate in candidates)
        {
            if (!MayBeClose(word, candidate)) continue;
            int distance = Distance(word, candidate);
            if (IsClose(word, candidate, distance)) close.Add((candidate, distance, close.Count));
        }
        close.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Order.CompareTo(b.Order));
        var names = new string[close.Count];
        for (int i = 0; i < names.Length; i++) names[i] = close[i].Candidate;
        return names;
    }

    // A third of the longer word may be wrong (at least one edit): "ruls" → rules, "category" → categories,
    // "KF1O01" → KF1001, but not "x" → note.
    private static bool IsClose(string word, string candidate, int distance) =>
        distance <= Math.Max(1, Math.Max(word.Length, candidate.Length) / 3);

    // The distance is at least the difference in length: most candidates are ruled out without computing it.
    private static bool MayBeClose(string word, string candidate) =>
        Math.Abs(word.Length - candidate.Length) <= Math.Max(1, Math.Max(word.Length, candidate.Length) / 3);

    /// <summary>A word as quoted in a message: at most 40 characters, so a pasted paragraph does not flood the output.</summary>
    public static string Excerpt(string word) => word.Length <= 40 ? word : word.Substring(0, 39) + "…";

    /// <summary>" (did you mean 'x'?)" or "".</summary>
    public static string Suffix(string word, IEnumerable<string> candidates) =>
        Closest(word, candidates) is { } match ? $" (did you mean '{match}'?)" : "";

    /// <summary>Optimal string alignment distance, ignoring case: insertions, deletions, substitutions, transpositions.</summary>
    public static int Distance(string a, string b)
    {
        // Three rows of the matrix and both words upper-cased, on the stack when they are short (they nearly always are).
        int width = b.Length + 1;
        const int StackLimit = 256;
        Span<int> rows = 3 * width <= StackLimit ? stackalloc int[3 * width] : new int[3 * width];
        Span<char> upper = a.Length + b.Length <= StackLimit ? stackalloc char[a.Length + b.Length] : new char[a.Length + b.Length];
        var ua = upper.Slice(0, a.Length);
        var ub = upper.Slice(a.Length);
        for (int i = 0; i < a.Length; i++) ua[i] = char.ToUpperInvariant(a[i]);
        for (int j = 0; j < b.Length; j++) ub[j] = char.ToUpperInvariant(b[j]);

        var previous2 = rows.Slice(0, width);
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            char ca = ua[i - 1];
            for (int j = 1; j <= b.Length; j++)
            {
                char cb = ub[j - 1];
                int cost = ca == cb ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ca == ub[j - 2] && ua[i - 2] == cb)
                    value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
            }
            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.Length];
    }
}
