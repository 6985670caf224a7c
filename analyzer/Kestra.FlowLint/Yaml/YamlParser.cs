using System;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Yaml;

public static class YamlParser
{
    /// <summary>
    /// Parses a file into FlowLint's YAML tree. Never throws: syntax errors and limits become
    /// <see cref="YamlStream.Errors"/>, and what was parsed before an error is kept.
    /// </summary>
    public static YamlStream Parse(SourceText text, YamlParseOptions? options = null)
    {
        if (text == null)
            throw new ArgumentNullException(nameof(text));
        options ??= YamlParseOptions.Default;

        if (text.Length > options.MaxFileLength)
        {
            var error = new YamlError(
                new TextSpan(0, 0),
                $"The file has {text.Length:N0} characters, more than the {options.MaxFileLength:N0} allowed; it is not analysed.",
                YamlErrorKind.Limit);
            return new YamlStream(text, Array.Empty<YamlDocument>(), Array.Empty<YamlComment>(), new[] { error }, hitLimit: true);
        }

        // The fast reader covers what flows are written in and builds the identical tree; on anything
        // else (syntax errors included) it gives up and YamlDotNet's events build the tree.
        return FastTreeReader.TryRead(text, options, out _) ?? new TreeBuilder(text, options).Build();
    }

    /// <summary>The fast reader alone: null when it gives up (<paramref name="reason"/> says why). For tests.</summary>
    internal static YamlStream? TryParseFast(SourceText text, YamlParseOptions? options, out string? reason) =>
        FastTreeReader.TryRead(text, options ?? YamlParseOptions.Default, out reason);

    /// <summary>The tree from YamlDotNet's events, without the fast reader. For tests.</summary>
    internal static YamlStream ParseWithYamlDotNet(SourceText text, YamlParseOptions? options = null) =>
        new TreeBuilder(text, options ?? YamlParseOptions.Default).Build();
}
