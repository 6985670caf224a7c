using System;
using System.Collections.Generic;

namespace Kestra.FlowLint.Knowledge;

/// <summary>A problem in a cron expression, as a range of the expression's text (value coordinates).</summary>
public readonly struct CronProblem
{
    public CronProblem(int start, int length, string message)
    {
        Start = start;
        Length = length;
        Message = message;
    }

    public int Start { get; }
    public int Length { get; }

    /// <summary>A sentence without position.</summary>
    public string Message { get; }
}

/// <summary>
/// The cron dialect of Kestra's Schedule trigger (<c>Schedule.java</c> <c>CRON_DEFINITION_BUILDER</c>, parsed by cron-utils):
/// five fields (minute 0-59, hour 0-23, day-of-month 1-31 with <c>L</c>, month 1-12 or JAN-DEC, day-of-week 0-7 or
/// MON-SUN with 7 = Sunday = 0), strict ranges, a leading seconds field 0-59 with <c>withSeconds: true</c>, and the
/// nicknames <c>@yearly @annually @monthly @weekly @daily @midnight @hourly</c>. Elements are <c>*</c>, values, ranges
/// <c>a-b</c>, steps <c>x/n</c> and lists; <c>?</c>, <c>W</c>, <c>#</c> and <c>L</c> outside day-of-month are not supported.
/// </summary>
public static class KestraCron
{
    /// <summary>The nicknames cron-utils accepts for Kestra's definition (<c>@reboot</c> is not one).</summary>
    public static readonly IReadOnlyList<string> Nicknames = new[] { "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly" };

    private static readonly string[] MonthNames = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC" };

    // cron-utils' Monday-first day names with withMondayDoWValue(1): MON = 1 … SUN = 7 (7 maps to 0).
    private static readonly string[] DayNames = { "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN" };

    private sealed class Field
    {
        public Field(string name, int min, int max, string[]? names = null, int nameBase = 1, bool allowsL = false)
        {
            Name = name;
            Min = min;
            Max = max;
            Names = names;
            NameBase = nameBase;
            AllowsL = allowsL;
        }

        public string Name { get; }
        public int Min { get; }
        public int Max { get; }
        public string[]? Names { get; }
        public int NameBase { get; }
        public bool AllowsL { get; }
    }

    private static readonly Field Second = new("second", 0, 59);
    private static readonly Field[] UnixFields =
    {
        new("minute", 0, 59),
        new("hour", 0, 23),
        new("day-of-month", 1, 31, allowsL: true),
        new("month", 1, 12, MonthNames),
        new("day-of-week", 0, 7, DayNames),
    };

    /// <summary>The first problem of <paramref name="expression"/>, or null when Kestra accepts it.</summary>
    public static CronProblem? Validate(string expression, bool withSeconds)
    {
        // cron-utils collapses runs of whitespace and trims before splitting.
        var parts = new List<(int Start, int Length)>();
        int i = 0;
        while (i < expression.Length)
        {
            while (i < expression.Length && char.IsWhiteSpace(expression[i])) i++;
            int start = i;
            while (i < expression.Length && !char.IsWhiteSpace(expression[i])) i++;
            if (i > start) parts.Add((start, i - start));
        }
        if (parts.Count == 0) return new CronProblem(0, expression.Length, "the cron expression is empty");

        string first = expression.Substring(parts[0].Start, parts[0].Length);
        if (first.StartsWith("@", StringComparison.Ordinal))
        {
            foreach (var nickname in Nicknames)
                if (parts.Count == 1 && string.Equals(first, nickname, StringComparison.OrdinalIgnoreCase)) return null;
            return new CronProblem(parts[0].Start, parts[0].Length,
                $"'{first}' is not a supported nickname (use one of {string.Join(", ", Nicknames)})");
        }

        int expected = withSeconds ? 6 : 5;
        if (parts.Count != expected)
        {
            string hint = withSeconds
                ? "withSeconds: true expects 6 fields: second minute hour day-of-month month day-of-week"
                : parts.Count == 6 ? "5 fields are expected (minute hour day-of-month month day-of-week); set withSeconds: true for a leading seconds field"
                : "5 fields are expected: minute hour day-of-month month day-of-week";
            return new CronProblem(0, expression.Length, $"the expression has {parts.Count} fields; {hint}");
        }

        for (int f = 0; f < parts.Count; f++)
        {
            var field = withSeconds ? (f == 0 ? Second : UnixFields[f - 1]) : UnixFields[f];
            var problem = ValidateField(expression, parts[f].Start, parts[f].Length, field);
            if (problem is not null) return problem;
        }
        return null;
    }

