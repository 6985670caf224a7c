using System.IO;
using System.Text.RegularExpressions;
using Kestra.FlowLint.Knowledge;

namespace Kestra.FlowLint.Tests.Knowledge;

/// <summary>
/// Checks the knowledge base against real flows: Kestra's own valid test flows and the documentation's examples.
/// A text scan is enough here (the YAML layer is built separately); a miss is printed so the data can be fixed.
/// </summary>
[TestClass]
public class CorpusKnowledgeTests
{
    private static readonly Regex TypeLine = new(@"(?m)^[ \t]*(?:-[ \t]+)?type:[ \t]*[""']?([A-Za-z0-9_.$]+)", RegexOptions.CultureInvariant);

    // Plugins compiled only into Kestra's own test classpath (core/src/test/java); they never exist on a server.
    private static readonly string[] KestraTestFixturePrefixes =
    {
        "io.kestra.core.tasks.test.",
        "io.kestra.core.runners.test.",
    };

    [TestMethod]
    public void Every_core_type_in_the_corpus_resolves()
    {
        var types = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in CorpusLocator.YamlFiles("kestra-tests/valids").Concat(CorpusLocator.YamlFiles("kestra-docs")))
            foreach (Match m in TypeLine.Matches(File.ReadAllText(file)))
            {
                var type = m.Groups[1].Value;
                if (type.StartsWith("io.kestra.plugin.core.", StringComparison.Ordinal) || type.StartsWith("io.kestra.core.", StringComparison.Ordinal))
                    types.Add(type);
            }

