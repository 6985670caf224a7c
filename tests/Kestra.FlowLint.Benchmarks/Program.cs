using System;
using System.Globalization;
using BenchmarkDotNet.Running;

namespace Kestra.FlowLint.Benchmarks;

public static class Program
{
    /// <summary>
    /// `dotnet run -c Release --project tests/Kestra.FlowLint.Benchmarks -- --filter '*'` (BenchmarkDotNet's switches), or
    /// `... -- generate COUNT FOLDER [SEED]`: writes COUNT generated flows and their manifest.tsv to FOLDER (bench/run.sh), or
    /// `... -- profile-rules COUNT`: the time each rule adds to the parse and flow model over COUNT generated flows (finding hot spots), or
    /// `... -- sarif-loop COUNT ROUNDS`: lints COUNT generated flows (or the corpus with FLOWLINT_CORPUS=1) once, then
    /// times sorting and the SARIF report alone ROUNDS times (the report stage without the lint's noise).
    /// `... -- lint-loop COUNT ROUNDS`: lints COUNT generated flows ROUNDS times with every rule (a steady load for `perf record`).
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length >= 3 && args[0] == "generate")
        {
            int count = int.Parse(args[1], CultureInfo.InvariantCulture);
            int seed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20261123;
            long bytes = FlowGenerator.WriteTo(args[2], count, seed);
            Console.WriteLine($"{count} flows, {bytes} bytes in {args[2]}");
            return 0;
        }
        if (args.Length >= 2 && args[0] == "profile-rules")
        {
            RuleProfile.Run(int.Parse(args[1], CultureInfo.InvariantCulture));
            return 0;
        }
        if (args.Length >= 3 && args[0] == "sarif-loop")
        {
            RuleProfile.SarifLoop(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture));
            return 0;
        }
        if (args.Length >= 3 && args[0] == "lint-loop")
        {
            RuleProfile.Loop(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture));
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
