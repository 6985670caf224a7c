using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;

namespace Kestra.FlowLint.Reporting;

/// <summary>The one order every output uses (path, line, column, id, end, message), so CI diffs stay clean.</summary>
public sealed class DiagnosticOrdering : IComparer<Diagnostic>
{
    public static readonly DiagnosticOrdering Instance = new();

    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int c = string.CompareOrdinal(x.Location.Path, y.Location.Path);
        if (c != 0) return c;
        c = x.Location.LineSpan.Start.CompareTo(y.Location.LineSpan.Start);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Id, y.Id);
        if (c != 0) return c;
        c = x.Location.LineSpan.End.CompareTo(y.Location.LineSpan.End);
        return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
    }

    // Bits of the packed key: path rank, start line, start column.
    private const int PathBits = 20, LineBits = 22, ColumnBits = 22;

    /// <summary>
    /// The findings in <see cref="Instance"/>'s order; findings that compare equal keep their input order, so
    /// the result does not depend on the sort algorithm.
    /// </summary>
    /// <remarks>
    /// A run can have a hundred thousand findings, and comparing them reads three objects each. Most of the order
    /// is decided by path, line and column, so those are packed into one number per finding (paths by their
    /// ordinal rank) and sorted as numbers; only findings with the same start are compared in full.
    /// </remarks>
    public static List<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics)
    {
        var input = new List<Diagnostic>(diagnostics);
        int count = input.Count;
        if (count < 2) return input;

        var keys = new ulong[count];
        var order = new int[count];
        if (!TryPackKeys(input, keys))
        {
            // Positions too large to pack (a file of millions of lines): compare in full.
            for (int i = 0; i < count; i++) order[i] = i;
            Array.Sort(order, (a, b) => CompareThenIndex(input, a, b));
            return Reordered(input, order);
        }
        for (int i = 0; i < count; i++) order[i] = i;
        Array.Sort(keys, order);
        for (int start = 0; start < count;)
        {
            int end = start + 1;
            while (end < count && keys[end] == keys[start]) end++;
            if (end - start > 1) Array.Sort(order, start, end - start, new ByDiagnosticThenIndex(input));
            start = end;
        }
        return Reordered(input, order);
    }

    private static bool TryPackKeys(List<Diagnostic> input, ulong[] keys)
    {
        var rank = OrdinalRanks.Of(input, d => d.Location.Path, out int paths);
        if (paths >= 1 << PathBits) return false;
        for (int i = 0; i < input.Count; i++)
        {
            var start = input[i].Location.LineSpan.Start;
            if ((uint)start.Line >= 1u << LineBits || (uint)start.Character >= 1u << ColumnBits) return false;
            keys[i] = ((ulong)rank[i] << (LineBits + ColumnBits)) | ((ulong)start.Line << ColumnBits) | (uint)start.Character;
        }
        return true;
    }

    private static int CompareThenIndex(List<Diagnostic> input, int a, int b)
    {
        int c = Instance.Compare(input[a], input[b]);
        return c != 0 ? c : a.CompareTo(b);
    }

    private sealed class ByDiagnosticThenIndex : IComparer<int>
    {
        private readonly List<Diagnostic> _input;
        public ByDiagnosticThenIndex(List<Diagnostic> input) => _input = input;
        public int Compare(int a, int b) => CompareThenIndex(_input, a, b);
    }

    private static List<Diagnostic> Reordered(List<Diagnostic> input, int[] order)
    {
        var sorted = new List<Diagnostic>(order.Length);
        foreach (int i in order) sorted.Add(input[i]);
        return sorted;
    }
}
