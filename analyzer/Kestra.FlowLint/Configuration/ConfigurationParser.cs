using System;
using System.Collections.Generic;
using System.Globalization;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Configuration;

/// <summary>A mistake in a configuration file, at the exact place it was written.</summary>
public sealed class ConfigurationError
{
    public ConfigurationError(SourceText text, TextSpan span, string message)
    {
        Text = text;
        Span = span;
        Message = message;
    }

    /// <summary>The configuration file (its <see cref="SourceText.Path"/> is the path reported).</summary>
    public SourceText Text { get; }

    public TextSpan Span { get; }
    public string Message { get; }

    /// <summary><c>path:line:col: error: message</c>, 1-based, like findings.</summary>
    public override string ToString()
    {
        var position = Text.GetLinePosition(Span.Start);
        return $"{Text.Path}:{position.Line + 1}:{position.Character + 1}: error: {Message}";
    }
}

/// <summary>The configuration read from a file, or the errors that make it unusable.</summary>
public sealed class ConfigurationLoadResult
{
    internal ConfigurationLoadResult(FlowLintConfiguration? configuration, IReadOnlyList<ConfigurationError> errors)
    {
        Configuration = configuration;
        Errors = errors;
    }

    /// <summary>Null when there are errors: a half-read configuration would lint with settings nobody wrote.</summary>
    public FlowLintConfiguration? Configuration { get; }

    public IReadOnlyList<ConfigurationError> Errors { get; }
}

/// <summary>
/// Reads <c>.flowlint.yaml</c> with FlowLint's own YAML layer, so every mistake is reported with its line and
/// column. Every key and value is checked: an unknown key, rule id, category or severity is an error (with a
/// suggestion when one is close), never silently ignored.
/// </summary>
public static class ConfigurationParser
{
    private const string RulesKey = "rules", CategoriesKey = "categories", IncludeKey = "include", ExcludeKey = "exclude", LimitsKey = "limits";
    private const string SeverityKey = "severity", OptionsKey = "options";
    private const string MaxFileLengthKey = "maxFileLength", MaxDepthKey = "maxDepth", MaxAliasExpansionKey = "maxAliasExpansion";

    /// <summary>The keys a configuration's root may have.</summary>
    public static IReadOnlyList<string> RootKeys { get; } = new[] { RulesKey, CategoriesKey, IncludeKey, ExcludeKey, LimitsKey };

    public static IReadOnlyList<string> RuleEntryKeys { get; } = new[] { SeverityKey, OptionsKey };
    public static IReadOnlyList<string> LimitKeys { get; } = new[] { MaxFileLengthKey, MaxDepthKey, MaxAliasExpansionKey };

    /// <summary>The words a severity may be, in the order the schema lists them.</summary>
    public static IReadOnlyList<string> SeverityWords { get; } = new[] { "error", "warning", "note", "none" };

    /// <summary>Deeper nesting than this is refused: later stages walk the tree and must not exhaust the stack.</summary>
    public const int MaxDepthLimit = 1024;

    /// <summary>
    /// Parses a configuration. <paramref name="text"/>'s path is the one errors are reported under;
    /// <paramref name="fullPath"/> locates the folder include/exclude patterns are relative to.
    /// </summary>
    public static ConfigurationLoadResult Parse(SourceText text, string fullPath, IReadOnlyList<DiagnosticDescriptor> catalogue)
    {
        var reader = new Reader(text, catalogue);
        var configuration = reader.Read(fullPath);
        reader.Errors.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new ConfigurationLoadResult(reader.Errors.Count == 0 ? configuration : null, reader.Errors);
    }

    private sealed class Reader
    {
        private readonly SourceText _text;
        private readonly Dictionary<string, DiagnosticDescriptor> _rulesById = new(StringComparer.Ordinal);
        private readonly List<string> _ruleIds = new();

        public Reader(SourceText text, IReadOnlyList<DiagnosticDescriptor> catalogue)
        {
            _text = text;
            foreach (var descriptor in catalogue)
            {
                if (_rulesById.ContainsKey(descriptor.Id)) continue;
                _rulesById.Add(descriptor.Id, descriptor);
                _ruleIds.Add(descriptor.Id);
            }
        }

        public List<ConfigurationError> Errors { get; } = new();

        private void Error(YamlNode node, string message) => Errors.Add(new ConfigurationError(_text, node.Span, message));

