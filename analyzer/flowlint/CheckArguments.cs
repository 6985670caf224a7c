using System;
using System.Collections.Generic;
using System.IO;

namespace Kestra.FlowLint.Cli;

/// <summary>
/// The common `flowlint check` command lines, parsed without System.CommandLine: building its command tree (and
/// the help texts it loads from resources) took about as long as linting a flow, on every run. The parse accepts
/// only command lines whose every token it knows, each option with its value as the next token and given once
/// (--select and --ignore add up, one value each time, as System.CommandLine reads them); anything else (help, `--option=value`, `--`, a value that looks like an option or a command, `--fix true`,
/// repeated options, an unknown format...) returns null and goes to System.CommandLine, whose errors, help and
/// edge cases stay the contract. Tests check that both parse every accepted command line the same way.
/// </summary>
internal static class CheckArguments
{
    private static readonly string[] FailOnValues = { "error", "warning", "note", "none" };

    /// <summary>Words System.CommandLine could read as something other than a plain value (commands, help).</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "check", "baseline", "create", "prune", "lsp", "expr", "rules", "schema", "/h", "/?",
    };

    public static CheckOptions? TryParse(string[] args)
    {
        if (args.Length == 0 || args[0] != "check") return null;
        var paths = new List<string>();
        var select = new List<string>();
        var ignore = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? format = null, stdinFileName = null, failOn = null, output = null, config = null, root = null, baseline = null, category = null;
        bool noColor = false, includeSuppressed = false, fix = false, diff = false;

        for (int i = 1; i < args.Length; i++)
        {
            string token = args[i];
            if (token == "-")
            {
                paths.Add(token);
                continue;
            }
            if (!token.StartsWith("-", StringComparison.Ordinal))
            {
                if (!IsPlainValue(token)) return null;
                paths.Add(token);
                continue;
            }

            string option = token switch { "-f" => "--format", "-o" => "--output", _ => token };
            if (option is not ("--select" or "--ignore") && !seen.Add(option)) return null;
            switch (option)
            {
                case "--no-color": if (!IsFlag(args, i)) return null; noColor = true; continue;
                case "--sarif-include-suppressed": if (!IsFlag(args, i)) return null; includeSuppressed = true; continue;
                case "--fix": if (!IsFlag(args, i)) return null; fix = true; continue;
                case "--diff": if (!IsFlag(args, i)) return null; diff = true; continue;
            }
            if (i + 1 >= args.Length || !IsPlainValue(args[i + 1])) return null;
            string value = args[++i];
            switch (option)
            {
                case "--format": if (Array.IndexOf(Reporting.ReportFormats.Names(), value) < 0) return null; format = value; break;
                case "--fail-on": if (Array.IndexOf(FailOnValues, value) < 0) return null; failOn = value; break;
                case "--stdin-filename": stdinFileName = value; break;
                case "--output": output = value; break;
                case "--config": config = value; break;
                case "--root": root = value; break;
                case "--baseline": baseline = value; break;
                case "--category": category = value; break;
                case "--select": select.Add(value); break;
                case "--ignore": ignore.Add(value); break;
                default: return null; // help, --version and anything unknown
            }
        }

        return new CheckOptions
        {
            Paths = paths.ToArray(),
            Format = format ?? "text",
            StdinFileName = stdinFileName,
            FailOn = failOn ?? "error",
            OutputFile = output,
            NoColor = noColor,
            ConfigFile = config,
            Select = select.ToArray(),
            Ignore = ignore.ToArray(),
            Root = root,
            Baseline = baseline,
            Category = category,
            SarifIncludeSuppressed = includeSuppressed,
            Fix = fix,
            Diff = diff,
        };
    }

    /// <summary>
    /// Runs `check` as System.CommandLine's invocation would: an exception becomes "Unhandled exception: ..." on
    /// standard error (red on a terminal) and exit code 1; a cancellation is exit code 1 without a word.
    /// </summary>
    public static int Invoke(Func<int> check, TextWriter stderr)
    {
        try
        {
            return check();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            bool color = !Console.IsOutputRedirected;
            if (color)
            {
                Console.ResetColor();
                Console.ForegroundColor = ConsoleColor.Red;
            }
            stderr.Write("Unhandled exception: ");
            stderr.WriteLine(ex.ToString());
            if (color) Console.ResetColor();
            return 1;
        }
        catch (OperationCanceledException)
        {
            return 1;
        }
    }

    /// <summary>A flag not followed by a word System.CommandLine would take as its value (`--fix false`).</summary>
    private static bool IsFlag(string[] args, int i) => i + 1 >= args.Length || !bool.TryParse(args[i + 1], out _);

    /// <summary>A path or option value System.CommandLine reads as just that.</summary>
    private static bool IsPlainValue(string token)
    {
        if (token.Trim().Length == 0 || token.StartsWith("-", StringComparison.Ordinal) || token.StartsWith("@", StringComparison.Ordinal)
            || token.StartsWith("[", StringComparison.Ordinal) || Reserved.Contains(token))
            return false;
        // `x:y` and `x=y` are split when x is a known token; none of FlowLint's is a plain word, but be sure.
        int separator = token.IndexOfAny(new[] { ':', '=' });
        return separator < 0 || !Reserved.Contains(token.Substring(0, separator));
    }
}
