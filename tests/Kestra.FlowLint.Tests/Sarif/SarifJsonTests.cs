using System.Collections;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kestra.FlowLint.Reporting.Sarif;

namespace Kestra.FlowLint.Tests.Sarif;

/// <summary>
/// SarifJson writes the SARIF model by hand (for startup time). System.Text.Json's reflection serializer, with
/// the naming the model's SARIF names need, is the reference: every property of every model type, in
/// declaration order, null ones left out. A property added to the model but not to SarifJson fails here.
/// </summary>
[TestClass]
public class SarifJsonTests
{
    [TestMethod]
    public void A_log_with_every_property_set_is_written_as_the_serializer_writes_it()
    {
        var log = (SarifLog)Populate(typeof(SarifLog), withOptional: true, depth: 0);
        string written = SarifJson.ToText(log);
        written.ShouldBe(JsonSerializer.Serialize(log, Reference));
        written.ShouldContain("\"problem.severity\": ");
        written.ShouldContain("\"security-severity\": ");
        written.ShouldContain("\"enabled\": false");
        written.ShouldContain("\"index\": 3");
    }

    [TestMethod]
    public void The_one_entry_fingerprint_map_the_writer_uses_is_written_as_a_dictionary_would_be()
    {
        var log = (SarifLog)Populate(typeof(SarifLog), withOptional: true, depth: 0);
        var result = log.Runs[0].Results[0];
        var withDictionary = new SarifResult { RuleId = result.RuleId, Message = result.Message, PartialFingerprints = new Dictionary<string, string> { ["k \"é\""] = "v<1>" } };
        var withSingle = new SarifResult { RuleId = result.RuleId, Message = result.Message, PartialFingerprints = new SingleEntryMap("k \"é\"", "v<1>") };
        string Written(SarifResult r) => SarifJson.ToText(new SarifLog { Runs = new List<SarifRun> { new SarifRun { Tool = log.Runs[0].Tool, Results = new[] { r } } } });
        Written(withSingle).ShouldBe(Written(withDictionary));
        Written(withSingle).ShouldContain("\"partialFingerprints\": {");
        var map = new SingleEntryMap("a", "b");
        map.ContainsKey("a").ShouldBeTrue();
        map.TryGetValue("x", out _).ShouldBeFalse();
        map.ShouldBe(new[] { new KeyValuePair<string, string>("a", "b") });
    }

    [TestMethod]
    public void A_log_without_optional_properties_leaves_them_out_as_the_serializer_does()
    {
        var log = (SarifLog)Populate(typeof(SarifLog), withOptional: false, depth: 0);
        string written = SarifJson.ToText(log);
        written.ShouldBe(JsonSerializer.Serialize(log, Reference));
        written.ShouldNotContain("\"fixes\"");
        written.ShouldNotContain("\"markdown\"");
    }

    [TestMethod]
    public void Text_is_escaped_as_the_serializer_escapes_it()
    {
        var log = new SarifLog { Runs = { new SarifRun { ColumnKind = "é \"q\" \\ <a&b> \u0001 \t\n 😀 \u2028" } } };
        SarifJson.ToText(log).ShouldBe(JsonSerializer.Serialize(log, Reference));
    }

    [TestMethod]
    public void The_size_bound_is_never_below_the_written_size()
    {
        // Control characters are the worst case: each becomes a six-byte escape.
        var worst = new string(Enumerable.Range(0, 32).Select(i => (char)i).ToArray());
        var logs = new[]
        {
            (SarifLog)Populate(typeof(SarifLog), withOptional: true, depth: 0),
            (SarifLog)Populate(typeof(SarifLog), withOptional: false, depth: 0),
            new SarifLog { Runs = { new SarifRun { ColumnKind = worst + "😀é\"\\" + worst } } },
            new SarifLog(),
        };
        foreach (var log in logs)
        {
            var written = new Utf8Bytes();
            SarifJson.Write(log, written);
            SarifJson.MaxUtf8Length(log).ShouldBeGreaterThanOrEqualTo(written.Length);
        }
    }

