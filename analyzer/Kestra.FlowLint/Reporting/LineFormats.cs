using System.Globalization;
using Kestra.FlowLint.Analysis;

namespace Kestra.FlowLint.Reporting;

/// <summary>
/// The one-line forms of a finding. These are contracts that scripts parse: never change them, add formats instead.
/// Lines and columns are 1-based, columns in UTF-16 units.
/// </summary>
public static class LineFormats
{
    /// <summary>`path:line:col: severity[KF3001]: message`</summary>
    public static string Text(Diagnostic d)
    {
        var start = d.Location.LineSpan.Start;
        return string.Concat(
            d.Location.Path, ":",
            (start.Line + 1).ToString(CultureInfo.InvariantCulture), ":",
            (start.Character + 1).ToString(CultureInfo.InvariantCulture), ": ",
            d.Severity.ToText(), "[", d.Id, "]: ", OneLine(d.Message));
    }

    /// <summary>`path(line,col,endLine,endCol): severity KF3001: message`, as MSBuild and IDEs read it.</summary>
    public static string MsBuild(Diagnostic d)
    {
        var span = d.Location.LineSpan;
        string severity = d.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return string.Concat(
            d.Location.Path, "(",
            (span.Start.Line + 1).ToString(CultureInfo.InvariantCulture), ",",
            (span.Start.Character + 1).ToString(CultureInfo.InvariantCulture), ",",
            (span.End.Line + 1).ToString(CultureInfo.InvariantCulture), ",",
            (span.End.Character + 1).ToString(CultureInfo.InvariantCulture), "): ",
            severity, " ", d.Id, ": ", OneLine(d.Message));
    }

    /// <summary>A message on one line: a line-oriented format must not be broken by a newline in a message.</summary>
    public static string OneLine(string message) =>
        message.IndexOfAny(LineBreaks) < 0 ? message : message.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');

    private static readonly char[] LineBreaks = { '\n', '\r' };
}
