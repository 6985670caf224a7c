using System;
using System.Collections.Generic;

namespace Kestra.FlowLint.Pebble;

/// <summary>Parses Kestra Pebble templates. Never throws; every problem becomes a <see cref="PebbleError"/>.</summary>
public static class PebbleParser
{
    public static PebbleTemplate Parse(string template, PebbleParseOptions? options = null)
    {
        template ??= string.Empty;
        options ??= PebbleParseOptions.Default;

        var scratch = ParseScratch.Rent(Math.Min(template.Length / 6 + 6, 4096));
        try
        {
            var errors = scratch.Errors;
            var raw = options.ApplyKestraRawPrePass ? KestraRawPrePass.Find(template, errors) : Array.Empty<RawRegion>();
            scratch.Lexer(template, raw).Lex();
            var nodes = scratch.Parser(template, options.ApplyKestraRawPrePass).ParseTemplate();
            return new PebbleTemplate(template, nodes, SortByPosition(errors));
        }
        finally
        {
            ParseScratch.Return(scratch);
        }
    }

    /// <summary>
    /// False when the string is certainly plain text, so callers can skip parsing it. Kestra itself returns a
    /// string without any '{' unrendered; a string without "{{", "{%" or "{#" is a single text node.
    /// </summary>
    public static bool MayContainTemplate(ReadOnlySpan<char> text)
    {
        int i = 0;
        while (true)
        {
            int k = text.Slice(i).IndexOf('{');
            if (k < 0) return false;
            i += k + 1;
            if (i >= text.Length) return false;
            char c = text[i];
            if (c == '{' || c == '%' || c == '#') return true;
        }
    }

    private static IReadOnlyList<PebbleError> SortByPosition(List<PebbleError> errors)
    {
        if (errors.Count == 0) return Array.Empty<PebbleError>();

        // Stable: errors at the same offset keep the order they were found in.
        var indexed = new (PebbleError Error, int Index)[errors.Count];
        for (int i = 0; i < errors.Count; i++) indexed[i] = (errors[i], i);
        Array.Sort(indexed, (a, b) =>
        {
            int c = a.Error.Span.Start.CompareTo(b.Error.Span.Start);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        });
        var result = new PebbleError[indexed.Length];
        for (int i = 0; i < indexed.Length; i++) result[i] = indexed[i].Error;
        return result;
    }
}
