using System.Diagnostics;
using System.IO;
using System.Text;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Tests.Yaml;

/// <summary>Properties checked on every real flow of the shared corpus, then on thousands of mutated ones.</summary>
[TestClass]
public class YamlCorpusTests
{
    [TestMethod]
    public void Corpus_maps_reproduce_YamlDotNet_values_and_stay_inside_their_nodes()
    {
        var files = YamlTestHelpers.CorpusFiles();
        files.Count.ShouldBeGreaterThan(300);
        int scalars = 0, nonVerbatim = 0;
        var problems = new List<string>();
        foreach (var file in files)
        {
            SourceText.TryDecode(File.ReadAllBytes(file), file, out var text, out _).ShouldBeTrue(file);
            var stream = YamlParser.Parse(text!);
            foreach (var problem in CheckInvariants(stream, requireExactMaps: true))
                problems.Add($"{file}: {problem}");
            foreach (var scalar in stream.AllNodes().OfType<YamlScalar>())
            {
                scalars++;
                if (scalar.GetMap() != ScalarSourceMap.Identity)
                    nonVerbatim++;
            }
        }
        problems.Take(20).ShouldBeEmpty();
        scalars.ShouldBeGreaterThan(10_000);
        nonVerbatim.ShouldBeGreaterThan(50, "the corpus should exercise quoted, multi-line and block scalars");
    }

    [TestMethod]
    public void Mutated_flows_never_throw_and_every_span_stays_in_the_text()
    {
        var seedText = Environment.GetEnvironmentVariable("FLOWLINT_FUZZ_SEED");
        var random = new Random(seedText != null ? int.Parse(seedText, System.Globalization.CultureInfo.InvariantCulture) : 20261107);
        var extra = Environment.GetEnvironmentVariable("FLOWLINT_FUZZ_SECONDS");
        var seconds = extra != null ? int.Parse(extra, System.Globalization.CultureInfo.InvariantCulture) : 3;
        var files = YamlTestHelpers.CorpusFiles();
        var budget = Stopwatch.StartNew();
        int cases = 0;
        var problems = new List<string>();
        while ((cases < 2_000 || budget.Elapsed < TimeSpan.FromSeconds(seconds)) && budget.Elapsed < TimeSpan.FromSeconds(seconds + 20))
        {
            var original = File.ReadAllText(files[random.Next(files.Count)]);
            var mutated = Mutate(original, random);
            YamlStream stream;
            try
            {
                stream = YamlParser.Parse(new SourceText(mutated));
            }
            catch (Exception ex)
            {
                File.WriteAllText(Path.Combine(Path.GetTempPath(), "flowlint-yaml-fuzz-failure.yaml"), mutated);
                throw new Exception($"Parse threw on case {cases}:\n{mutated}", ex);
            }
            foreach (var problem in CheckInvariants(stream, requireExactMaps: true))
                problems.Add($"case {cases}: {problem}\n---\n{mutated}\n---");
            if (problems.Count > 0)
            {
                File.WriteAllText(Path.Combine(Path.GetTempPath(), "flowlint-yaml-fuzz-failure.yaml"), mutated);
                break;
            }
            cases++;
        }
        problems.ShouldBeEmpty();
        cases.ShouldBeGreaterThanOrEqualTo(2_000);
    }

    [TestMethod]
    public void Generated_scalars_of_every_style_map_exactly()
    {
        var seedText = Environment.GetEnvironmentVariable("FLOWLINT_FUZZ_SEED");
        var random = new Random(seedText != null ? int.Parse(seedText, System.Globalization.CultureInfo.InvariantCulture) : 7);
        var budget = Stopwatch.StartNew();
        int accepted = 0, cases = 0;
        var byStyle = new Dictionary<YamlScalarStyle, int>();
        while (budget.Elapsed < TimeSpan.FromSeconds(seedText != null ? 60 : 2) || accepted < 3_000)
        {
            cases++;
            var yaml = GenerateScalarDocument(random);
            var stream = YamlParser.Parse(new SourceText(yaml));
            if (stream.Errors.Count > 0)
                continue;
            accepted++;
            var problems = CheckInvariants(stream, requireExactMaps: true).ToList();
            if (problems.Count > 0)
            {
                File.WriteAllText(Path.Combine(Path.GetTempPath(), "flowlint-yaml-fuzz-failure.yaml"), yaml);
                problems.ShouldBeEmpty(yaml);
            }
            foreach (var scalar in stream.AllNodes().OfType<YamlScalar>())
                byStyle[scalar.Style] = byStyle.TryGetValue(scalar.Style, out int n) ? n + 1 : 1;
            if (budget.Elapsed > TimeSpan.FromSeconds(seedText != null ? 60 : 30))
                break;
        }
        accepted.ShouldBeGreaterThan(cases / 10);
        foreach (YamlScalarStyle style in Enum.GetValues(typeof(YamlScalarStyle)))
            byStyle.GetValueOrDefault(style).ShouldBeGreaterThan(300, style.ToString());
    }

