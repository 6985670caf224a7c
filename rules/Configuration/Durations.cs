using System;
using System.Globalization;

namespace Kestra.FlowLint.Rules.Configuration;

/// <summary>Durations as the programs that read them convert them: Micronaut for Kestra, Go for Docker Compose.</summary>
internal static class Durations
{
    /// <summary>
    /// A duration as Micronaut converts it: a number with a unit (`ns`, `ms`, `s`, `m`, `h`, `d`) or ISO-8601
    /// (`PT10M`, `P1DT2H`); null when it is neither.
    /// </summary>
    internal static TimeSpan? Micronaut(string text)
    {
        string value = text.Trim();
        if (value.Length == 0) return null;
        if (value[0] == 'P' || value[0] == 'p' || value.StartsWith("-P", StringComparison.OrdinalIgnoreCase)) return Iso(value);
        int digits = 0;
        while (digits < value.Length && char.IsDigit(value[digits])) digits++;
        if (digits == 0 || !double.TryParse(value.Substring(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out double amount)) return null;
        return Unit(amount, value.Substring(digits).ToLowerInvariant());
    }

    /// <summary>
    /// A Compose duration (Go's time.ParseDuration: `10s`, `1m30s`, `1.5h`, `500ms`); a bare number is not one.
    /// Null when unreadable.
    /// </summary>
    internal static TimeSpan? Go(string text)
    {
        string value = text.Trim();
        if (value.Length == 0) return null;
        if (value == "0") return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        int i = 0;
        while (i < value.Length)
        {
            int start = i;
            while (i < value.Length && (char.IsDigit(value[i]) || value[i] == '.')) i++;
            if (i == start || !double.TryParse(value.Substring(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double amount)) return null;
            int unitStart = i;
            while (i < value.Length && !char.IsDigit(value[i]) && value[i] != '.') i++;
            string unit = value.Substring(unitStart, i - unitStart);
            if (unit == "us" || unit == "\u00b5s") unit = "micro";
            if (unit == "d" || Unit(amount, unit) is not { } part) return null;
            total += part;
        }
        return total;
    }

    /// <summary>A short human form (`5m`, `1m30s`, `0s`) for messages.</summary>
    internal static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero) return "0s";
        var text = new System.Text.StringBuilder();
        if (duration.Days > 0) text.Append(duration.Days).Append('d');
        if (duration.Hours > 0) text.Append(duration.Hours).Append('h');
        if (duration.Minutes > 0) text.Append(duration.Minutes).Append('m');
        if (duration.Seconds > 0) text.Append(duration.Seconds).Append('s');
        if (text.Length == 0) text.Append((int)duration.TotalMilliseconds).Append("ms");
        return text.ToString();
    }

    private static TimeSpan? Unit(double amount, string unit) => unit switch
    {
        "ns" => TimeSpan.FromTicks((long)(amount / 100)),
        "micro" => TimeSpan.FromTicks((long)(amount * 10)),
        "ms" => TimeSpan.FromMilliseconds(amount),
        "s" => TimeSpan.FromSeconds(amount),
        "m" => TimeSpan.FromMinutes(amount),
        "h" => TimeSpan.FromHours(amount),
        "d" => TimeSpan.FromDays(amount),
        _ => null,
    };

    private static TimeSpan? Iso(string value)
    {
        if (value[0] == '-') return null;
        var total = TimeSpan.Zero;
        bool inTime = false, any = false;
        int i = 1, start = 1;
        for (; i < value.Length; i++)
        {
            char c = char.ToUpperInvariant(value[i]);
            if (c == 'T' && i == start) { inTime = true; start = i + 1; continue; }
            if (char.IsDigit(c) || c == '.') continue;
            if (i == start || !double.TryParse(value.Substring(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double n)) return null;
            if (!inTime && c == 'D') total += TimeSpan.FromDays(n);
            else if (inTime && c == 'H') total += TimeSpan.FromHours(n);
            else if (inTime && c == 'M') total += TimeSpan.FromMinutes(n);
            else if (inTime && c == 'S') total += TimeSpan.FromSeconds(n);
            else return null;
            any = true;
            start = i + 1;
        }
        return any && start == value.Length ? total : null;
    }
}
