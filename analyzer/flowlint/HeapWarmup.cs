using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Kestra.FlowLint.Cli;

/// <summary>
/// Prepares the memory a run of many files is about to allocate to be mapped in 2 MB pages instead of 4 KB ones.
/// <para>
/// Why: a fresh 4 KB page costs a page fault on its first write, and on the virtual machine this project's CI runs
/// on a fault costs about 10 µs. A 200-flow run touched ~2,700 fresh pages, which was about half of its time. Here
/// the garbage collector is asked for a no-GC region the size of the run's expected allocation, which makes it
/// commit that memory at once, in ranges large enough for Linux to back with 2 MB pages once asked to
/// (MADV_HUGEPAGE): a first write then maps 2 MB at a time (writing 16 MB took ~1 ms instead of ~40 ms of 4 KB
/// faults). The run needs no collection until the region is used up, after which the collector works as usual.
/// Mapping the region at once (MADV_POPULATE_WRITE) was ~5% faster still, but made a run that uses half of its
/// region hold all of it.
/// </para>
/// <para>
/// Only where it pays: Linux with transparent huge pages not turned off, a process of its own (never a test host or
/// the language server), and a run expected to allocate at least <see cref="Smallest"/>. Without huge pages the
/// region would only spare collections while losing the collector's reuse of pages, which measured slower, so
/// nothing is done. FLOWLINT_HEAP_WARMUP=0 turns it off (to compare).
/// </para>
/// </summary>
internal static partial class HeapWarmup
{
    /// <summary>Set by <see cref="Program.Main"/>: the process is flowlint's own.</summary>
    internal static bool Allowed;

    // A full lint allocated 20 (generated flows) to 31 (the corpus) bytes per byte of YAML, one rule about 10: a
    // region that holds a whole full lint of a few hundred flows spares it every collection.
    internal const long BytesPerInputByte = 32;
    internal const long Smallest = 4L << 20;
    internal const long Largest = 32L << 20;
    private const long LargeObjectShare = 1L << 20;
    private const long HugePage = 2L << 20;

    private const int MadviseHugePage = 14;

    /// <summary>What a run of files of these sizes is expected to allocate, capped at <see cref="Largest"/>.</summary>
    internal static long ExpectedAllocation(IEnumerable<long> fileLengths)
    {
        long total = 0;
        foreach (long length in fileLengths)
        {
            total += Math.Max(0, length) * BytesPerInputByte;
            if (total >= Largest) return Largest;
        }
        return total;
    }

    /// <summary>
    /// The files' lengths, or for a long list the lengths of <see cref="Sampled"/> files spread over it, each standing
    /// for its share of the list: asking the system for every file's size cost ~4 µs a file.
    /// </summary>
    internal static IEnumerable<long> Lengths(IReadOnlyList<string> files, Func<string, long> lengthOf)
    {
        if (files.Count <= Sampled)
        {
            foreach (string file in files) yield return lengthOf(file);
            yield break;
        }
        for (int i = 0; i < Sampled; i++)
        {
            int from = (int)((long)files.Count * i / Sampled), to = (int)((long)files.Count * (i + 1) / Sampled);
            yield return lengthOf(files[from]) * (to - from);
        }
    }

    internal const int Sampled = 32;

    private static long LengthOf(string file)
    {
        try { return new FileInfo(file).Length; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return 0; }
    }

