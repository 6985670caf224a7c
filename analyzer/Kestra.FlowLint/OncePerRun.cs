using System.Runtime.CompilerServices;

namespace Kestra.FlowLint;

/// <summary>
/// For methods that run once per lint but loop over every finding (report writers, fingerprints, ranking). The
/// JIT first compiles a method without optimisations and promotes it after ~30 calls; a method called once keeps
/// its unoptimised loop until on-stack replacement kicks in, which made writing SARIF for 17,000 findings ~2×
/// slower under `dotnet flowlint` than in the NativeAOT binary. Marked methods are optimised on first call.
/// </summary>
internal static class OncePerRun
{
    // MethodImplOptions.AggressiveOptimization, which netstandard2.0 does not name.
    public const MethodImplOptions Optimize = (MethodImplOptions)512;
}