        public FlowLintConfiguration Read(string fullPath)
        {
            var stream = YamlParser.Parse(_text);
            foreach (var error in stream.Errors)
                Errors.Add(new ConfigurationError(_text, error.Span, "invalid YAML: " + error.Message));
            if (Errors.Count > 0) return FlowLintConfiguration.Default;
            if (stream.Documents.Count > 1)
            {
                Errors.Add(new ConfigurationError(_text, stream.Documents[1].Span, "a configuration file holds one YAML document; remove the '---' and what follows, or merge it into the first"));
                return FlowLintConfiguration.Default;
            }

            var rules = new Dictionary<string, RuleConfiguration>(StringComparer.Ordinal);
            var categories = new Dictionary<string, ConfiguredSeverity>(StringComparer.Ordinal);
            var include = new List<GlobPattern>();
            var exclude = new List<GlobPattern>();
            int? maxFileLength = null, maxDepth = null, maxAliasExpansion = null;

            var root = stream.Documents.Count == 1 ? stream.Documents[0].Root : null;
            if (root is not null && !IsNull(root))
            {
                if (root.Resolve() is not YamlMapping mapping)
                {
                    Error(root, "a configuration is a mapping with the keys " + string.Join(", ", RootKeys));
                    return FlowLintConfiguration.Default;
                }
                foreach (var (key, value) in Entries(mapping, RootKeys, "configuration key"))
                {
                    switch (key)
                    {
                        case RulesKey: ReadRules(value, rules); break;
                        case CategoriesKey: ReadCategories(value, categories); break;
                        case IncludeKey: ReadPatterns(value, include, IncludeKey); break;
                        case ExcludeKey: ReadPatterns(value, exclude, ExcludeKey); break;
                        case LimitsKey:
                            foreach (var (limit, limitValue) in Entries(value, LimitKeys, "limit"))
                            {
                                switch (limit)
                                {
                                    case MaxFileLengthKey: maxFileLength = ReadPositiveInt(limitValue, limit, int.MaxValue); break;
                                    case MaxDepthKey: maxDepth = ReadPositiveInt(limitValue, limit, MaxDepthLimit); break;
                                    case MaxAliasExpansionKey: maxAliasExpansion = ReadPositiveInt(limitValue, limit, int.MaxValue); break;
                                }
                            }
                            break;
                    }
                }
            }

            string folder = System.IO.Path.GetDirectoryName(fullPath) ?? fullPath;
            return new FlowLintConfiguration(fullPath, folder, rules, categories, include, exclude, maxFileLength, maxDepth, maxAliasExpansion);
        }

        /// <summary>The entries of a mapping whose keys are among <paramref name="allowed"/>; reports the others.</summary>
        private IEnumerable<(string Key, YamlNode Value)> Entries(YamlNode node, IReadOnlyList<string> allowed, string what)
        {
            foreach (var (key, keyNode, value) in KeyNodes(node, what, "expected a mapping with the keys " + string.Join(", ", allowed)))
            {
                if (!Contains(allowed, key))
                {
                    Error(keyNode, $"unknown {what} '{DidYouMean.Excerpt(key)}'{DidYouMean.Suffix(key, allowed)}; expected one of: {string.Join(", ", allowed)}");
                    continue;
                }
                yield return (key, value);
            }
        }

        private void ReadRules(YamlNode node, Dictionary<string, RuleConfiguration> rules)
        {
            foreach (var entry in KeyNodes(node, "rule id"))
            {
                string id = entry.Key;
                if (!_rulesById.ContainsKey(id))
                {
                    Error(entry.KeyNode, $"unknown rule '{DidYouMean.Excerpt(id)}'{DidYouMean.Suffix(id, _ruleIds)}; `flowlint rules` lists them" +
                        (IsPrefixOfSome(id) ? "; a category is set under 'categories:'" : ""));
                    continue;
                }
                var value = entry.Value;
                if (value.Resolve() is YamlMapping { Entries.Count: 0 })
                {
                    Error(value, $"the setting of {id} is empty; give a severity, or {{ severity: …, options: {{ … }} }}");
                }
                else if (value.Resolve() is YamlMapping)
                {
                    ConfiguredSeverity? severity = null;
                    IReadOnlyDictionary<string, string>? options = null;
                    foreach (var (key, v) in Entries(value, RuleEntryKeys, "rule setting"))
                    {
                        if (key == SeverityKey) severity = ReadSeverity(v);
                        else options = ReadOptions(v);
                    }
                    rules[id] = new RuleConfiguration(severity, options);
                }
                else if (ReadSeverity(value) is { } severity)
                {
                    rules[id] = new RuleConfiguration(severity);
                }
            }
        }

        /// <summary>
        /// The entries of a mapping, keys checked by the caller; reports keys that are not names, duplicates, and a
        /// value that is not a mapping. A null value (<c>key:</c> with nothing after it) has no entries.
        /// </summary>
        private IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> KeyNodes(YamlNode node, string what, string? notAMapping = null)
        {
            if (IsNull(node)) yield break;
            if (node.Resolve() is not YamlMapping mapping)
            {
                Error(node, notAMapping ?? $"expected a mapping of {what}s");
                yield break;
            }
            var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var entry in mapping.Entries)
            {
                if (entry.Key.Resolve() is not YamlScalar keyScalar || IsNull(entry.Key) || keyScalar.Value.Length == 0)
                {
                    Error(entry.Key, $"a {what} must be a plain name");
                    continue;
                }
                if (seen.TryGetValue(keyScalar.Value, out var first))
                {
                    Error(entry.Key, $"duplicate {what} '{DidYouMean.Excerpt(keyScalar.Value)}' (first set on line {_text.GetLinePosition(first.Span.Start).Line + 1})");
                    continue;
                }
                seen.Add(keyScalar.Value, entry.Key);
                yield return (keyScalar.Value, entry.Key, entry.Value);
            }
        }

