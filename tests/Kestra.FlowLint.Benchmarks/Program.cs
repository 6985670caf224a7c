namespace Kestra.FlowLint.Benchmarks;
public static class Program { public static void Main(string[] args) { } }
