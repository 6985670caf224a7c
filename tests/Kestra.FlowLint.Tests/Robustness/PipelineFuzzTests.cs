using System.Diagnostics;
using System.IO;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Tests.Support;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Robustness;

/// <summary>
/// Mutated corpus flows and randomly generated Pebble through the whole pipeline (YAML, Pebble, flow model,
/// every rule): nothing throws, no rule crashes (KF0001), every finding lies inside the file, and every case
/// ends (each test is bounded by a time budget, so a hang fails it). Seeded, so a failure reproduces; bounded in
/// time so CI stays fast: FLOWLINT_FUZZ_SECONDS (default 20) is the budget of both tests together, 60% for
/// mutations and 40% for generated Pebble. Each test prints its case count.
/// </summary>
[TestClass]
public class PipelineFuzzTests
{
    private static readonly string[] Fragments =
    {
        "{{", "}}", "{%", "%}", "{#", "#}", "'", "\"", "\\", "\n", "\r\n", "\t", ": ", "- ", "&a ", "*a", "<<: *a", "|", ">-", "[", "]", "{", "}",
        "secret('X')", "{{ secret('K') | slice(0, 2) }}", "{% raw %}", "{% endraw %}", "{% for x in y %}", "{% endfor %}", "??", "???", "|upper",
        "\u00e9", "\U0001F600", "---\n", "...\n", "id: x\n", "type: io.kestra.plugin.core.log.Log\n", "password: hunter2\n", "AKIAABCDEFGHIJKLMNOP",
    };

    [TestMethod]
    public void Mutated_flows_never_crash_and_every_span_is_inside_the_file()
    {
        var seeds = TestPaths.CorpusYamlFiles().Select(File.ReadAllText).Where(t => t.Length < 20_000).ToList();
        seeds.Count.ShouldBeGreaterThan(100);
        Fuzz.Run("pipeline fuzz", 0.6, random => Mutate(seeds[random.Next(seeds.Count)], random), 20261123);
    }

    private static string Mutate(string text, Random random)
    {
        var chars = new System.Text.StringBuilder(text);
        int edits = 1 + random.Next(6);
        for (int e = 0; e < edits; e++)
        {
            int at = chars.Length == 0 ? 0 : random.Next(chars.Length);
            switch (random.Next(5))
            {
                case 0: chars.Insert(at, Fragments[random.Next(Fragments.Length)]); break;
                case 1: if (chars.Length > 0) chars.Remove(at, Math.Min(chars.Length - at, 1 + random.Next(8))); break;
                case 2:
                    int from = random.Next(Math.Max(1, chars.Length));
                    int length = Math.Min(chars.Length - from, random.Next(40));
                    if (length > 0) chars.Insert(at, chars.ToString(from, length));
                    break;
                case 3: if (chars.Length > 0) chars[at] = (char)random.Next(32, 127); break;
                default: chars.Insert(at, new string(' ', random.Next(4))); break;
            }
        }
        return chars.ToString();
    }
}
