using System;
using System.Globalization;
using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using Kestra.FlowLint.LanguageServer;
using Kestra.FlowLint.LanguageServer.Protocol;
using Range = Kestra.FlowLint.LanguageServer.Protocol.Range;
using Kestra.FlowLint.Rules;

namespace Kestra.FlowLint.Benchmarks;

/// <summary>
/// The editor's contract: after a one-character edit of a 1,000-line flow, the server applies the incremental change
/// and re-lints the whole document exactly as it does on didChange (configuration lookup, every rule, run-end rules,
/// suppressions). Target ≤ 20 ms on the project's 2-core machine.
/// </summary>
[MemoryDiagnoser]
public class LspReanalysisBenchmarks
{
    private const int Tasks = 100; // 10 lines each

    private DocumentLinter _linter = null!;
    private string _folder = null!;
    private string _path = null!;
    private string _text = null!;
    private Range _edit = null!;
    private bool _toggle;

    [GlobalSetup]
    public void Setup()
    {
        _linter = new DocumentLinter(RuleCatalog.AllDescriptors(), RuleCatalog.CreateAnalyzers);
        _folder = Path.Combine(Path.GetTempPath(), "flowlint-lsp-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _path = Path.Combine(_folder, "big.yaml");
        _text = Flow(out int line0);
        // The edit: one character of a log message in the middle of the flow (the digit of "Step 51"), so every
        // version stays a valid flow and is analysed in full.
        string line = _text.Split('\n')[line0];
        if (!line.StartsWith("    message: \"Step 51", StringComparison.Ordinal)) throw new InvalidOperationException("the edit is not on the message line: " + line);
        _edit = new Range { Start = new Position { Line = line0, Character = 20 }, End = new Position { Line = line0, Character = 21 } };
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>A 1,000-line flow: inputs, variables, and tasks with templated messages, scripts and HTTP calls.</summary>
    internal static string Flow(out int editLine)
    {
        var text = new StringBuilder();
        text.Append("id: big\nnamespace: company.team\ninputs:\n  - id: name\n    type: STRING\n    defaults: world\n");
        text.Append("variables:\n  greeting: \"Hello {{ inputs.name }}\"\n  region: eu-west-1\ntasks:\n");
        editLine = -1;
        for (int i = 0; i < Tasks; i++)
        {
            string n = i.ToString(CultureInfo.InvariantCulture);
            if (i == Tasks / 2 + 1) editLine = CountLines(text) + 2; // a Log task's message line
            switch (i % 3)
            {
                case 0:
                    text.Append("  - id: log_").Append(n).Append('\n');
                    text.Append("    type: io.kestra.plugin.core.log.Log\n");
                    text.Append("    message: \"Step ").Append(n).Append(" for {{ inputs.name | upper }} in {{ vars.region }}\"\n");
                    text.Append("    description: |\n      Logs the step number and the caller's name,\n      upper-cased, with the region.\n");
                    text.Append("    level: INFO\n    allowFailure: false\n    timeout: PT1M\n    disabled: false\n");
                    break;
                case 1:
                    text.Append("  - id: call_").Append(n).Append('\n');
                    text.Append("    type: io.kestra.plugin.core.http.Request\n");
                    text.Append("    uri: \"https://api.example.com/items/{{ outputs.log_").Append((i - 1).ToString(CultureInfo.InvariantCulture)).Append(" ?? 'none' }}\"\n");
                    text.Append("    method: GET\n    headers:\n      Authorization: \"Bearer {{ secret('API_TOKEN') }}\"\n");
                    text.Append("      Accept: application/json\n    options:\n      readTimeout: PT30S\n");
                    break;
                default:
                    text.Append("  - id: script_").Append(n).Append('\n');
                    text.Append("    type: io.kestra.plugin.scripts.shell.Commands\n");
                    text.Append("    commands:\n      - echo \"{{ vars.greeting }}\"\n      - echo \"{{ now() | date('yyyy-MM-dd') }}\"\n");
                    text.Append("      - ls -la {{ workingDir }}\n");
                    text.Append("    env:\n      STEP: \"").Append(n).Append("\"\n    warningOnStdErr: false\n");
                    break;
            }
        }
        while (CountLines(text) < 1000) text.Append("# padding\n");
        return text.ToString();
    }

    private static int CountLines(StringBuilder text)
    {
        int lines = 0;
        for (int i = 0; i < text.Length; i++)
            if (text[i] == '\n') lines++;
        return lines;
    }

    [Benchmark(Description = "1,000-line flow: one-character edit + full re-lint")]
    public int EditAndRelint()
    {
        _toggle = !_toggle;
        _text = DocumentText.Apply(_text, _edit, _toggle ? "x" : "y");
        var result = _linter.Lint(_path, "big.yaml", _text, p => p);
        return result.Diagnostics.Count;
    }
}
