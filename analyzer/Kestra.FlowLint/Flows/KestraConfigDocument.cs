using System;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Flows;

/// <summary>
/// A Kestra server configuration (application.yml or a Compose service's KESTRA_CONFIGURATION). When it is
/// embedded in a string, its own text has its own coordinates; <see cref="MapToFile"/> maps them back into
/// the file that holds it so findings land on the exact characters of the Compose file.
/// </summary>
public sealed class KestraConfigDocument
{
    public KestraConfigDocument(SourceText fileText, YamlStream stream, YamlDocument document, YamlMapping root, EmbeddedConfiguration? embeddedIn = null)
    {
        FileText = fileText;
        Stream = stream;
        Document = document;
        Root = root;
        EmbeddedIn = embeddedIn;
    }

    /// <summary>The text of the file on disk (for locations).</summary>
    public SourceText FileText { get; }

    /// <summary>The parsed configuration; its SourceText is the embedded string's value when embedded.</summary>
    public YamlStream Stream { get; }
    public YamlDocument Document { get; }
    public YamlMapping Root { get; }
    public EmbeddedConfiguration? EmbeddedIn { get; }

    /// <summary>Maps a span of the configuration's own text to the file.</summary>
    public TextSpan MapToFile(TextSpan span)
    {
        if (EmbeddedIn is null) return span;
        var scalar = EmbeddedIn.Scalar;
        int start = EmbeddedIn.ValueOffset + span.Start;
        int length = Math.Max(0, Math.Min(span.Length, scalar.Value.Length - start));
        if (start >= scalar.Value.Length) return scalar.MapToSource(Math.Max(0, scalar.Value.Length - 1), scalar.Value.Length > 0 ? 1 : 0);
        return scalar.MapToSource(start, length);
    }
}
