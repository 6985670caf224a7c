using System.Text;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Tests.Yaml;

/// <summary>
/// Parses a text with the fast reader and with YamlDotNet's path and compares the two streams field
/// by field (source maps included); the first difference is reported with its path and offsets.
/// </summary>
internal static class YamlTreeDiff
{
    /// <summary>Null when the fast reader gave up (<paramref name="reason"/>) or the trees are identical; else the first difference.</summary>
    public static string? Check(string yaml, out bool accepted, out string? reason, YamlParseOptions? options = null)
    {
        var source = new SourceText(yaml);
        var fast = YamlParser.TryParseFast(source, options, out reason);
        accepted = fast != null;
        if (fast == null)
            return null;
        var slow = YamlParser.ParseWithYamlDotNet(new SourceText(yaml), options);
        return Compare(fast, slow);
    }

    public static string? Compare(YamlStream fast, YamlStream slow)
    {
        if (fast.HitLimit != slow.HitLimit)
            return $"HitLimit {fast.HitLimit} vs {slow.HitLimit}";
        if (fast.Errors.Count != slow.Errors.Count)
            return $"errors: {fast.Errors.Count} vs {slow.Errors.Count} ({string.Join("; ", slow.Errors.Select(e => e.Span + " " + e.Message))})";
        for (int i = 0; i < fast.Errors.Count; i++)
        {
            var (a, b) = (fast.Errors[i], slow.Errors[i]);
            if (a.Span != b.Span || a.Message != b.Message || a.Kind != b.Kind)
                return $"error {i}: {a.Span} {a.Message} vs {b.Span} {b.Message}";
        }
        if (fast.Comments.Count != slow.Comments.Count)
            return $"comments: {fast.Comments.Count} vs {slow.Comments.Count}: [{string.Join(", ", fast.Comments.Select(c => c.Span))}] vs [{string.Join(", ", slow.Comments.Select(c => c.Span))}]";
        for (int i = 0; i < fast.Comments.Count; i++)
        {
            var (a, b) = (fast.Comments[i], slow.Comments[i]);
            if (a.Span != b.Span || a.Text != b.Text || a.IsInline != b.IsInline)
                return $"comment {i}: {a.Span} '{a.Text}' inline={a.IsInline} vs {b.Span} '{b.Text}' inline={b.IsInline}";
        }
        if (fast.Documents.Count != slow.Documents.Count)
            return $"documents: {fast.Documents.Count} vs {slow.Documents.Count}";
        for (int i = 0; i < fast.Documents.Count; i++)
        {
            var (a, b) = (fast.Documents[i], slow.Documents[i]);
            if (a.Index != b.Index || a.Span != b.Span || a.IsComplete != b.IsComplete || a.AliasExpansionExceeded != b.AliasExpansionExceeded || a.HasAliases != b.HasAliases)
                return $"document {i}: {a.Span} complete={a.IsComplete} vs {b.Span} complete={b.IsComplete}";
            if ((a.Root == null) != (b.Root == null))
                return $"document {i}: root null {a.Root == null} vs {b.Root == null}";
            if (a.Root != null && CompareNodes(a.Root, b.Root!, $"doc{i}") is { } difference)
                return difference;
        }
        return null;
    }

    private static string? CompareNodes(YamlNode rootA, YamlNode rootB, string rootPath)
    {
        var stack = new Stack<(YamlNode A, YamlNode B, string Path)>();
        stack.Push((rootA, rootB, rootPath));
        while (stack.Count > 0)
        {
            var (a, b, path) = stack.Pop();
            if (CompareNode(a, b) is { } problem)
                return $"{path} at {b.Span}: {problem}";
            switch (a)
            {
                case YamlMapping ma:
                    var mb = (YamlMapping)b;
                    for (int k = ma.Entries.Count - 1; k >= 0; k--)
                    {
                        string key = (ma.Entries[k].Key as YamlScalar)?.Value ?? k.ToString();
                        stack.Push((ma.Entries[k].Value, mb.Entries[k].Value, $"{path}/{key}"));
                        stack.Push((ma.Entries[k].Key, mb.Entries[k].Key, $"{path}/{key}(key)"));
                    }
                    break;
                case YamlSequence sa:
                    var sb = (YamlSequence)b;
                    for (int k = sa.Items.Count - 1; k >= 0; k--)
                        stack.Push((sa.Items[k], sb.Items[k], $"{path}[{k}]"));
                    break;
            }
        }
        return null;
    }

