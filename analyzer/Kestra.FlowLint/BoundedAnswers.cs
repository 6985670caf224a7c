using System;
using System.Collections.Concurrent;
using System.Threading;

namespace Kestra.FlowLint;

/// <summary>
/// Answers remembered by string key, shared by every thread of a run and every run of a process (the editor):
/// for questions that recur across flows (a property name's sensitivity, a validator pattern, a wrong type name)
/// and cost more than a lookup. Bounded, so hostile input with endless distinct keys cannot grow it; past the
/// bound answers are still computed, just not kept. The size is counted here because
/// <see cref="ConcurrentDictionary{TKey,TValue}.Count"/> takes every lock.
/// </summary>
internal sealed class BoundedAnswers<TValue>
{
    private readonly ConcurrentDictionary<string, TValue> _answers = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private int _count;

    public BoundedAnswers(int capacity) => _capacity = capacity;

    /// <summary>The remembered answer for <paramref name="key"/>, else <paramref name="compute"/>'s (kept while there is room).</summary>
    public TValue GetOrAdd(string key, Func<string, TValue> compute)
    {
        if (_answers.TryGetValue(key, out var known)) return known;
        var answer = compute(key);
        if (Volatile.Read(ref _count) < _capacity && _answers.TryAdd(key, answer)) Interlocked.Increment(ref _count);
        return answer;
    }
}
