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

    /// <summary>
    /// One buffer per thread, reused from parse to parse: the tokens never outlive a parse (nodes keep offsets,
    /// not tokens), and most templates are short, so allocating a fresh array each time would dominate.
    /// </summary>
    [ThreadStatic]
    private static TokenBuffer? t_cached;

    public static TokenBuffer Rent(int capacity)
    {
        var buffer = t_cached;
        if (buffer == null) return new TokenBuffer(capacity);
        t_cached = null;
        buffer.Clear();
        return buffer;
    }

    public static void Return(TokenBuffer buffer)
    {
        // Do not keep a huge array alive for the thread's lifetime because of one huge template.
        if (buffer.Capacity <= 16 * 1024) t_cached = buffer;
    }

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
