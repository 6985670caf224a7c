namespace Kestra.FlowLint.Analysis;

/// <summary>How loud a finding is. Ordered so that a higher value is more severe.</summary>
public enum DiagnosticSeverity
{
    Note = 1,
    Warning = 2,
    Error = 3,
}

public static class DiagnosticSeverityText
{
    /// <summary>The word used in text output and configuration: error, warning, note.</summary>
    public static string ToText(this DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    public static bool TryParse(string? text, out DiagnosticSeverity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "error": severity = DiagnosticSeverity.Error; return true;
            case "warning": case "warn": severity = DiagnosticSeverity.Warning; return true;
            case "note": case "info": case "notice": severity = DiagnosticSeverity.Note; return true;
            default: severity = default; return false;
        }
    }
}
