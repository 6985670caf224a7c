using System;
using System.Collections.Generic;
using System.Globalization;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Deprecations;

/// <summary>
/// What the deprecation rules share: a rename of a scalar's text that keeps its quoting, a walk over every plugin
/// mapping (anything with a <c>type</c> key) of a document, and stable owner paths for raw YAML nodes.
/// </summary>
internal static class DeprecationEdits
{
    /// <summary>
    /// Replaces the characters of a plain or quoted scalar (key or value) by <paramref name="newValue"/>, leaving its
    /// quotes as they are. Null when the scalar is written with escapes or line folding (its text is not its value),
    /// or is a block scalar: the fix is then left to the user rather than risking a broken document.
    /// </summary>
    public static TextEdit? RenameScalar(SourceText text, YamlScalar scalar, string newValue)
    {
        if (scalar.Style is not (YamlScalarStyle.Plain or YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted)) return null;
        if (scalar.Value.Length == 0 || !IsIdentifierLike(newValue)) return null;
        var span = scalar.MapToSource(0, scalar.Value.Length);
        if (span.End > text.Length || text.ToString(span) != scalar.Value) return null;
        return new TextEdit(span, newValue);
    }

    public static IReadOnlyList<CodeFix> Fix(string title, TextEdit edit, bool isSafe = true) => new[] { new CodeFix(title, new[] { edit }, isSafe) };

    /// <summary>
    /// Calls <paramref name="visit"/> for every mapping of the tree whose <c>type</c> is a scalar, in document order.
    /// Aliases are not followed: each mapping is visited where it is written, so a fix edits it exactly once.
    /// </summary>
    public static void ForEachTypedMapping(YamlNode? node, Action<YamlMapping, YamlScalar> visit)
    {
        switch (node)
        {
            case YamlMapping mapping:
                if (mapping.TryGetEntry("type", out var entry) && entry.Value is YamlScalar type && !type.IsNull) visit(mapping, type);
                foreach (var e in mapping.Entries) ForEachTypedMapping(e.Value, visit);
                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items) ForEachTypedMapping(item, visit);
                break;
        }
    }

    /// <summary>The key scalar of an entry of <paramref name="mapping"/> (written in it, not merged), or null.</summary>
    public static YamlScalar? KeyOf(YamlMapping mapping, string key)
    {
        foreach (var e in mapping.Entries)
            if (e.Key is YamlScalar k && k.Value == key) return k;
        return null;
    }

    /// <summary>Whether the mapping itself writes the key (merge keys do not count: a rename cannot collide with them).</summary>
    public static bool HasKey(YamlMapping mapping, string key) => KeyOf(mapping, key) is not null || (mapping.HasMergeKeys && mapping.TryGetValue(key, out _));

    /// <summary>
    /// A path to a node that survives edits elsewhere in the file: keys, and for list items their <c>id</c> when
    /// they have one (e.g. <c>tasks/hello/type</c>), their index otherwise.
    /// </summary>
    public static string OwnerPath(YamlNode node)
    {
        var parts = new List<string>();
        for (var current = node; current.Parent is { } parent; current = parent)
        {
            if (parent is YamlMapping map)
            {
                foreach (var e in map.Entries)
                {
                    if (ReferenceEquals(e.Value, current) || ReferenceEquals(e.Key, current))
                    {
                        parts.Add(e.KeyText ?? "?");
                        break;
                    }
                }
            }
            else if (parent is YamlSequence seq)
            {
                int index = IndexOf(seq, current);
                string? id = current is YamlMapping item && item.GetValue("id") is YamlScalar idScalar ? idScalar.Value : null;
                parts.Add(id ?? index.ToString(CultureInfo.InvariantCulture));
            }
        }
        parts.Reverse();
        return string.Join("/", parts);
    }

    private static int IndexOf(YamlSequence seq, YamlNode node)
    {
        for (int i = 0; i < seq.Items.Count; i++)
            if (ReferenceEquals(seq.Items[i], node)) return i;
        return -1;
    }

    // Type names, property names and input types: nothing YAML or a quote style would need escaped.
    private static bool IsIdentifierLike(string value)
    {
        foreach (char c in value)
            if (!(char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '$')) return false;
        return value.Length > 0 && value[0] != '-';
    }
}
