using System.IO;
using Kestra.FlowLint.Cli;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Cli;

/// <summary>Runs the CLI in-process from the repository root (reported paths are relative to the current folder).</summary>
internal static class CliRunner
{
    private static readonly object CurrentDirectoryLock = new();

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => RunIn(TestPaths.SolutionFolder, "", args);

    /// <summary>Runs in the solution folder with <paramref name="stdout"/> as standard output.</summary>
    public static int RunTo(TextWriter stdout, params string[] args)
    {
        lock (CurrentDirectoryLock)
        {
            string previous = Directory.GetCurrentDirectory();
            Directory.SetCurrentDirectory(TestPaths.SolutionFolder);
            try { return Program.Run(args, new StringReader(""), stdout, new StringWriter()); }
            finally { Directory.SetCurrentDirectory(previous); }
        }
    }

    public static (int ExitCode, string Stdout, string Stderr) RunIn(string folder, string stdin, params string[] args)
    {
        lock (CurrentDirectoryLock)
        {
            string previous = Directory.GetCurrentDirectory();
            Directory.SetCurrentDirectory(folder);
            try
            {
                var stdout = new StringWriter { NewLine = "\n" };
                var stderr = new StringWriter { NewLine = "\n" };
                int code = Program.Run(args, new StringReader(stdin), stdout, stderr);
                return (code, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Directory.SetCurrentDirectory(previous);
            }
        }
    }

    private static readonly System.Text.RegularExpressions.Regex FrameOrSummary = new(
        @"^(\s*\d*\s*\|.*|\s+= help: .*|\d+ errors?, \d+ warnings?, \d+ notes? in \d+ files?.*)$");

    /// <summary>The lines of the output without the text format's code frames and summary: findings and errors only.</summary>
    public static string[] OutputLines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !FrameOrSummary.IsMatch(l)).ToArray();
}
