using System;
using System.CommandLine;
using System.IO;
using Kestra.FlowLint.Pebble;

namespace Kestra.FlowLint.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        ConsoleStreams.UseLargerOutputBuffer();
        HeapWarmup.Allowed = true;
        int code = Run(args, ConsoleStreams.In, ConsoleStreams.Out, Console.Error);
        // For benchmarking the shipped binary's GC settings (bench/README): what the garbage collector did.
        if (PrintsGcStats)
        {
            Console.Error.WriteLine($"flowlint: gc: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections of gen 0/1/2, " +
                $"{GC.GetTotalPauseDuration().TotalMilliseconds:F1} ms paused, {GC.GetTotalAllocatedBytes() / 1e6:F1} MB allocated; " +
                $"last collection: {GC.GetGCMemoryInfo().PromotedBytes / 1e6:F1} MB promoted, heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1e6:F1} MB");
            Console.Error.Flush();
        }
        return code;
    }

    /// <summary>FLOWLINT_GC_STATS=1: garbage collection figures on standard error (README "Benchmarks").</summary>
    internal static bool PrintsGcStats => Environment.GetEnvironmentVariable("FLOWLINT_GC_STATS") == "1";

    /// <summary>The whole command line, with its streams passed in so tests can run it in-process.</summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        // The common `check` command lines skip building System.CommandLine's tree, which took about as long as
        // linting a flow; every other command line (help, errors, other commands) is System.CommandLine's.
        if (CheckArguments.TryParse(args) is { } options) return CheckArguments.Invoke(() => CheckCommand.Run(options, stdin, stdout, stderr), stderr);
        return RunCommandLine(args, stdin, stdout, stderr, CheckCommand.Run);
    }

    /// <summary>The command line as System.CommandLine parses it; <paramref name="check"/> runs `check`.</summary>
    internal static int RunCommandLine(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr,
        Func<CheckOptions, TextReader, TextWriter, TextWriter, int> check)
    {
        var root = new RootCommand("FlowLint: a static analyzer for Kestra flows and Kestra server configuration.");

        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders to lint (folders are searched for *.yml and *.yaml); '-' reads standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: " + string.Join(", ", Reporting.ReportFormats.Names()) + " (default text).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong(Reporting.ReportFormats.Names());
        var stdinFileName = new Option<string?>("--stdin-filename") { Description = "The path to report for standard input ('-')." };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with 1 when a finding is at or above this severity: error (default), warning, note or none.",
            DefaultValueFactory = _ => "error",
        };
        failOn.AcceptOnlyFromAmong("error", "warning", "note", "none");
        var output = new Option<string?>("--output", "-o") { Description = "Write findings to this file instead of standard output." };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the text output (also off when NO_COLOR is set or output is not a terminal)." };

        var config = new Option<string?>("--config") { Description = "Use this configuration file for every file, instead of the nearest .flowlint.yaml above each." };
        var select = new Option<string[]>("--select")
        {
            Description = "Report only these rules: ids or prefixes, comma-separated (e.g. KF1,KF3005). FlowLint's own KF0xxx findings are kept.",
            Arity = ArgumentArity.OneOrMore,
        };
        var ignore = new Option<string[]>("--ignore")
        {
            Description = "Do not report these rules: ids or prefixes, comma-separated (e.g. KF1012). Wins over --select.",
            Arity = ArgumentArity.OneOrMore,
        };

        var rootOption = new Option<string?>("--root") { Description = "The repository root SARIF, GitHub annotations and baselines use for paths (default: the git work tree holding the files, else the current folder)." };
        var baselineOption = new Option<string?>("--baseline") { Description = "A baseline (flowlint baseline create): findings recorded in it are suppressed and do not fail the run." };
        var category = new Option<string?>("--category") { Description = "SARIF: the code scanning category, written to runs[].automationDetails.id as NAME/." };
        var sarifIncludeSuppressed = new Option<bool>("--sarif-include-suppressed") { Description = "SARIF: keep suppressed findings (inline comments, baseline) with their suppressions; left out by default because GitHub code scanning ignores suppressions." };
        var fix = new Option<bool>("--fix") { Description = "Apply the safe fixes of the reported findings in place (standard input: print the fixed text), then report what is left." };
        var diff = new Option<bool>("--diff") { Description = "Print the safe fixes as a unified diff instead of applying them (exit 1 when there are some); nothing is written." };
        var checkCommand = new Command("check", "Lint Kestra flows and configuration files.") { paths, format, stdinFileName, failOn, output, noColor, config, select, ignore, rootOption, baselineOption, category, sarifIncludeSuppressed, fix, diff };
        checkCommand.SetAction(parse => check(new CheckOptions
        {
            Paths = parse.GetValue(paths) ?? Array.Empty<string>(),
            Format = parse.GetValue(format) ?? "text",
            StdinFileName = parse.GetValue(stdinFileName),
            FailOn = parse.GetValue(failOn) ?? "error",
            OutputFile = parse.GetValue(output),
            NoColor = parse.GetValue(noColor),
            ConfigFile = parse.GetValue(config),
            Select = parse.GetValue(select) ?? Array.Empty<string>(),
            Ignore = parse.GetValue(ignore) ?? Array.Empty<string>(),
            Root = parse.GetValue(rootOption),
            Baseline = parse.GetValue(baselineOption),
            Category = parse.GetValue(category),
            SarifIncludeSuppressed = parse.GetValue(sarifIncludeSuppressed),
            Fix = parse.GetValue(fix),
            Diff = parse.GetValue(diff),
        }, stdin, stdout, stderr));
        root.Subcommands.Add(checkCommand);
        root.Subcommands.Add(BaselineCommand.Create(stdin, stdout, stderr));
        root.Subcommands.Add(LspCommand.Create(stderr));

        var template = new Argument<string>("template") { Description = "A Pebble template, e.g. \"{{ inputs.name | upper }}\"." };
        var expr = new Command("expr", "Parse one Pebble template as Kestra does and print its syntax tree as an S-expression (exit 1 on errors).") { template };
        expr.SetAction(parse => PebbleExpr.Run(parse.GetValue(template) ?? string.Empty, stdout));
        root.Subcommands.Add(expr);

        var rulesFormat = new Option<string>("--format", "-f")
        {
            Description = "text (default), markdown (the source of rules.md) or json.",
            DefaultValueFactory = _ => "text",
        };
        rulesFormat.AcceptOnlyFromAmong(RulesCommand.Formats);
        var rules = new Command("rules", "List every rule FlowLint knows.") { rulesFormat };
        rules.SetAction(parse => RulesCommand.Run(parse.GetValue(rulesFormat) ?? "text", stdout));
        root.Subcommands.Add(rules);

        var schema = new Command("schema", "Print the JSON schema of .flowlint.yaml (the source of schemas/flowlint.schema.json).");
        schema.SetAction(_ =>
        {
            stdout.Write(Configuration.ConfigurationSchema.Generate(Rules.RuleCatalog.AllDescriptors()));
            return 0;
        });
        root.Subcommands.Add(schema);

        // A template may start with '@'; response files would swallow it.
        var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors) stderr.WriteLine($"flowlint: {error.Message}");
            stderr.WriteLine("Run 'flowlint --help' for usage.");
            return CheckCommand.ExitUsage;
        }
        return parseResult.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
