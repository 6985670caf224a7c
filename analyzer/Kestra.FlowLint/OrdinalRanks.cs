using System;
using System.Collections.Generic;

namespace Kestra.FlowLint;

/// <summary>
/// Sorting many items by a string they share with many others (a finding's path, a secret's key): each item gets
/// the rank of its string among the distinct ones in ordinal order, and items are then sorted by numbers, not by
/// comparing strings.
/// </summary>
internal static class OrdinalRanks
{
    /// <summary>The rank of each item's <paramref name="text"/>, index for index; <paramref name="distinct"/> is how many there are.</summary>
    public static int[] Of<T>(IReadOnlyList<T> items, Func<T, string> text, out int distinct)
    {
        var idOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new int[items.Count];
        // Neighbours usually share one string instance (findings of one file): the last one is remembered.
        string? last = null;
        int lastId = -1;
        for (int i = 0; i < ids.Length; i++)
        {
            string value = text(items[i]);
            if (!ReferenceEquals(value, last))
            {
                if (!idOf.TryGetValue(value, out lastId)) idOf.Add(value, lastId = idOf.Count);
                last = value;
            }
            ids[i] = lastId;
        }
        var strings = new string[idOf.Count];
        foreach (var pair in idOf) strings[pair.Value] = pair.Key;
        var byText = new int[strings.Length];
        for (int k = 0; k < byText.Length; k++) byText[k] = k;
        Array.Sort(byText, (a, b) => string.CompareOrdinal(strings[a], strings[b]));
        var rank = new int[strings.Length];
        for (int r = 0; r < byText.Length; r++) rank[byText[r]] = r;
        for (int i = 0; i < ids.Length; i++) ids[i] = rank[ids[i]];
        distinct = strings.Length;
        return ids;
    }
}
