using System.Collections;
using System.Collections.Generic;

namespace Kestra.FlowLint;

/// <summary>
/// A read-only view of an array: YAML items and entries, the nodes of a template. Rules walk these lists over and
/// over, so `foreach` over one uses a struct enumerator and allocates nothing (an <see cref="IReadOnlyList{T}"/>
/// would box one per walk).
/// </summary>
public readonly struct ReadOnlyArray<T> : IReadOnlyList<T>
{
    private readonly T[] _items;

    internal ReadOnlyArray(T[] items) => _items = items;

    public int Count => _items?.Length ?? 0;

    public T this[int index] => _items[index];

    public Enumerator GetEnumerator() => new(_items ?? System.Array.Empty<T>());

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(_items ?? System.Array.Empty<T>())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => (_items ?? System.Array.Empty<T>()).GetEnumerator();

    public struct Enumerator
    {
        private readonly T[] _items;
        private int _index;

        internal Enumerator(T[] items)
        {
            _items = items;
            _index = -1;
        }

        public T Current => _items[_index];

        public bool MoveNext() => ++_index < _items.Length;
    }
}
