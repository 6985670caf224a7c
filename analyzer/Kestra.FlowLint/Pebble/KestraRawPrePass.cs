using System;
using System.Collections.Generic;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Pebble;

/// <summary>A <c>{% raw %}…{% endraw %}</c> block found by Kestra's pre-pass.</summary>
internal readonly struct RawRegion
{
    public RawRegion(int start, int end, int contentStart, int contentEnd, bool multiLine)
    {
        Start = start;
        End = end;
        ContentStart = contentStart;
        ContentEnd = contentEnd;
        MultiLine = multiLine;
    }

    public int Start { get; }
    public int End { get; }
    public int ContentStart { get; }
    public int ContentEnd { get; }

    /// <summary>Kestra would not match it (the content crosses a line); kept as text only to recover.</summary>
    public bool MultiLine { get; }
}

/// <summary>
/// Kestra's <c>RAW_PATTERN = \{%-*\s*raw\s*-*%}(.*?)\{%-*\s*endraw\s*-*%}</c> (no DOTALL), applied with
/// replaceAll before Pebble sees the template. Kestra swaps each match for a UUID, so to Pebble a raw block
/// is an opaque run of letters, digits and dashes wherever it occurs; the lexer treats the regions found here
/// the same way instead of rewriting the string, which keeps every span in the template's coordinates.
/// </summary>
internal static class KestraRawPrePass
{
    public static RawRegion[] Find(string s, List<PebbleError> errors)
    {
        if (s.IndexOf("{%", StringComparison.Ordinal) < 0)
        {
            return Array.Empty<RawRegion>();
        }

        List<RawRegion>? regions = null;
        var endTags = new EndTagCache(s);
        int from = 0;
        while (true)
        {
            int i = s.IndexOf("{%", from, StringComparison.Ordinal);
            if (i < 0) break;
            int contentStart = MatchTag(s, i, "raw");
            if (contentStart < 0)
            {
                from = i + 1;
                continue;
            }

            // The lazy (.*?) stops at the first endraw; Java's '.' refuses line terminators, so a line
            // break before that endraw means this raw tag is not matched at all.
            int endTag = endTags.FirstAtOrAfter(contentStart, out int endTagEnd);
            if (endTag < 0)
            {
                from = i + 1;
                continue;
            }
            bool multiLine = false;
            for (int k = contentStart; k < endTag; k++)
            {
                if (JavaText.IsRegexLineTerminator(s[k]))
                {
                    multiLine = true;
                    break;
                }
            }
            if (multiLine)
            {
                errors.Add(new PebbleError(PebbleErrorKind.MultiLineRaw, TextSpan.FromBounds(i, contentStart),
                    "\"{% raw %}\" is closed by \"{% endraw %}\" on a later line: Kestra only recognises a raw block on a single line, so Pebble would reject \"raw\" as an unknown tag; use \"{% verbatim %}…{% endverbatim %}\" for multi-line content"));
            }
            (regions ??= new List<RawRegion>()).Add(new RawRegion(i, endTagEnd, contentStart, endTag, multiLine));
            from = endTagEnd;
        }
        return regions == null ? Array.Empty<RawRegion>() : regions.ToArray();
    }

    /// <summary>
    /// Matches <c>\{%-*\s*NAME\s*-*%}</c> at <paramref name="i"/> and returns the offset after it, or -1.
    /// The character classes are disjoint, so the greedy scan is exactly what the backtracking regex does.
    /// </summary>
    internal static int MatchTag(string s, int i, string name)
    {
        int n = s.Length;
        if (i + 1 >= n || s[i] != '{' || s[i + 1] != '%') return -1;
        int j = i + 2;
        while (j < n && s[j] == '-') j++;
        while (j < n && JavaText.IsRegexSpace(s[j])) j++;
        if (string.CompareOrdinal(s, j, name, 0, name.Length) != 0) return -1;
        j += name.Length;
        while (j < n && JavaText.IsRegexSpace(s[j])) j++;
        while (j < n && s[j] == '-') j++;
        if (j + 1 >= n || s[j] != '%' || s[j + 1] != '}') return -1;
        return j + 2;
    }

    /// <summary>
    /// Remembers the last search for an endraw tag: the first one at or after any offset in the searched range
    /// is the one already found, which keeps many unclosed raw tags linear instead of quadratic.
    /// </summary>
    private sealed class EndTagCache
    {
        private readonly string _s;
        private int _searchedFrom = int.MaxValue;
        private int _found = -1;
        private int _foundEnd = -1;

        public EndTagCache(string s) => _s = s;

        public int FirstAtOrAfter(int from, out int end)
        {
            if (from >= _searchedFrom && (_found < 0 || from <= _found))
            {
                end = _foundEnd;
                return _found;
            }
            _searchedFrom = from;
            _found = -1;
            _foundEnd = -1;
            int p = from;
            while (true)
            {
                int k = _s.IndexOf("{%", p, StringComparison.Ordinal);
                if (k < 0) break;
                int e = MatchTag(_s, k, "endraw");
                if (e >= 0)
                {
                    _found = k;
                    _foundEnd = e;
                    break;
                }
                p = k + 1;
            }
            end = _foundEnd;
            return _found;
        }
    }
}