    private static readonly string[] Words = { "ab", "{{ secret('X') }}", "é", "😀", "#x", "a:b", "-", "x'y", "q\"", "\\", "[1]", "a,b" };
    private static readonly string[] Breaks = { "\n", "\n", "\r\n", "\r", "\u0085", "\u2028" };
    private static readonly string[] Spaces = { " ", "  ", "\t", " \t " };
    private static readonly string[] Escapes =
    {
        "\\n", "\\t", "\\\"", "\\\\", "\\u00e9", "\\U0001F600", "\\x41", "\\uD83D\\uDE00", "\\ ", "\\_", "\\0", "\\/", "\\N", "\\L", "\\P", "\\e", "\\\t",
    };

    /// <summary>A small document whose value "v" is a random scalar of a random style.</summary>
    internal static string GenerateScalarDocument(Random random)
    {
        int style = random.Next(5);
        string indent = random.Next(2) == 0 ? "" : "  ";
        var sb = new StringBuilder();
        if (indent.Length > 0)
            sb.Append("k:\n");
        sb.Append(indent).Append("v: ");
        string continuation = indent + "  ";
        int pieces = 1 + random.Next(8);
        if (style >= 3)
        {
            sb.Append(style == 3 ? '|' : '>');
            int indicator = random.Next(3) == 0 ? 1 + random.Next(3) : 0;
            string chomp = new[] { "", "-", "+" }[random.Next(3)];
            if (random.Next(2) == 0)
                sb.Append(chomp).Append(indicator > 0 ? indicator.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
            else
                sb.Append(indicator > 0 ? indicator.ToString(System.Globalization.CultureInfo.InvariantCulture) : "").Append(chomp);
            if (random.Next(4) == 0)
                sb.Append(" # header");
            string baseIndent = indicator > 0 ? indent + new string(' ', indicator) : continuation;
            for (int line = 0; line < pieces; line++)
            {
                sb.Append(Breaks[random.Next(3)]);
                if (random.Next(4) == 0)
                    continue;
                sb.Append(baseIndent).Append(new string(' ', random.Next(3) == 0 ? random.Next(3) : 0));
                for (int w = random.Next(1, 4); w > 0; w--)
                    sb.Append(Words[random.Next(Words.Length)]).Append(w > 1 ? Spaces[random.Next(Spaces.Length)] : "");
                if (random.Next(5) == 0)
                    sb.Append(' ');
            }
            for (int blank = random.Next(3); blank > 0; blank--)
                sb.Append('\n').Append(new string(' ', random.Next(5)));
            sb.Append('\n').Append(indent).Append("w: 1\n");
            return sb.ToString();
        }

        char quote = style == 1 ? '\'' : '"';
        if (style > 0)
            sb.Append(quote);
        for (int p = 0; p < pieces; p++)
        {
            switch (random.Next(style == 0 ? 3 : 5))
            {
                case 0:
                    var word = Words[random.Next(Words.Length)];
                    if (style == 0 && (word.Contains('#') || word.Contains(':') || word.Contains('[') || word.Contains(',')))
                        word = "w";
                    if (style == 1)
                        word = word.Replace("'", "''");
                    if (style == 2)
                        word = word.Replace("\\", "\\\\").Replace("\"", "\\\"");
                    sb.Append(word);
                    break;
                case 1:
                    sb.Append(Spaces[random.Next(Spaces.Length)]).Append('x');
                    break;
                case 2:
                    for (int b = random.Next(1, 3); b > 0; b--)
                        sb.Append(random.Next(3) == 0 ? " " : "").Append(Breaks[random.Next(Breaks.Length)]).Append(random.Next(3) == 0 ? "" : continuation);
                    sb.Append('y');
                    break;
                case 3:
                    sb.Append(style == 1 ? "''" : Escapes[random.Next(Escapes.Length)]);
                    break;
                default:
                    // An escaped line break (double) or trailing spaces before a break (single).
                    sb.Append(style == 2 ? "\\" : "  ").Append(Breaks[random.Next(Breaks.Length)]).Append(continuation).Append('z');
                    break;
            }
        }
        if (style > 0)
            sb.Append(quote);
        sb.Append('\n').Append(indent).Append("w: 1\n");
        return sb.ToString();
    }

    private static readonly string[] Insertions =
    {
        " ", "  ", "\n", "\r\n", "\t", ":", ": ", "- ", "-", "'", "\"", "\\", "\\n", "\\u00e9", "\\x4", "|", "|-", ">+", "|2", "#", " #", "&a ", "*a", "&b", "*b", "!",
        "!!str ", "[", "]", "{", "}", ",", "?", "? ", "%", "@", "`", "---\n", "...\n", "<<: *a\n", "0", "x", "é", "😀", "\u0085", "\u2028", "\r", "\0", "{{", "}}", "''",
    };

    internal static string Mutate(string text, Random random)
    {
        var sb = new StringBuilder(text);
        int count = 1 + random.Next(4);
        for (int m = 0; m < count; m++)
        {
            int position = sb.Length == 0 ? 0 : random.Next(sb.Length + 1);
            switch (random.Next(7))
            {
                case 0 when sb.Length > 0 && position < sb.Length:
                    sb.Remove(position, Math.Min(sb.Length - position, 1 + random.Next(3)));
                    break;
                case 1:
                case 2:
                    sb.Insert(position, Insertions[random.Next(Insertions.Length)]);
                    break;
                case 3 when sb.Length > 0 && position < sb.Length:
                    sb.Insert(position, sb[position]);
                    break;
                default:
                    var lines = sb.ToString().Split('\n').ToList();
                    int line = random.Next(lines.Count);
                    switch (random.Next(4))
                    {
                        case 0: lines.Insert(line, lines[line]); break;
                        case 1: lines.RemoveAt(line); break;
                        case 2: lines[line] = "  " + lines[line]; break;
                        default: lines[line] = lines[line].TrimStart(); break;
                    }
                    sb.Clear().Append(string.Join("\n", lines));
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>The layer's contract, as later stages rely on it.</summary>
    internal static IEnumerable<string> CheckInvariants(YamlStream stream, bool requireExactMaps)
    {
        var text = stream.Text.Text;
        var file = new TextSpan(0, text.Length);
        foreach (var error in stream.Errors)
        {
            if (!file.Contains(error.Span))
                yield return $"error span {error.Span} outside the text: {error.Message}";
            if (error.Span.IsEmpty && error.Span.Start != text.Length)
                yield return $"empty error span {error.Span} before the end: {error.Message}";
            if (error.Message.StartsWith("Internal error", StringComparison.Ordinal))
                yield return error.Message;
        }
        foreach (var comment in stream.Comments)
        {
            if (!file.Contains(comment.Span) || text[comment.Span.Start] != '#')
                yield return $"comment span {comment.Span} is not a comment";
        }
        foreach (var document in stream.Documents)
        {
            if (!file.Contains(document.Span))
                yield return $"document span {document.Span} outside the text";
            if (document.Root != null && !document.Span.Contains(document.Root.Span))
                yield return $"root {document.Root.Span} outside its document {document.Span}";
        }
        foreach (var node in stream.AllNodes())
        {
            if (!file.Contains(node.Span))
            {
                yield return $"{node.Kind} span {node.Span} outside the text";
                continue;
            }
            if (node.Parent != null && !node.Parent.Span.Contains(node.Span))
                yield return $"{node.Kind} {node.Span} outside its parent {node.Parent.Kind} {node.Parent.Span}";
            if (node.Anchor != null && text.Substring(node.AnchorSpan.Start, node.AnchorSpan.Length) != "&" + node.Anchor)
                yield return $"anchor span {node.AnchorSpan} is not &{node.Anchor}";
            if (node is YamlScalar scalar)
            {
                foreach (var problem in CheckMap(scalar, text, requireExactMaps))
                    yield return problem;
            }
        }
    }

    private static IEnumerable<string> CheckMap(YamlScalar scalar, string text, bool requireExact)
    {
        string where = $"{scalar.Style} scalar at {scalar.Span} value '{Escape(scalar.Value)}'";
        if (requireExact && !scalar.IsMapExact)
        {
            yield return $"{where}: re-scan does not reproduce the value";
            yield break;
        }
        var map = scalar.GetMap();
        if (map.Segments != null)
        {
            int expected = 0, previousEnd = scalar.Span.Start;
            foreach (var segment in map.Segments)
            {
                if (segment.ValueStart != expected || segment.ValueLength <= 0)
                    yield return $"{where}: segments do not tile the value at {expected}";
                if (segment.SourceStart < previousEnd || segment.SourceEnd > scalar.Span.End)
                    yield return $"{where}: segment source {segment.SourceStart}..{segment.SourceEnd} out of order or outside the node";
                if (segment.IsRun && (segment.ValueLength != segment.SourceLength
                    || string.CompareOrdinal(text, segment.SourceStart, scalar.Value, segment.ValueStart, segment.ValueLength) != 0))
                    yield return $"{where}: run {segment.SourceStart} is not verbatim";
                expected = segment.ValueEnd;
                previousEnd = segment.SourceEnd;
            }
            if (expected != scalar.Value.Length)
                yield return $"{where}: segments cover {expected} of {scalar.Value.Length} characters";
        }
        else if (scalar.Value.Length > 0 && scalar.MapToSource(0, scalar.Value.Length) is var all
            && string.CompareOrdinal(text, all.Start, scalar.Value, 0, scalar.Value.Length) != 0)
        {
            yield return $"{where}: identity map but the source differs";
        }
        var whole = scalar.MapToSource(0, scalar.Value.Length);
        if (!scalar.Span.Contains(whole))
            yield return $"{where}: whole value maps to {whole}, outside the node";
    }

    private static string Escape(string s) => s.Length > 60 ? s.Substring(0, 60).Replace("\n", "\\n") + "..." : s.Replace("\n", "\\n");
}