    /// <summary>
    /// Prepares the heap for linting <paramref name="files"/> when everything needed is there; says what it did on
    /// <paramref name="log"/> when given. Never throws: a run without the warm-up is only slower.
    /// </summary>
    public static void Start(IReadOnlyList<string> files, TextWriter? log)
    {
        if (!Allowed || !OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("FLOWLINT_HEAP_WARMUP") == "0") return;
        long bytes = ExpectedAllocation(Lengths(files, LengthOf));
        if (bytes < Smallest) return;
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            if (!HugePagesAvailable(File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled"))) return;
            var before = MemoryArea.Parse(File.ReadLines("/proc/self/maps"));
            if (!GC.TryStartNoGCRegion(bytes + LargeObjectShare, LargeObjectShare)) return;
            var ranges = NewlyWritable(before, MemoryArea.Parse(File.ReadLines("/proc/self/maps")), HugePage);
            if (ranges.Count == 0)
            {
                // Committed in pieces too small for a huge page: the region would only cost faults.
                End();
                return;
            }
            long prepared = 0;
            foreach (var (start, length) in ranges)
            {
                if (madvise((nint)start, (nuint)length, MadviseHugePage) != 0)
                {
                    // A kernel without transparent huge pages (EINVAL): the region would only cost faults.
                    End();
                    return;
                }
                prepared += length;
            }
            log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"flowlint: heap: {prepared / 1e6:F1} MB prepared for huge pages in {ranges.Count} range(s) for an expected {bytes / 1e6:F1} MB, " +
                $"in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} ms"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException
                                       or ArgumentOutOfRangeException or FormatException or OverflowException
                                       or DllNotFoundException or EntryPointNotFoundException)
        {
            End();
        }
    }

    /// <summary>Leaves the no-GC region if it is still on (the collector leaves it by itself once it is used up).</summary>
    private static void End()
    {
        if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) return;
        try { GC.EndNoGCRegion(); }
        catch (InvalidOperationException) { } // a collection already ended it
    }

    /// <summary>Whether /sys/kernel/mm/transparent_hugepage/enabled lets a process ask for huge pages.</summary>
    internal static bool HugePagesAvailable(string enabled) =>
        enabled.Contains("[always]", StringComparison.Ordinal) || enabled.Contains("[madvise]", StringComparison.Ordinal);

    /// <summary>
    /// The parts of private anonymous read-write memory in <paramref name="after"/> that were not read-write in
    /// <paramref name="before"/>, of at least <paramref name="minimum"/> bytes: what the collector committed in
    /// between. Anything smaller cannot hold a huge page.
    /// </summary>
    internal static List<(long Start, long Length)> NewlyWritable(IReadOnlyList<MemoryArea> before, IReadOnlyList<MemoryArea> after, long minimum)
    {
        var old = new List<MemoryArea>();
        foreach (var area in before) if (area.IsAnonymousReadWrite) old.Add(area);
        old.Sort((a, b) => a.Start.CompareTo(b.Start));
        var result = new List<(long, long)>();
        foreach (var area in after)
        {
            if (!area.IsAnonymousReadWrite) continue;
            long from = area.Start;
            foreach (var o in old)
            {
                if (o.End <= from || o.Start >= area.End) continue;
                if (o.Start > from && o.Start - from >= minimum) result.Add((from, o.Start - from));
                from = Math.Max(from, o.End);
            }
            if (area.End - from >= minimum) result.Add((from, area.End - from));
        }
        return result;
    }

    // glibc by its soname, already loaded: "libc" alone made the loader try the libc.so linker script first. Elsewhere
    // (musl) the import fails, which Start catches: no warm-up there.
    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int madvise(nint address, nuint length, int advice);
}

/// <summary>One line of /proc/self/maps: an address range, and whether it is private anonymous read-write memory.</summary>
internal readonly record struct MemoryArea(long Start, long End, bool IsAnonymousReadWrite)
{
    internal static List<MemoryArea> Parse(IEnumerable<string> lines)
    {
        var areas = new List<MemoryArea>();
        foreach (string line in lines)
        {
            // "7f2322786000-7f2322f86000 rw-p 00000000 00:00 0   [path]"
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 5) continue;
            int dash = fields[0].IndexOf('-');
            if (dash <= 0) continue;
            long start = long.Parse(fields[0].AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            long end = long.Parse(fields[0].AsSpan(dash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            bool anonymous = fields[4] == "0" && (fields.Length < 6 || fields[5].Trim().Length == 0);
            areas.Add(new MemoryArea(start, end, anonymous && fields[1] == "rw-p"));
        }
        return areas;
    }
}
