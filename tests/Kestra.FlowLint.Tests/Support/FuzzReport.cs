using System.IO;

namespace Kestra.FlowLint.Tests.Support;

/// <summary>
/// Where the fuzz tests say how long they ran and how many cases they tried: the test runner shows a passing
/// test's output only at detailed verbosity, so test.sh names a file (FLOWLINT_FUZZ_REPORT) and prints it.
/// </summary>
internal static class FuzzReport
{
    private static readonly object Gate = new();

    public static void Add(string line)
    {
        System.Console.WriteLine(line);
        var path = System.Environment.GetEnvironmentVariable("FLOWLINT_FUZZ_REPORT");
        if (string.IsNullOrEmpty(path)) return;
        lock (Gate) File.AppendAllText(path, line + "\n");
    }
}
