using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;

namespace Kestra.FlowLint.Reporting;

/// <summary>The one order every output uses (path, line, column, id, message), so CI diffs stay clean.</summary>
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

    public static List<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics)
    {
        var list = new List<Diagnostic>(diagnostics);
        list.Sort(Instance);
        return list;
    }
}
