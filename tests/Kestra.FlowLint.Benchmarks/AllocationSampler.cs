using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;

namespace Kestra.FlowLint.Benchmarks;

/// <summary>
/// Which types a run allocates most, from the runtime's allocation-tick events (one sample about every 100 KB):
/// a rough, in-process allocation profile for `lint-loop` (FLOWLINT_ALLOCATIONS=1), not a measurement.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null) return;
        int typeIndex = e.PayloadNames.IndexOf("TypeName");
        int amountIndex = e.PayloadNames.IndexOf("AllocationAmount64");
        if (typeIndex < 0 || amountIndex < 0) return;
        string type = e.Payload![typeIndex] as string ?? "?";
        long amount = Convert.ToInt64(e.Payload[amountIndex]);
        lock (_bytes) _bytes[type] = _bytes.TryGetValue(type, out var b) ? b + amount : amount;
    }

    public void Print(int top = 40)
    {
        lock (_bytes)
        {
            long total = _bytes.Values.Sum();
            Console.WriteLine($"sampled {total / 1_000_000.0:F0} MB");
            foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(top))
                Console.WriteLine($"{100.0 * bytes / total,6:F1}%  {type}");
        }
    }
}
