using System;

namespace Kestra.FlowLint.Pebble;

/// <summary>
/// The lexer's output: a growable array read by reference. The parser reads tokens constantly; going through
/// List&lt;T&gt; would copy each 24-byte token and check the list's version every time.
/// </summary>
internal sealed class TokenBuffer
{
    private Token[] _items;

    public TokenBuffer(int capacity)
    {
        _items = new Token[Math.Max(4, capacity)];
    }

    public int Count { get; private set; }

    public int Capacity => _items.Length;

    public void Clear() => Count = 0;

    public ref Token this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return ref _items[index];
        }
    }

    public void Add(Token token)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = token;
    }

    public void RemoveAt(int index)
    {
        Array.Copy(_items, index + 1, _items, index, Count - index - 1);
        Count--;
    }

    /// <summary>Drops every token from <paramref name="index"/> on.</summary>
    public void Truncate(int index) => Count = Math.Min(Count, Math.Max(0, index));
}