    [TestMethod]
    public void The_size_bound_stays_near_the_written_size_of_plain_text()
    {
        // A log of ordinary findings (ASCII messages, paths, snippets) must be known to fit well before GitHub's
        // limit, or the writer compresses it only to check; escapes are still counted in full.
        var results = new List<SarifResult>();
        var run = new SarifRun { Results = results };
        for (int i = 0; i < 2000; i++)
        {
            results.Add(new SarifResult
            {
                RuleId = "KF1014",
                RuleIndex = 13,
                Level = "note",
                Message = new SarifMessage { Text = $"secret('API_TOKEN') is used by flows of {i} namespaces ('company.alerts.audit', 'company.etl') and more" },
                Locations = new[]
                {
                    new SarifLocation { PhysicalLocation = new SarifPhysicalLocation
                    {
                        ArtifactLocation = new SarifArtifactLocation { Uri = $"flows/company/flow-{i:D5}.yaml", UriBaseId = "%SRCROOT%" },
                        Region = new SarifRegion { StartLine = i + 1, StartColumn = 9, EndLine = i + 1, EndColumn = 30, Snippet = new SarifArtifactContent { Text = "secret('API_TOKEN')" } },
                    } },
                },
                PartialFingerprints = new Dictionary<string, string> { ["primaryLocationLineHash"] = "7094835b9dfcd196e1addddcb399b622:1" },
            });
        }
        var log = new SarifLog { Runs = { run } };
        var written = new Utf8Bytes();
        SarifJson.Write(log, written);
        long bound = SarifJson.MaxUtf8Length(log);
        bound.ShouldBeGreaterThanOrEqualTo(written.Length);
        bound.ShouldBeLessThan(written.Length * 3 / 2);

        var quoted = new SarifLog { Runs = { new SarifRun { ColumnKind = "say \"hi\" <b> & \u0001" } } };
        var escaped = new Utf8Bytes();
        SarifJson.Write(quoted, escaped);
        SarifJson.MaxUtf8Length(quoted).ShouldBeGreaterThanOrEqualTo(escaped.Length);
    }

    [TestMethod]
    public void The_size_bound_covers_rule_help_rendered_while_writing()
    {
        // Help is bounded from the rule's texts without rendering it: examples made of short lines and backtick
        // runs (the most indentation and the longest fences) and the whole catalogue.
        var edge = new Kestra.FlowLint.Analysis.DiagnosticDescriptor("KF3998", "t", "m", "Expressions", Kestra.FlowLint.Analysis.DiagnosticSeverity.Note,
            "\u0001\n", badExample: string.Concat(Enumerable.Repeat("a\n", 50)) + "\n\n", goodExample: "``````\n`\n");
        var rules = Kestra.FlowLint.Rules.RuleCatalog.AllDescriptors().Append(edge).ToList();
        var log = new SarifLog { Runs = { new SarifRun { Tool = new SarifTool { Driver = new SarifToolComponent
        {
            Rules = rules.Select(r => SarifRules.Describe(r, SarifLimits.GitHub, renderHelpWhenWriting: true)).ToList(),
        } } } } };
        var written = new Utf8Bytes();
        SarifJson.Write(log, written);
        SarifJson.MaxUtf8Length(log).ShouldBeGreaterThanOrEqualTo(written.Length);
        foreach (var rule in rules)
        {
            var help = SarifRules.Describe(rule, SarifLimits.GitHub).Help!;
            SarifRules.MaxHelpLength(rule).ShouldBeGreaterThanOrEqualTo(help.Text.Length + help.Markdown!.Length, rule.Id);
        }
    }

