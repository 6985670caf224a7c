using System.Collections.Generic;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Yaml;

/// <summary>The result of parsing one file: its documents, comments and errors.</summary>
public sealed class YamlStream
{
    internal YamlStream(SourceText text, IReadOnlyList<YamlDocument> documents, IReadOnlyList<YamlComment> comments, IReadOnlyList<YamlError> errors, bool hitLimit)
    {
        Text = text;
        Documents = documents;
        Comments = comments;
        Errors = errors;
        HitLimit = hitLimit;
    }

    public SourceText Text { get; }

    public IReadOnlyList<YamlDocument> Documents { get; }

    /// <summary>Every comment of the file, in file order.</summary>
    public IReadOnlyList<YamlComment> Comments { get; }

    public IReadOnlyList<YamlError> Errors { get; }

    /// <summary>A <see cref="YamlErrorKind.Limit"/> error was reported.</summary>
    public bool HitLimit { get; }
}
