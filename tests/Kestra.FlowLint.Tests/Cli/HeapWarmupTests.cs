using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Kestra.FlowLint.Cli;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Cli;

[TestClass]
public class HeapWarmupTests
{
    private const long MB = 1L << 20;

    [TestMethod]
    public void Maps_lines_give_ranges_and_only_private_anonymous_read_write_counts()
    {
        var areas = MemoryArea.Parse(new[]
        {
            "00400000-00c94000 r-xp 00000000 08:01 1234                               /usr/bin/flowlint",
            "00c94000-00cb6000 rw-p 00000000 00:00 0 ",
            "2ccd8000-2ccf9000 rw-p 00000000 00:00 0                                  [heap]",
            "7ed7d8c00000-7ed7da0cd000 rw-p 00000000 00:00 0",
            "7ed7da0cd000-7ed7db000000 ---p 00000000 00:00 0 ",
            "7f17d6400000-7f17d6600000 rw-s 00000000 00:05 77                         /memfd:shared (deleted)",
            "7ffeb596e000-7ffeb598f000 rw-p 00000000 00:00 0                          [stack]",
            "not a maps line",
        });

        areas.Count.ShouldBe(7);
        areas[0].ShouldBe(new MemoryArea(0x400000, 0xc94000, false));
        areas[1].ShouldBe(new MemoryArea(0xc94000, 0xcb6000, true));
        areas[2].IsAnonymousReadWrite.ShouldBeFalse("[heap] is named");
        areas[3].ShouldBe(new MemoryArea(0x7ed7d8c00000, 0x7ed7da0cd000, true));
        areas[4].IsAnonymousReadWrite.ShouldBeFalse("reserved, not committed");
        areas[5].IsAnonymousReadWrite.ShouldBeFalse("shared and file-backed");
        areas[6].IsAnonymousReadWrite.ShouldBeFalse("[stack] is named");
    }

    [TestMethod]
    public void Newly_writable_is_what_became_read_write_in_between_and_large_enough()
    {
        static MemoryArea Rw(long start, long end) => new(start, end, true);
        var before = new[]
        {
            Rw(100 * MB, 101 * MB),               // grows below: only the new part counts
            new MemoryArea(110 * MB, 130 * MB, false),
            Rw(200 * MB, 204 * MB),               // unchanged
        };
        var after = new[]
        {
            Rw(100 * MB, 106 * MB),
            Rw(110 * MB, 111 * MB),               // committed, but under a huge page
            Rw(112 * MB, 120 * MB),               // committed whole
            Rw(200 * MB, 204 * MB),
            new MemoryArea(300 * MB, 310 * MB, false),
        };

        HeapWarmup.NewlyWritable(before, after, 2 * MB).ShouldBe(new List<(long, long)>
        {
            (101 * MB, 5 * MB),
            (112 * MB, 8 * MB),
        });
    }

    [TestMethod]
    public void A_committed_area_split_by_old_ones_gives_each_new_gap()
    {
        static MemoryArea Rw(long start, long end) => new(start, end, true);
        var before = new[] { Rw(14 * MB, 15 * MB), Rw(4 * MB, 5 * MB) }; // unsorted on purpose
        var after = new[] { Rw(0, 20 * MB) };

        HeapWarmup.NewlyWritable(before, after, 2 * MB).ShouldBe(new List<(long, long)>
        {
            (0, 4 * MB),
            (5 * MB, 9 * MB),
            (15 * MB, 5 * MB),
        });
        HeapWarmup.NewlyWritable(before, after, 5 * MB).ShouldBe(new List<(long, long)> { (5 * MB, 9 * MB), (15 * MB, 5 * MB) });
    }

