using System;
using System.Collections.Generic;

namespace Kestra.FlowLint.Configuration;

/// <summary>"did you mean …?" for a misspelt key, rule id, category or severity.</summary>
public static class DidYouMean
{
    /// <summary>The closest candidate (case-insensitive edit distance), or null when none is close enough to help.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            int distance = Distance(word, candidate);
            // A third of the longer word may be wrong (at least one edit): "ruls" → rules, "category" → categories,
            // "KF1O01" → KF1001, but not "x" → note.
            int allowed = Math.Max(1, Math.Max(word.Length, candidate.Length) / 3);
            if (distance <= allowed && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>A word as quoted in a message: at most 40 characters, so a pasted paragraph does not flood the output.</summary>
    public static string Excerpt(string word) => word.Length <= 40 ? word : word.Substring(0, 39) + "…";

    /// <summary>" (did you mean 'x'?)" or "".</summary>
    public static string Suffix(string word, IEnumerable<string> candidates) =>
        Closest(word, candidates) is { } match ? $" (did you mean '{match}'?)" : "";

    /// <summary>Optimal string alignment distance, ignoring case: insertions, deletions, substitutions, transpositions.</summary>
    public static int Distance(string a, string b)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            char ca = char.ToUpperInvariant(a[i - 1]);
            for (int j = 1; j <= b.Length; j++)
            {
                char cb = char.ToUpperInvariant(b[j - 1]);
                int cost = ca == cb ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ca == char.ToUpperInvariant(b[j - 2]) && char.ToUpperInvariant(a[i - 2]) == cb)
                    value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
            }
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }
}