        types.Count.ShouldBeGreaterThan(40, "the scan found too few core types; is the corpus there?");
        var misses = types
            .Where(t => !KestraTestFixturePrefixes.Any(p => t.StartsWith(p, StringComparison.Ordinal)))
            .Where(t => !KestraKnowledge.ResolveType(t).IsKnown)
            .ToArray();
        misses.ShouldBeEmpty("core types not in PluginTypes: " + string.Join(", ", misses));
    }

    private static readonly Regex KeyLine = new(@"^(?<indent> *)(?<dash>- +)?(?<key>[A-Za-z_$][A-Za-z0-9_$]*) *:(?: |$)", RegexOptions.CultureInvariant);

    /// <summary>
    /// Keys of the block mapping that holds line <paramref name="typeLine"/>, by indentation alone. Good enough for the
    /// corpus (block style, two-space indents); values nested deeper, block scalars and list items are skipped.
    /// </summary>
    private static List<string> SiblingKeys(string[] lines, int typeLine)
    {
        var first = KeyLine.Match(lines[typeLine]);
        int column = first.Groups["indent"].Length + first.Groups["dash"].Length;
        var keys = new List<string> { first.Groups["key"].Value };
        bool startsItem = first.Groups["dash"].Success;
        for (int i = typeLine - 1; i >= 0 && !startsItem; i--)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith("#", StringComparison.Ordinal)) continue;
            int indent = line.Length - line.TrimStart(' ').Length;
            var m = KeyLine.Match(line);
            if (indent > column) continue;
            if (m.Success && m.Groups["dash"].Success && indent + m.Groups["dash"].Length == column) { keys.Add(m.Groups["key"].Value); break; }
            if (indent == column && m.Success && !m.Groups["dash"].Success) { keys.Add(m.Groups["key"].Value); continue; }
            if (indent == column && line.TrimStart().StartsWith("-", StringComparison.Ordinal)) continue;
            break;
        }
        for (int i = typeLine + 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith("#", StringComparison.Ordinal)) continue;
            int indent = line.Length - line.TrimStart(' ').Length;
            if (indent > column) continue;
            if (indent < column || line.StartsWith("---", StringComparison.Ordinal)) break;
            if (line.TrimStart().StartsWith("-", StringComparison.Ordinal)) continue;
            var m = KeyLine.Match(line);
            if (m.Success) keys.Add(m.Groups["key"].Value);
        }
        return keys;
    }

    [TestMethod]
    public void Plugins_marked_complete_declare_every_property_the_corpus_uses()
    {
        // PropertiesComplete licenses an "unknown property" error, so a real flow using a key we lack must fail here.
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        int checkedTasks = 0;
        foreach (var file in CorpusLocator.YamlFiles("kestra-tests/valids").Concat(CorpusLocator.YamlFiles("kestra-docs")))
        {
            var lines = File.ReadAllText(file).Replace("\r\n", "\n").Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                var m = TypeLine.Match(lines[i]);
                if (!m.Success || !KeyLine.IsMatch(lines[i])) continue;
                var plugin = KestraKnowledge.GetPlugin(m.Groups[1].Value);
                if (plugin is null || !plugin.PropertiesComplete) continue;
                var keys = SiblingKeys(lines, i);
                if (plugin.Kind == PluginKind.Task && !keys.Contains("id")) continue; // a pluginDefaults entry, not a task
                checkedTasks++;
                foreach (var key in keys)
                    if (KestraKnowledge.GetProperty(plugin.Type, key) is null)
                        unknown.Add(plugin.Type + "." + key + " (" + Path.GetFileName(file) + ":" + (i + 1) + ")");
            }
        }

        checkedTasks.ShouldBeGreaterThan(300);
        unknown.ShouldBeEmpty("properties missing from complete plugins: " + string.Join(", ", unknown));
    }

    private static readonly Regex Expression = new(@"\{\{(.*?)\}\}|\{%(.*?)%\}", RegexOptions.Singleline | RegexOptions.CultureInvariant);
    private static readonly Regex StringLiteral = new(@"'(?:[^'\\]|\\.)*'|""(?:[^""\\]|\\.)*""", RegexOptions.Singleline | RegexOptions.CultureInvariant);
    private static readonly Regex FilterName = new(@"\|\s*([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);
    // A call not preceded by '.' (a Java method on a value) or '|' (a filter with arguments), possibly across spaces.
    private static readonly Regex FunctionCall = new(@"(?<![.|]\s*)(?<![\w$])([A-Za-z_][A-Za-z0-9_]*)\s*\(", RegexOptions.CultureInvariant);
    private static readonly Regex MacroDefinition = new(@"^\s*macro\s+([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);

    // Words that can precede '(' inside an expression without being a call.
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "not", "in", "is", "if", "elseif", "for", "set", "contains", "equals", "isIn",
    };

    // Names the docs use that Kestra does not have; a linter is right to flag them. Kept here so a new miss still fails.
    // `| internalStorage.get()` (how-to guide "GitHub repo backup") is not a Kestra filter: the task would fail with
    // "Filter [internalStorage] does not exist"; read(outputs.x.uri) is the documented way.
    private static readonly HashSet<string> KnownDocumentationMistakes = new(StringComparer.Ordinal) { "internalStorage" };

    [TestMethod]
    public void Every_function_and_filter_used_in_the_docs_is_known()
    {
        var unknownFunctions = new SortedSet<string>(StringComparer.Ordinal);
        var unknownFilters = new SortedSet<string>(StringComparer.Ordinal);
        int seen = 0;
        foreach (var file in CorpusLocator.YamlFiles("kestra-docs"))
        {
            var text = File.ReadAllText(file);
            var macros = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match e in Expression.Matches(text))
            {
                var body = e.Groups[1].Success ? e.Groups[1].Value : e.Groups[2].Value;
                var macro = MacroDefinition.Match(body);
                if (macro.Success) macros.Add(macro.Groups[1].Value);
            }
            foreach (Match e in Expression.Matches(text))
            {
                var body = StringLiteral.Replace(e.Groups[1].Success ? e.Groups[1].Value : e.Groups[2].Value, "''");
                foreach (Match f in FilterName.Matches(body))
                {
                    seen++;
                    if (!KestraKnowledge.Filters.ContainsKey(f.Groups[1].Value) && !KnownDocumentationMistakes.Contains(f.Groups[1].Value)) unknownFilters.Add(f.Groups[1].Value + " (" + Path.GetFileName(file) + ")");
                }
                foreach (Match c in FunctionCall.Matches(body))
                {
                    var name = c.Groups[1].Value;
                    if (Keywords.Contains(name) || macros.Contains(name)) continue;
                    seen++;
                    if (!KestraKnowledge.Functions.ContainsKey(name)) unknownFunctions.Add(name + " (" + Path.GetFileName(file) + ")");
                }
            }
        }

        seen.ShouldBeGreaterThan(50, "the scan found too few calls; is the corpus there?");
        unknownFilters.ShouldBeEmpty("unknown filters: " + string.Join(", ", unknownFilters));
        unknownFunctions.ShouldBeEmpty("unknown functions: " + string.Join(", ", unknownFunctions));
    }
}