    [TestMethod]
    public void Expected_allocation_follows_the_input_and_stops_at_the_cap()
    {
        HeapWarmup.ExpectedAllocation(Array.Empty<long>()).ShouldBe(0);
        HeapWarmup.ExpectedAllocation(new long[] { 1000, 2000, -5 }).ShouldBe(3000 * HeapWarmup.BytesPerInputByte);

        // The cap is reached before the last length is asked for: a huge folder is not measured file by file.
        int asked = 0;
        IEnumerable<long> Lengths()
        {
            for (int i = 0; i < 100_000; i++) { asked++; yield return 100_000; }
        }
        HeapWarmup.ExpectedAllocation(Lengths()).ShouldBe(HeapWarmup.Largest);
        asked.ShouldBeLessThan(20);
    }

    [TestMethod]
    public void A_long_list_of_files_is_measured_by_a_sample_that_stands_for_all_of_them()
    {
        var asked = new List<string>();
        long LengthOf(string file) { asked.Add(file); return int.Parse(file.Split('-')[1]); }

        var few = Enumerable.Range(0, HeapWarmup.Sampled).Select(i => $"f-{i}").ToList();
        HeapWarmup.Lengths(few, LengthOf).ShouldBe(few.Select(f => (long)int.Parse(f.Split('-')[1])));
        asked.Count.ShouldBe(HeapWarmup.Sampled);

        // 1,000 files: 32 are asked, and their shares add up to the whole list, so equal files give the exact total.
        asked.Clear();
        HeapWarmup.Lengths(Enumerable.Repeat("f-7", 1000).ToList(), LengthOf).Sum().ShouldBe(7000);
        asked.Count.ShouldBe(HeapWarmup.Sampled);

        // Unequal files give an estimate: every 10th of 5,000 bytes among files of 100 (590,000 in all).
        asked.Clear();
        var many = Enumerable.Range(0, 1000).Select(i => $"f-{(i % 10 == 0 ? 5000 : 100)}").ToList();
        HeapWarmup.Lengths(many, LengthOf).Sum().ShouldBeInRange(590_000 / 2, 590_000 * 3 / 2);
        asked.Count.ShouldBe(HeapWarmup.Sampled);
    }

    [TestMethod]
    public void Huge_pages_are_used_only_when_the_system_lets_a_process_ask()
    {
        HeapWarmup.HugePagesAvailable("always [madvise] never\n").ShouldBeTrue();
        HeapWarmup.HugePagesAvailable("[always] madvise never\n").ShouldBeTrue();
        HeapWarmup.HugePagesAvailable("always madvise [never]\n").ShouldBeFalse();
        HeapWarmup.HugePagesAvailable("").ShouldBeFalse();
    }

    [TestMethod]
    public void A_warm_run_of_flowlint_reports_exactly_what_a_cold_one_does()
    {
        // flowlint's own process (the JIT build beside the tests), over a corpus large enough to be warmed up.
        string flowlint = Path.Combine(AppContext.BaseDirectory, "flowlint.dll");
        string corpus = TestPaths.Corpus;

        (string Stdout, string Stderr) Lint(string warmup)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = corpus };
            foreach (var arg in new[] { flowlint, "check", ".", "--format", "sarif", "--fail-on", "none" }) start.ArgumentList.Add(arg);
            start.Environment["FLOWLINT_HEAP_WARMUP"] = warmup;
            start.Environment["FLOWLINT_GC_STATS"] = "1";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.ShouldBe(0, stderr);
            return (stdout.Result, stderr);
        }

        var cold = Lint("0");
        var warm = Lint("1");
        warm.Stdout.ShouldBe(cold.Stdout);
        cold.Stderr.ShouldNotContain("flowlint: heap:");
        bool canWarm = OperatingSystem.IsLinux() && File.Exists("/sys/kernel/mm/transparent_hugepage/enabled")
            && HeapWarmup.HugePagesAvailable(File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled"));
        if (canWarm) warm.Stderr.ShouldContain("flowlint: heap: ");
        else warm.Stderr.ShouldNotContain("flowlint: heap:");
    }
}