    [TestMethod]
    public void Streaming_to_a_text_writer_writes_what_buffering_writes()
    {
        // Longer than the 16 KB stream buffer many times over, with multi-byte characters across its boundaries.
        string text = string.Concat(Enumerable.Repeat("é😀 \"q\"\n", 20_000));
        var log = new SarifLog { Runs = { new SarifRun { ColumnKind = text }, new SarifRun { ColumnKind = "x" } } };
        var output = new System.IO.StringWriter();
        var streamed = new Kestra.FlowLint.Reporting.Utf8TextWriterBuffer(output);
        SarifJson.Write(log, streamed);
        streamed.Complete();
        output.ToString().ShouldBe(SarifJson.ToText(log));
        output.ToString().ShouldBe(JsonSerializer.Serialize(log, Reference));
    }

    [TestMethod]
    public void The_hand_written_writer_writes_the_bytes_Utf8JsonWriter_writes_for_any_text()
    {
        // Random text from every kind of character the encoder treats differently: printable ASCII, quotes and
        // backslashes, C0 controls with and without short escapes, DEL and C1 controls, Latin and CJK letters,
        // U+2028/U+2029, the BOM, surrogate pairs, and empty strings; in messages, names and nested lists.
        char[] alphabet = "aZ09 ~'<>&+`\"\\/\u0000\u0001\b\t\n\f\r\u001F\u007F\u0080\u009Féß€中\u2028\u2029\uFEFF\uFFFD\uD800\uDC00".ToCharArray();
        var random = new Random(20261204);
        string Text()
        {
            var sb = new System.Text.StringBuilder();
            int length = random.Next(0, 12);
            for (int i = 0; i < length; i++)
            {
                if (random.Next(10) == 0) sb.Append("😀");
                else sb.Append(alphabet[random.Next(alphabet.Length)]);
            }
            return sb.ToString();
        }
        for (int round = 0; round < 300; round++)
        {
            var results = new List<SarifResult>();
            var run = new SarifRun { ColumnKind = Text(), Results = results };
            int count = random.Next(0, 4);
            for (int i = 0; i < count; i++)
            {
                results.Add(new SarifResult
                {
                    RuleId = Text(),
                    RuleIndex = random.Next(-5, 100_000),
                    Level = Text(),
                    Message = new SarifMessage { Text = Text() },
                    PartialFingerprints = random.Next(2) == 0 ? null : new Dictionary<string, string> { [Text()] = Text() },
                });
            }
            var log = new SarifLog { Runs = { run } };
            var expected = new Utf8Bytes();
            SarifJson.WriteWithUtf8JsonWriter(log, expected);
            var actual = new Utf8Bytes();
            SarifJson.Write(log, actual);
            actual.ToString().ShouldBe(expected.ToString(), $"round {round}");
            SarifJson.MaxUtf8Length(log).ShouldBeGreaterThanOrEqualTo(actual.Length);
        }
    }

    [TestMethod]
    public void Empty_lists_and_objects_are_written_as_Utf8JsonWriter_writes_them()
    {
        var log = new SarifLog { Runs = { new SarifRun(), new SarifRun { OriginalUriBaseIds = new Dictionary<string, SarifArtifactLocation>() } } };
        var expected = new Utf8Bytes();
        SarifJson.WriteWithUtf8JsonWriter(log, expected);
        SarifJson.ToText(log).ShouldBe(expected.ToString());
        SarifJson.ToText(new SarifLog()).ShouldBe("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": []\n}");
    }

