using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kestra.FlowLint.Reporting;

/// <summary>
/// How FlowLint writes JSON: Utf8JsonWriter (no reflection, NativeAOT-safe), two-space indentation, "\n" line
/// breaks on every OS, non-ASCII text kept readable, one final line break.
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        // Not embedded in HTML, so '<', '&' and non-ASCII letters stay readable; quotes, backslashes and control characters are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(Action<Utf8JsonWriter> write)
    {
        using var text = new StringWriter { NewLine = "\n" };
        Write(write, text);
        return text.ToString();
    }

    /// <summary>
    /// Streams the document into <paramref name="output"/> through a small buffer: a large run's report is never
    /// held whole (before, its bytes, then its text, were: ~400 MB at the peak for 10,000 flows).
    /// </summary>
    public static void Write(Action<Utf8JsonWriter> write, TextWriter output)
    {
        var streamed = new Utf8TextWriterBuffer(output);
        using (var writer = new Utf8JsonWriter(streamed, Options)) write(writer);
        streamed.Complete();
        output.Write('\n');
    }

    /// <summary>A string, or null.</summary>
    public static void WriteStringOrNull(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }
}