    private static CronProblem? ValidateField(string expression, int start, int length, Field field)
    {
        int end = start + length;
        int elementStart = start;
        for (int i = start; i <= end; i++)
        {
            if (i < end && expression[i] != ',') continue;
            if (i == elementStart)
                return new CronProblem(start, length, $"the {field.Name} field '{expression.Substring(start, length)}' has an empty list element");
            var problem = ValidateElement(expression, elementStart, i - elementStart, field);
            if (problem is not null) return problem;
            elementStart = i + 1;
        }
        return null;
    }

    private static CronProblem? ValidateElement(string expression, int start, int length, Field field)
    {
        string element = expression.Substring(start, length);
        CronProblem Bad(string why) => new(start, length, $"'{element}' in the {field.Name} field {why}");

        int slash = element.IndexOf('/');
        string range = slash < 0 ? element : element.Substring(0, slash);
        if (slash >= 0)
        {
            string step = element.Substring(slash + 1);
            if (!TryNumber(step, out int period)) return Bad($"has step '{step}', which is not a number");
            if (period < 1 || period > field.Max - field.Min + 1)
                return Bad($"has step {period}, outside 1-{field.Max - field.Min + 1}");
            if (range.Length == 0) return Bad("has no start before '/'");
        }

        if (range == "*") return null;
        if (range == "?") return Bad("uses '?', which Kestra's cron does not support (use '*')");
        if (field.AllowsL && slash < 0 && (range == "L" || range == "l")) return null;
        if (field.AllowsL && slash < 0 && range.Length > 2 && (range[0] == 'L' || range[0] == 'l') && range[1] == '-')
        {
            return TryNumber(range.Substring(2), out int offset) && offset >= 0 && offset < field.Max
                ? null
                : Bad("is not a valid last-day offset (use L or L-n)");
        }
        int dash = range.IndexOf('-', 1);
        if (dash > 0)
        {
            string fromText = range.Substring(0, dash), toText = range.Substring(dash + 1);
            if (!TryValue(fromText, field, out int from)) return Bad(ValueProblem(fromText, field));
            if (!TryValue(toText, field, out int to)) return Bad(ValueProblem(toText, field));
            // Kestra defines every field with strict ranges: no wrap-around such as 22-2. Sunday is both 0 and 7
            // (SUN-SAT is 0-6 once cron-utils maps 7 to 0), so a day-of-week range touching Sunday is not judged.
            bool touchesSunday = field.Names == DayNames && (from is 0 or 7 || to is 0 or 7);
            if (from > to && !touchesSunday) return Bad($"is a range from {from} down to {to}; ranges must go upwards");
            return null;
        }
        if (!TryValue(range, field, out _)) return Bad(ValueProblem(range, field));
        return null;
    }

    private static string ValueProblem(string text, Field field)
    {
        if (TryNumber(text, out int n)) return $"has {n}, outside {field.Min}-{field.Max}";
        foreach (char special in "#WL")
        {
            if (text.IndexOf(special) >= 0 || text.IndexOf(char.ToLowerInvariant(special)) >= 0)
                return $"uses '{special}', which Kestra's cron does not support there";
        }
        if (field.Names is not null)
            return $"has '{text}', which is neither a number in {field.Min}-{field.Max} nor one of {field.Names[0]}-{field.Names[field.Names.Length - 1]}";
        return $"has '{text}', which is not a number in {field.Min}-{field.Max}";
    }

    private static bool IsName(string text, Field field)
    {
        foreach (var name in field.Names!)
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool TryValue(string text, Field field, out int value)
    {
        if (TryNumber(text, out value)) return value >= field.Min && value <= field.Max;
        if (field.Names is not null)
        {
            for (int i = 0; i < field.Names.Length; i++)
            {
                if (string.Equals(field.Names[i], text, StringComparison.OrdinalIgnoreCase))
                {
                    value = i + field.NameBase;
                    return true;
                }
            }
        }
        return false;
    }

    private static bool TryNumber(string text, out int value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 9) return false;
        foreach (char c in text)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
