using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Kestra.FlowLint.Rules;
using Microsoft.CodeAnalysis;
using FlowLintDescriptor = Kestra.FlowLint.Analysis.DiagnosticDescriptor;
using FlowLintSeverity = Kestra.FlowLint.Analysis.DiagnosticSeverity;

namespace Kestra.FlowLint.Roslyn;

/// <summary>
/// FlowLint's catalogue as Roslyn descriptors: same ids, titles, categories, default severities, descriptions and
/// help links. The message format is "{0}": the engine formats each message itself (and keeps secret values out
/// of it), so Roslyn shows exactly what the CLI prints.
/// </summary>
internal static class FlowLintDescriptors
{
    /// <summary>A host-only id (the engine's KF0090): the build cannot stop with exit code 2 as the CLI does.</summary>
    public static DiagnosticDescriptor InvalidConfiguration => ById[Analysis.EngineDiagnostics.InvalidConfiguration.Id];

    private static readonly Dictionary<string, DiagnosticDescriptor> ById;

    static FlowLintDescriptors() => ById = Build(out All);

    public static readonly ImmutableArray<DiagnosticDescriptor> All;

    public static DiagnosticDescriptor For(string id) => ById[id];

    public static bool TryGet(string id, out DiagnosticDescriptor descriptor) => ById.TryGetValue(id, out descriptor!);

    public static DiagnosticSeverity ToRoslyn(FlowLintSeverity severity) => severity switch
    {
        FlowLintSeverity.Error => DiagnosticSeverity.Error,
        FlowLintSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    /// <summary>
    /// The compiler's -errorlog writes the description as SARIF's fullDescription, which GitHub code scanning caps
    /// at 1024 characters (as the CLI's SARIF does); the whole text is one click away behind the help link.
    /// </summary>
    internal const int MaxDescriptionLength = 1024;

    internal static string ShortenAtSentence(string text, int max)
    {
        if (text.Length <= max) return text;
        for (int i = max - 1; i > max / 2; i--)
            if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))
                return text.Substring(0, i + 1);
        return text.Substring(0, max - 1) + "…";
    }

    private static Dictionary<string, DiagnosticDescriptor> Build(out ImmutableArray<DiagnosticDescriptor> all)
    {
        var byId = new Dictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        var builder = ImmutableArray.CreateBuilder<DiagnosticDescriptor>();
        foreach (var d in RuleCatalog.AllDescriptors())
        {
            var tags = new List<string>(d.Tags.Count + 1) { "FlowLint" };
            tags.AddRange(d.Tags);
            var descriptor = new DiagnosticDescriptor(d.Id, d.Title, "{0}", d.Category, ToRoslyn(d.DefaultSeverity),
                d.IsEnabledByDefault, ShortenAtSentence(d.Description.Trim(), MaxDescriptionLength), d.HelpUri, tags.ToArray());
            byId[d.Id] = descriptor;
            builder.Add(descriptor);
        }
        all = builder.ToImmutable();
        return byId;
    }
}