    [TestMethod]
    public void A_stream_writer_gets_the_same_text_whether_bytes_bypass_it_or_not()
    {
        // UTF-8 writers get the bytes on their stream directly; others (UTF-16 here) get characters. Either way
        // what was written before and after stays in order, and a byte order mark is written once, first.
        var log = new SarifLog { Runs = { new SarifRun { ColumnKind = string.Concat(Enumerable.Repeat("é😀 \"q\"\n", 5_000)) } } };
        string expected = "before " + SarifJson.ToText(log) + SarifJson.ToText(log) + " after";
        foreach (var encoding in new System.Text.Encoding[] { new System.Text.UTF8Encoding(false), new System.Text.UTF8Encoding(true), System.Text.Encoding.Unicode })
        {
            var stream = new System.IO.MemoryStream();
            using (var writer = new System.IO.StreamWriter(stream, encoding, 1024, leaveOpen: true))
            {
                writer.Write("before ");
                var streamed = new Kestra.FlowLint.Reporting.Utf8TextWriterBuffer(writer);
                SarifJson.Write(log, streamed);
                streamed.Complete();
                var again = new Kestra.FlowLint.Reporting.Utf8TextWriterBuffer(writer);
                SarifJson.Write(log, again);
                again.Complete();
                writer.Write(" after");
            }
            byte[] bytes = stream.ToArray();
            byte[] preamble = encoding.GetPreamble();
            bytes.Take(preamble.Length).ShouldBe(preamble, encoding.EncodingName);
            encoding.GetString(bytes, preamble.Length, bytes.Length - preamble.Length).ShouldBe(expected, encoding.EncodingName);
        }
    }

    private static readonly JsonSerializerOptions Reference = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = new SarifNames(),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        NewLine = "\n",
    };

    /// <summary>camelCase, plus the three SARIF names that are not.</summary>
    private sealed class SarifNames : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name switch
        {
            "Schema" => "$schema",
            "ProblemSeverity" => "problem.severity",
            "SecuritySeverity" => "security-severity",
            _ => JsonNamingPolicy.CamelCase.ConvertName(name),
        };
    }

    /// <summary>
    /// An instance with every settable property given a value that tells it apart (strings with characters
    /// that need escaping); nullable ones only <paramref name="withOptional"/>. Lists get two items.
    /// </summary>
    private static object Populate(Type type, bool withOptional, int depth)
    {
        depth.ShouldBeLessThan(20, "the SARIF model is not recursive");
        object instance = Activator.CreateInstance(type)!;
        var nullability = new NullabilityInfoContext();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is null) continue;
            bool optional = nullability.Create(property).WriteState == NullabilityState.Nullable;
            if (optional && !withOptional) { property.SetValue(instance, null); continue; }
            property.SetValue(instance, Value(property.PropertyType, property.Name, withOptional, depth));
        }
        return instance;
    }

    private static object Value(Type type, string name, bool withOptional, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying == typeof(bool)) return false;
        if (underlying == typeof(int)) return 3;
        if (type == typeof(bool)) return true;
        if (type == typeof(int)) return 7;
        if (type == typeof(string)) return name + " é \"x\" <y>";
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(List<>) || type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)))
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(type.GetGenericArguments()[0]))!;
            for (int i = 0; i < 2; i++) list.Add(Value(type.GetGenericArguments()[0], name + i, withOptional, depth + 1));
            return list;
        }
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Dictionary<,>) || type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(type.GetGenericArguments()))!;
            dictionary["%KEY%"] = Value(type.GetGenericArguments()[1], name, withOptional, depth + 1);
            dictionary["other key"] = Value(type.GetGenericArguments()[1], name + "2", withOptional, depth + 1);
            return dictionary;
        }
        return Populate(type, withOptional, depth + 1);
    }

    /// <summary>The UTF-8 bytes written, for comparing writers.</summary>
    private sealed class Utf8Bytes : System.Buffers.IBufferWriter<byte>
    {
        private readonly System.Buffers.ArrayBufferWriter<byte> _bytes = new();
        public long Length => _bytes.WrittenCount;
        public void Advance(int count) => _bytes.Advance(count);
        public Memory<byte> GetMemory(int sizeHint = 0) => _bytes.GetMemory(sizeHint);
        public Span<byte> GetSpan(int sizeHint = 0) => _bytes.GetSpan(sizeHint);
        public override string ToString() => System.Text.Encoding.UTF8.GetString(_bytes.WrittenSpan);
    }
}
