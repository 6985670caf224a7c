using System;
using System.Collections.Generic;
using System.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Flows;

/// <summary>One scalar of a configuration with the canonical dotted path Micronaut binds it to.</summary>
public readonly struct ConfigValue
{
    public ConfigValue(string path, string writtenPath, YamlNode key, YamlScalar scalar)
    {
        Key = key;
        Path = path;
        WrittenPath = writtenPath;
        Scalar = scalar;
    }

    /// <summary>The keys as the file spells them, joined with dots (`kestra.server.basicAuth.password`), for messages.</summary>
    public string WrittenPath { get; }

    /// <summary>The canonical path: segments lower-cased, `-` and `_` removed (`kestra.server.basicauth.password`).</summary>
    public string Path { get; }

    /// <summary>The innermost key the value is written under (a dotted key is one node).</summary>
    public YamlNode Key { get; }

    /// <summary>The value's node; under an alias it is the anchored node, so its span is where the text is written.</summary>
    public YamlScalar Scalar { get; }

    /// <summary>A Micronaut placeholder (`${ENV}`, `${ENV:default}`) makes the value come from elsewhere.</summary>
    public bool IsPlaceholder => Scalar.Value.IndexOf("${", StringComparison.Ordinal) >= 0;

    public bool IsEmpty => Scalar.IsNull || Scalar.Value.Trim().Length == 0;
}

/// <summary>
/// Looks configuration keys up the way Micronaut binds them: nested mappings and dotted keys
/// (`kestra.encryption.secret-key:` at any level) are the same key, and so are relaxed spellings
/// (`basicAuth`, `basic-auth`, `basic_auth`, any case).
/// </summary>
public static class KestraConfigPaths
{
    // Aliases can nest; a bound keeps a hostile document from recursing without end.
    private const int MaxDepth = 64;

    /// <summary>The canonical form of a dotted path: each segment lower-cased with `-` and `_` removed.</summary>
    public static string Canonical(string path)
    {
        var builder = new StringBuilder(path.Length);
        foreach (char c in path)
        {
            if (c == '-' || c == '_') continue;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>Every scalar under the root, in document order, with its canonical path.</summary>
    public static IReadOnlyList<ConfigValue> Scalars(YamlMapping root) =>
        // Worked out once per document: every configuration rule asks for them, a dozen walks of the same tree.
        ScalarsByRoot.GetValue(root, static r =>
        {
            var values = new List<ConfigValue>();
            Walk(r, string.Empty, string.Empty, values, 0);
            return values.ToArray();
        });

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<YamlMapping, IReadOnlyList<ConfigValue>> ScalarsByRoot = new();

    /// <summary>The scalars bound to a path (several when both the nested and the dotted form are written).</summary>
    public static List<ConfigValue> Find(YamlMapping root, string path) => Find(Scalars(root), path);

    public static List<ConfigValue> Find(IReadOnlyList<ConfigValue> scalars, string path)
    {
        string canonical = Canonical(path);
        var found = new List<ConfigValue>();
        foreach (var value in scalars)
            if (value.Path == canonical) found.Add(value);
        return found;
    }

    /// <summary>
    /// The nodes of any kind (lists and mappings too) bound to a path, with the key they are written under,
    /// in document order; nested and dotted spellings both count.
    /// </summary>
    public static List<(YamlNode Key, YamlNode Value, string WrittenPath)> FindNodes(YamlMapping root, string path)
    {
        var found = new List<(YamlNode, YamlNode, string)>();
        CollectNodes(root, string.Empty, string.Empty, Canonical(path), found, 0);
        return found;
    }

    private static void CollectNodes(YamlMapping mapping, string prefix, string writtenPrefix, string target, List<(YamlNode, YamlNode, string)> found, int depth)
    {
        if (depth > MaxDepth) return;
        foreach (var entry in mapping.EffectiveEntries())
        {
            if (entry.KeyText is not { Length: > 0 } key) continue;
            string path = prefix.Length == 0 ? Canonical(key) : prefix + "." + Canonical(key);
            string written = writtenPrefix.Length == 0 ? key : writtenPrefix + "." + key;
            var value = entry.Value.Resolve();
            if (path == target) found.Add((entry.Key, value, written));
            else if (value is YamlMapping child && target.StartsWith(path + ".", StringComparison.Ordinal))
                CollectNodes(child, path, written, target, found, depth + 1);
        }
    }

    /// <summary>Whether a path is bound to a value that reads as `true` (Micronaut's boolean conversion).</summary>
    public static bool IsTrue(IReadOnlyList<ConfigValue> scalars, string path)
    {
        foreach (var value in Find(scalars, path))
            if (string.Equals(value.Scalar.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Whether any value is written at or under a path (`kestra.secret.type` under `kestra.secret`).</summary>
    public static bool HasUnder(IReadOnlyList<ConfigValue> scalars, string prefix)
    {
        string canonical = Canonical(prefix);
        foreach (var value in scalars)
            if (value.Path == canonical || value.Path.StartsWith(canonical + ".", StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// The part of a value the server uses when no variable is set: the whole literal, or the default of a
    /// whole-value placeholder `${NAME:default}`; (0, 0) for a placeholder without default or a composite value.
    /// </summary>
    public static (int Start, int Length) LiteralPart(string value)
    {
        if (value.IndexOf("${", StringComparison.Ordinal) < 0) return (0, value.Length);
        if (!value.StartsWith("${", StringComparison.Ordinal) || !value.EndsWith("}", StringComparison.Ordinal)) return (0, 0);
        int colon = value.IndexOf(':');
        if (colon < 0 || value.IndexOf("${", 2, StringComparison.Ordinal) >= 0) return (0, 0);
        return (colon + 1, value.Length - 1 - (colon + 1));
    }

    private static void Walk(YamlMapping mapping, string prefix, string writtenPrefix, List<ConfigValue> values, int depth)
    {
        if (depth > MaxDepth) return;
        foreach (var entry in mapping.EffectiveEntries())
        {
            if (entry.KeyText is not { Length: > 0 } key) continue;
            string path = prefix.Length == 0 ? Canonical(key) : prefix + "." + Canonical(key);
            string written = writtenPrefix.Length == 0 ? key : writtenPrefix + "." + key;
            switch (entry.Value.Resolve())
            {
                case YamlMapping child:
                    Walk(child, path, written, values, depth + 1);
                    break;
                case YamlScalar scalar:
                    values.Add(new ConfigValue(path, written, entry.Key, scalar));
                    break;
            }
        }
    }
}