    private static string? CompareNode(YamlNode a, YamlNode b)
    {
        if (a.Kind != b.Kind)
            return $"kind {a.Kind} vs {b.Kind}";
        if (a.Span != b.Span)
            return $"span {a.Span} vs {b.Span}";
        if (a.Anchor != b.Anchor || a.AnchorSpan != b.AnchorSpan || a.Tag != b.Tag)
            return $"properties {a.Anchor}/{a.AnchorSpan}/{a.Tag} vs {b.Anchor}/{b.AnchorSpan}/{b.Tag}";
        if (a.Depth != b.Depth)
            return $"depth {a.Depth} vs {b.Depth}";
        if (a.ExpandedSize != b.ExpandedSize)
            return $"expanded size {a.ExpandedSize} vs {b.ExpandedSize}";
        if ((a.Parent == null) != (b.Parent == null) || (a.Parent != null && (a.Parent.Kind != b.Parent!.Kind || a.Parent.Span != b.Parent.Span)))
            return $"parent {a.Parent?.Kind} {a.Parent?.Span} vs {b.Parent?.Kind} {b.Parent?.Span}";
        switch (a)
        {
            case YamlScalar sa:
                var sb = (YamlScalar)b;
                if (sa.Value != sb.Value)
                    return $"value '{Escape(sa.Value)}' vs '{Escape(sb.Value)}'";
                if (sa.Style != sb.Style || sa.IsNull != sb.IsNull)
                    return $"style {sa.Style} vs {sb.Style}";
                if (sa.IsMapExact != sb.IsMapExact)
                    return $"map exact {sa.IsMapExact} vs {sb.IsMapExact}";
                for (int k = 0; k <= sa.Value.Length; k++)
                {
                    if (sa.MapOffset(k) != sb.MapOffset(k))
                        return $"MapOffset({k}) {sa.MapOffset(k)} vs {sb.MapOffset(k)}";
                }
                int n = sa.Value.Length;
                foreach (var (start, length) in new[] { (0, n), (0, 0), (n, 0), (0, Math.Min(1, n)), (n / 2, n - n / 2), (n / 3, n / 3), (Math.Max(0, n - 1), Math.Min(1, n)) })
                {
                    if (sa.MapToSource(start, length) != sb.MapToSource(start, length))
                        return $"MapToSource({start}, {length}) {sa.MapToSource(start, length)} vs {sb.MapToSource(start, length)}";
                }
                break;
            case YamlMapping ma:
                var mb = (YamlMapping)b;
                if (ma.IsFlowStyle != mb.IsFlowStyle || ma.Entries.Count != mb.Entries.Count || ma.HasMergeKeys != mb.HasMergeKeys)
                    return $"mapping flow={ma.IsFlowStyle} entries={ma.Entries.Count} vs flow={mb.IsFlowStyle} entries={mb.Entries.Count}";
                break;
            case YamlSequence qa:
                var qb = (YamlSequence)b;
                if (qa.IsFlowStyle != qb.IsFlowStyle || qa.Items.Count != qb.Items.Count)
                    return $"sequence flow={qa.IsFlowStyle} items={qa.Items.Count} vs flow={qb.IsFlowStyle} items={qb.Items.Count}";
                break;
            case YamlAlias aa:
                var ab = (YamlAlias)b;
                if (aa.Name != ab.Name || aa.Target?.Span != ab.Target?.Span)
                    return $"alias {aa.Name} -> {aa.Target?.Span} vs {ab.Name} -> {ab.Target?.Span}";
                break;
        }
        return null;
    }

    private static string Escape(string value)
    {
        var sb = new StringBuilder();
        foreach (char c in value)
            sb.Append(c < ' ' ? $"\\x{(int)c:X2}" : c.ToString());
        return sb.ToString();
    }
}
