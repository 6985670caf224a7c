using BenchmarkDotNet.Running;

namespace Kestra.FlowLint.Benchmarks;

public static class Program
{
    /// <summary>`dotnet run -c Release --project tests/Kestra.FlowLint.Benchmarks -- --filter '*'` (BenchmarkDotNet's switches).</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
