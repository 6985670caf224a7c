using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Structure;

/// <summary>One declared id: its text, where a finding about it goes, and how messages name its place.</summary>
internal readonly struct DeclaredId
{
    public DeclaredId(string id, TextSpan span, string path, string ownerPath)
    {
        Id = id;
        Span = span;
        Path = path;
        OwnerPath = ownerPath;
    }

    public string Id { get; }
    public TextSpan Span { get; }

    /// <summary>The YAML path of the declaring item, e.g. `tasks[1].then[0]`.</summary>
    public string Path { get; }

    public string OwnerPath { get; }

    /// <summary>An item whose id is a scalar; items without one are KF4007's or KF4002's concern.</summary>
    public static bool TryCreate(YamlNode? idNode, YamlAlias? viaAlias, string path, string ownerPath, out DeclaredId declared)
    {
        declared = default;
        if (StructureSpans.Text(idNode) is not { } id) return false;
        declared = new DeclaredId(id, StructureSpans.IdSpan(idNode!, viaAlias), path, ownerPath);
        return true;
    }
}

/// <summary>Finds ids declared more than once and reports every occurrence after the first, in file order.</summary>
internal static class DuplicateIds
{
    public static void Report(AnalysisCallbackContext context, DiagnosticDescriptor rule, string what, List<DeclaredId> ids)
    {
        if (ids.Count < 2) return;
        // File order, not walk order: an alias may bring in a task defined further down.
        ids.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        // One table per thread, emptied for each list: every flow asks four times, and most ids are unique.
        var first = t_first ??= new Dictionary<string, DeclaredId>(StringComparer.Ordinal);
        first.Clear();
        foreach (var declared in ids)
        {
            if (!first.TryGetValue(declared.Id, out var original))
            {
                first.Add(declared.Id, declared);
                continue;
            }
            // The same item listed twice through an alias has one id node; without the alias's position there is no second place to show.
            if (declared.Span == original.Span) continue;
            context.Report(rule, declared.Span, declared.OwnerPath, null,
                what, declared.Id, StructureSpans.Position(context.Text, original.Span.Start), original.Path);
        }
        first.Clear();
    }

    [ThreadStatic] private static Dictionary<string, DeclaredId>? t_first;
}
