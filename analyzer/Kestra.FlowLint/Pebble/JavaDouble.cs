using System;
using System.Globalization;
using System.Text;

namespace Kestra.FlowLint.Pebble;

/// <summary>
/// Java's <c>Double.toString</c>: the shortest digits that round-trip, written as plain decimals when
/// 10^-3 &lt;= |d| &lt; 10^7 (always with a fraction, "1.0") and as "d.dddE±n" otherwise ("1.0E7", "1.0E-4").
/// </summary>
internal static class JavaDouble
{
    public static string ToString(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        if (d == 0) return 1 / d < 0 ? "-0.0" : "0.0";

        // "R" gives the shortest round-trip form on .NET Core 3.0+; normalise it to digits and an exponent.
        // Java always shows two significant digits, and when one would do it picks the two-digit decimal
        // closest to the value (Double.MIN_VALUE is "4.9E-324", not "5.0E-324"): that is "E1".
        string r = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        if (SignificantDigits(r) == 1)
        {
            r = Math.Abs(d).ToString("E1", CultureInfo.InvariantCulture);
        }
        int exponent = 0;
        int e = r.IndexOfAny(new[] { 'E', 'e' });
        string mantissa = r;
        if (e >= 0)
        {
            exponent = int.Parse(r.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = r.Substring(0, e);
        }
        int dot = mantissa.IndexOf('.');
        string digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        int pointPosition = (dot < 0 ? mantissa.Length : dot) + exponent;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
            pointPosition--;
        }
        digits = digits.Substring(lead).TrimEnd('0');
        if (digits.Length == 0) digits = "0";

        // The value is 0.DIGITS × 10^pointPosition; Java's decimal exponent is pointPosition - 1.
        int decimalExponent = pointPosition - 1;
        var sb = new StringBuilder();
        if (d < 0) sb.Append('-');
        if (decimalExponent >= -3 && decimalExponent < 7)
        {
            if (pointPosition <= 0)
            {
                sb.Append("0.").Append('0', -pointPosition).Append(digits);
            }
            else if (pointPosition >= digits.Length)
            {
                sb.Append(digits).Append('0', pointPosition - digits.Length).Append(".0");
            }
            else
            {
                sb.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
            }
        }
        else
        {
            sb.Append(digits[0]).Append('.');
            if (digits.Length > 1) sb.Append(digits, 1, digits.Length - 1);
            else sb.Append('0');
            sb.Append('E').Append(decimalExponent.ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static int SignificantDigits(string r)
    {
        int count = 0;
        bool leading = true;
        foreach (char c in r)
        {
            if (c == 'E' || c == 'e') break;
            if (c < '0' || c > '9') continue;
            if (leading && c == '0') continue;
            leading = false;
            count++;
        }
        // Trailing zeros of an integer form ("100") are not significant.
        int end = r.IndexOfAny(new[] { 'E', 'e' });
        string mantissa = end < 0 ? r : r.Substring(0, end);
        if (mantissa.IndexOf('.') < 0)
        {
            for (int i = mantissa.Length - 1; i > 0 && mantissa[i] == '0'; i--) count--;
        }
        return count;
    }
}
