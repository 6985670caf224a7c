using System;

namespace Kestra.FlowLint.Text;

/// <summary>0-based line and UTF-16 character, as LSP and Roslyn use. Printed 1-based by reporters.</summary>
public readonly struct LinePosition : IEquatable<LinePosition>, IComparable<LinePosition>
{
    public LinePosition(int line, int character)
    {
        Line = line;
        Character = character;
    }

    public int Line { get; }
    public int Character { get; }

    public bool Equals(LinePosition other) => Line == other.Line && Character == other.Character;
    public override bool Equals(object? obj) => obj is LinePosition p && Equals(p);
    public override int GetHashCode() => unchecked((Line * 7919) ^ Character);
    public int CompareTo(LinePosition other) => Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);
    public static bool operator ==(LinePosition a, LinePosition b) => a.Equals(b);
    public static bool operator !=(LinePosition a, LinePosition b) => !a.Equals(b);
    public override string ToString() => $"{Line + 1}:{Character + 1}";
}

/// <summary>A 0-based start and end position; End is exclusive.</summary>
public readonly struct LinePositionSpan : IEquatable<LinePositionSpan>
{
    public LinePositionSpan(LinePosition start, LinePosition end)
    {
        Start = start;
        End = end;
    }

    public LinePosition Start { get; }
    public LinePosition End { get; }

    public bool Equals(LinePositionSpan other) => Start == other.Start && End == other.End;
    public override bool Equals(object? obj) => obj is LinePositionSpan s && Equals(s);
    public override int GetHashCode() => unchecked(Start.GetHashCode() * 31 + End.GetHashCode());
    public static bool operator ==(LinePositionSpan a, LinePositionSpan b) => a.Equals(b);
    public static bool operator !=(LinePositionSpan a, LinePositionSpan b) => !a.Equals(b);
    public override string ToString() => $"{Start}-{End}";
}
