using System;
using System.Collections.Generic;
using System.IO;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Configuration;

/// <summary>
/// Finds the configuration of each file: the one given with <c>--config</c> for every file, else the nearest
/// <c>.flowlint.yaml</c> (or <c>.flowlint.yml</c>) in the file's folder or above it. Each configuration file is
/// read once per run; its errors are collected in <see cref="Errors"/> (a run with any must stop, exit 2).
/// </summary>
public sealed class ConfigurationResolver
{
    private readonly IReadOnlyList<DiagnosticDescriptor> _catalogue;
    private readonly Func<string, string> _displayPath;
    private readonly FlowLintConfiguration? _explicit;
    private readonly Dictionary<string, FlowLintConfiguration> _byFolder = new(StringComparer.Ordinal);

    /// <param name="catalogue">Every descriptor, to check rule ids.</param>
    /// <param name="displayPath">How a configuration's path is reported in errors (e.g. relative to the current folder).</param>
    /// <param name="explicitConfigPath">A configuration for every file (<c>--config</c>); it must exist.</param>
    public ConfigurationResolver(IReadOnlyList<DiagnosticDescriptor> catalogue, Func<string, string> displayPath, string? explicitConfigPath = null)
    {
        _catalogue = catalogue;
        _displayPath = displayPath;
        if (explicitConfigPath is not null) _explicit = Load(Path.GetFullPath(explicitConfigPath));
    }

    public List<ConfigurationError> Errors { get; } = new();

    /// <summary>The configuration of a file (absolute path), or <see cref="FlowLintConfiguration.Default"/>.</summary>
    public FlowLintConfiguration ForFile(string fullPath) =>
        _explicit ?? ForFolder(Path.GetDirectoryName(fullPath) ?? fullPath);

    /// <summary>The configuration that applies in a folder (absolute path): the nearest one at or above it.</summary>
    public FlowLintConfiguration ForFolder(string folder)
    {
        if (_explicit is not null) return _explicit;
        var visited = new List<string>();
        FlowLintConfiguration? found = null;
        for (string? current = folder; current is not null; current = Path.GetDirectoryName(current))
        {
            if (_byFolder.TryGetValue(current, out var cached))
            {
                found = cached;
                break;
            }
            visited.Add(current);
            string yaml = Path.Combine(current, FlowLintConfiguration.FileName);
            string yml = Path.Combine(current, FlowLintConfiguration.AlternateFileName);
            bool hasYaml = File.Exists(yaml), hasYml = File.Exists(yml);
            if (hasYaml && hasYml)
                Errors.Add(new ConfigurationError(new SourceText(string.Empty, _displayPath(yml)), default,
                    $"both {FlowLintConfiguration.FileName} and {FlowLintConfiguration.AlternateFileName} are in this folder; keep one"));
            if (hasYaml || hasYml)
            {
                found = Load(hasYaml ? yaml : yml);
                break;
            }
        }
        found ??= FlowLintConfiguration.Default;
        foreach (var v in visited) _byFolder[v] = found;
        return found;
    }

    private FlowLintConfiguration Load(string fullPath)
    {
        string display = _displayPath(fullPath);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Errors.Add(new ConfigurationError(new SourceText(string.Empty, display), default, "cannot read the configuration: " + ex.Message));
            return FlowLintConfiguration.Default;
        }
        if (!SourceText.TryDecode(bytes, display, out var text, out var decodeError))
        {
            Errors.Add(new ConfigurationError(new SourceText(string.Empty, display), default, $"cannot read the configuration: {decodeError!.Message} at byte {decodeError.ByteOffset}"));
            return FlowLintConfiguration.Default;
        }
        var result = ConfigurationParser.Parse(text!, fullPath, _catalogue);
        Errors.AddRange(result.Errors);
        return result.Configuration ?? FlowLintConfiguration.Default;
    }
}
