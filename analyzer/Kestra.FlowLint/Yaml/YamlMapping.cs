using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Kestra.FlowLint.Yaml;

/// <summary>
/// A mapping with its entries in file order. Duplicate keys are kept (reporting them is a rule's
/// job); lookups return the first entry, as Kestra's Jackson-based loader effectively sees one key.
/// Lookups follow YAML 1.1 <c>&lt;&lt;</c> merge keys through aliases without copying anything.
/// </summary>
public sealed class YamlMapping : YamlNode
{
    // Filled once, with the exact size, when the mapping is complete (see YamlSequence).
    private YamlEntry[] _entries = System.Array.Empty<YamlEntry>();
    private bool _hasMergeKeys;
    private YamlEntry[]? _effective;

    internal YamlMapping(YamlNode? parent, int depth, bool isFlowStyle)
        : base(parent, depth)
    {
        IsFlowStyle = isFlowStyle;
    }

    public override YamlNodeKind Kind => YamlNodeKind.Mapping;

    public override int ExpandedSize => _expandedSize;

    private AnchorAndTag? _properties;
    private protected override AnchorAndTag? GetProperties() => _properties;
    private protected override void StoreProperties(AnchorAndTag properties) => _properties = properties;

    private int _expandedSize = 1;

    internal void AddExpandedSize(int size) => _expandedSize = (int)System.Math.Min(int.MaxValue, (long)_expandedSize + size);

    /// <summary>The entries as written, duplicates and <c>&lt;&lt;</c> entries included.</summary>
    public ReadOnlyArray<YamlEntry> Entries => new(_entries);

    /// <summary>True for <c>{a: 1}</c>, false for a block mapping.</summary>
    public bool IsFlowStyle { get; }

    /// <summary>Whether some entry is a <c>&lt;&lt;</c> merge key.</summary>
    public bool HasMergeKeys => _hasMergeKeys;

    public YamlNode? GetValue(string key) => TryGetEntry(key, out var entry) ? entry.Value : null;

    public bool TryGetValue(string key, [NotNullWhen(true)] out YamlNode? value)
    {
        if (TryGetEntry(key, out var entry))
        {
            value = entry.Value;
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>
    /// The first entry whose key is the scalar <paramref name="key"/>: an own entry if there is one,
    /// else one reached through merge keys (the entry then belongs to the merged mapping).
    /// </summary>
    public bool TryGetEntry(string key, out YamlEntry entry)
    {
        if (FindOwn(key, out entry))
            return true;
        if (!_hasMergeKeys)
            return false;

        foreach (var source in MergeSources())
        {
            if (source.FindOwn(key, out entry))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The entries after merge resolution: own entries first (the first of duplicate keys only;
    /// <c>&lt;&lt;</c> entries left out), then merged entries whose key is not already present, in
    /// YAML 1.1 precedence order. Entries with non-scalar keys are always included.
    /// </summary>
    public ReadOnlyArray<YamlEntry> EffectiveEntries() => new(_effective ??= ComputeEffectiveEntries());

    // Computed once per mapping (the tree is immutable once built); without merge keys or duplicate keys, which
    // is nearly every mapping, the entries themselves.
    private YamlEntry[] ComputeEffectiveEntries()
    {
        if (!_hasMergeKeys && !HasDuplicateKeys()) return _entries;
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var effective = new List<YamlEntry>(_entries.Length);
        foreach (var entry in _entries)
        {
            if (entry.IsMergeKey)
                continue;
            var text = entry.KeyText;
            if (text == null || seen.Add(text))
                effective.Add(entry);
        }
        if (_hasMergeKeys)
        {
            foreach (var source in MergeSources())
            {
                foreach (var entry in source._entries)
                {
                    if (entry.IsMergeKey)
                        continue;
                    var text = entry.KeyText;
                    if (text == null || seen.Add(text))
                        effective.Add(entry);
                }
            }
        }
        return effective.ToArray();
    }

    private bool HasDuplicateKeys()
    {
        if (_entries.Length <= 16)
        {
            for (int i = 1; i < _entries.Length; i++)
            {
                var key = _entries[i].KeyText;
                if (key == null) continue;
                for (int j = 0; j < i; j++)
                    if (_entries[j].KeyText == key) return true;
            }
            return false;
        }
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var entry in _entries)
            if (entry.KeyText is { } key && !seen.Add(key)) return true;
        return false;
    }

    internal void SetEntries(YamlEntry[] entries)
    {
        _entries = entries;
        foreach (var entry in entries)
            _hasMergeKeys |= entry.IsMergeKey;
    }

    private bool FindOwn(string key, out YamlEntry entry)
    {
        // A for loop over the list: this is the hot path of every property lookup of later stages.
        for (int i = 0; i < _entries.Length; i++)
        {
            var candidate = _entries[i];
            if (candidate.Key.Resolve() is YamlScalar scalar && scalar.Value == key && !candidate.IsMergeKey)
            {
                entry = candidate;
                return true;
            }
        }
        entry = default;
        return false;
    }

    /// <summary>
    /// The mappings merged into this one, in precedence order: a depth-first pre-order walk, because
    /// a merged mapping brings its own merges along before the next source of ours. Iterative with a
    /// visited set, so long merge chains cannot overflow the stack and diamond-shaped merges stay linear.
    /// </summary>
    private IEnumerable<YamlMapping> MergeSources()
    {
        var visited = new HashSet<YamlMapping> { this };
        var stack = new Stack<YamlMapping>();
        PushSources(this, stack);
        while (stack.Count > 0)
        {
            var mapping = stack.Pop();
            if (!visited.Add(mapping))
                continue;
            yield return mapping;
            if (mapping._hasMergeKeys)
                PushSources(mapping, stack);
        }
    }

    private static void PushSources(YamlMapping mapping, Stack<YamlMapping> stack)
    {
        // Pushed in reverse so the first source is popped (and so wins) first.
        for (int i = mapping._entries.Length - 1; i >= 0; i--)
        {
            var entry = mapping._entries[i];
            if (!entry.IsMergeKey)
                continue;
            switch (entry.Value.Resolve())
            {
                case YamlMapping source:
                    stack.Push(source);
                    break;
                case YamlSequence list:
                    for (int j = list.Items.Count - 1; j >= 0; j--)
                    {
                        if (list.Items[j].Resolve() is YamlMapping item)
                            stack.Push(item);
                    }
                    break;
            }
        }
    }
}