        private bool IsPrefixOfSome(string id)
        {
            foreach (var known in _ruleIds)
                if (known.StartsWith(id, StringComparison.OrdinalIgnoreCase) && known.Length > id.Length) return true;
            return false;
        }

        private void ReadCategories(YamlNode node, Dictionary<string, ConfiguredSeverity> categories)
        {
            foreach (var entry in KeyNodes(node, "category"))
            {
                if (!Contains(FlowLintConfiguration.Categories, entry.Key))
                {
                    Error(entry.KeyNode, $"unknown category '{DidYouMean.Excerpt(entry.Key)}'{DidYouMean.Suffix(entry.Key, FlowLintConfiguration.Categories)}; expected one of: {string.Join(", ", FlowLintConfiguration.Categories)}");
                    continue;
                }
                if (ReadSeverity(entry.Value) is { } severity) categories[entry.Key] = severity;
            }
        }

        private ConfiguredSeverity? ReadSeverity(YamlNode node)
        {
            if (node.Resolve() is not YamlScalar scalar || IsNull(node))
            {
                Error(node, "expected a severity: error, warning, note or none");
                return null;
            }
            switch (scalar.Value)
            {
                case "error": return ConfiguredSeverity.Error;
                case "warning": return ConfiguredSeverity.Warning;
                case "note": return ConfiguredSeverity.Note;
                case "none": return ConfiguredSeverity.None;
            }
            // Other tools' words are close in meaning but not in spelling; name the one meant.
            string? meant = scalar.Value.ToLowerInvariant() switch
            {
                "warn" => "warning",
                "info" or "notice" or "information" or "suggestion" or "hint" => "note",
                "off" or "false" or "disable" or "disabled" or "silent" or "ignore" => "none",
                "err" or "fatal" or "on" or "true" => "error",
                _ => DidYouMean.Closest(scalar.Value, SeverityWords),
            };
            Error(node, $"'{DidYouMean.Excerpt(scalar.Value)}' is not a severity; expected error, warning, note or none" + (meant is null ? "" : $" (did you mean '{meant}'?)"));
            return null;
        }

        private IReadOnlyDictionary<string, string>? ReadOptions(YamlNode node)
        {
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in KeyNodes(node, "option name"))
            {
                var value = entry.Value.Resolve();
                switch (value)
                {
                    case YamlScalar scalar when !IsNull(value):
                        options[entry.Key] = scalar.Value;
                        break;
                    case YamlSequence list:
                        var items = new List<string>(list.Items.Count);
                        foreach (var item in list.Items)
                        {
                            if (item.Resolve() is not YamlScalar itemScalar || IsNull(item))
                                Error(item, $"the items of option '{entry.Key}' must be plain values");
                            else if (itemScalar.Value.IndexOf(',') >= 0)
                                Error(item, $"an item of option '{entry.Key}' cannot contain ','");
                            else
                                items.Add(itemScalar.Value);
                        }
                        options[entry.Key] = string.Join(",", items);
                        break;
                    default:
                        Error(entry.Value, $"option '{entry.Key}' needs a value: a scalar or a list of scalars");
                        break;
                }
            }
            return options;
        }

        private void ReadPatterns(YamlNode node, List<GlobPattern> into, string key)
        {
            if (IsNull(node)) return;
            var value = node.Resolve();
            if (value is YamlScalar)
            {
                ReadPattern(node, into);
                return;
            }
            if (value is not YamlSequence list)
            {
                Error(node, $"'{key}' is a list of glob patterns, e.g. [\"flows/**\"]");
                return;
            }
            foreach (var item in list.Items) ReadPattern(item, into);
        }

        private void ReadPattern(YamlNode node, List<GlobPattern> into)
        {
            if (node.Resolve() is not YamlScalar scalar || IsNull(node))
            {
                Error(node, "expected a glob pattern (a string such as \"flows/**\")");
                return;
            }
            if (GlobPattern.TryParse(scalar.Value, out var pattern, out var error)) into.Add(pattern!);
            else Error(node, error!);
        }

        private int? ReadPositiveInt(YamlNode node, string name, int max)
        {
            string? text = node.Resolve() is YamlScalar scalar && !IsNull(node) ? scalar.Value.Replace("_", "") : null;
            if (text is null || text.Length == 0 || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value < 1 || value > max)
            {
                Error(node, $"'{name}' must be a whole number from 1 to {max.ToString(CultureInfo.InvariantCulture)}");
                return null;
            }
            return (int)value;
        }

        private static bool IsNull(YamlNode node) => node.Resolve() is YamlScalar { IsNull: true };

        private static bool Contains(IReadOnlyList<string> list, string value)
        {
            foreach (var item in list)
                if (string.Equals(item, value, StringComparison.Ordinal)) return true;
            return false;
        }
    }
}
