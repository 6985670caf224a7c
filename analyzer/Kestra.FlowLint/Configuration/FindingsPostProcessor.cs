using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Analysis.Suppression;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Configuration;

/// <summary>
/// What happens to a run's findings between the analyzers and the report, per file: rules that are off are
/// dropped (<c>none</c>, <c>--select</c>, <c>--ignore</c>), the others get their configured severity, then inline
/// suppressions flag what they cover and report what they do not (KF0002). Every host (CLI, language server)
/// runs the same step, so a finding is configured the same everywhere.
/// </summary>
public sealed class FindingsPostProcessor
{
    private readonly InlineSuppressions _suppressions;

    public FindingsPostProcessor(IReadOnlyList<DiagnosticDescriptor> catalogue) => _suppressions = new InlineSuppressions(catalogue);

    /// <param name="diagnostics">Every finding of the run (file and run-end ones).</param>
    /// <param name="analysedFiles">The files that were analysed (flows, configurations), by reported path: their comments are read.</param>
    /// <param name="policyFor">The policy of a reported path (a finding without a path gets the one of "").</param>
    public List<Diagnostic> Apply(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyDictionary<string, SourceText> analysedFiles, Func<string, RulePolicy> policyFor)
    {
        var byPath = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var d in diagnostics)
        {
            if (!byPath.TryGetValue(d.Location.Path, out var list))
            {
                byPath.Add(d.Location.Path, list = new List<Diagnostic>());
                order.Add(d.Location.Path);
            }
            list.Add(d);
        }
        foreach (var path in analysedFiles.Keys)
        {
            if (byPath.ContainsKey(path)) continue;
            byPath.Add(path, new List<Diagnostic>());
            order.Add(path);
        }

        var result = new List<Diagnostic>(diagnostics.Count);
        foreach (var path in order)
        {
            var policy = policyFor(path);
            result.AddRange(analysedFiles.TryGetValue(path, out var text)
                ? ApplyToFile(text, byPath[path], policy)
                : Resolve(byPath[path], policy));
        }
        return result;
    }

    /// <summary>One file's findings through its policy and its suppression comments.</summary>
    public List<Diagnostic> ApplyToFile(SourceText text, IReadOnlyList<Diagnostic> findings, RulePolicy policy)
    {
        var resolved = Resolve(findings, policy);
        if (!InlineSuppressions.MayContainDirectives(text)) return resolved;

        var options = policy.Configuration.ToAnalyzerOptions();
        var stream = YamlParser.Parse(text, new YamlParseOptions
        {
            MaxDepth = options.MaxDepth,
            MaxAliasExpansion = options.MaxAliasExpansion,
            MaxFileLength = options.MaxFileLength,
        });
        var directives = _suppressions.Parse(stream);

        // Where the analysis was cut short (invalid YAML, a limit, a crashed rule), a finding may be missing for
        // a reason that has nothing to do with the suppression: do not call the suppression stale then.
        bool complete = stream.Errors.Count == 0;
        foreach (var d in findings)
            if (d.Descriptor == EngineDiagnostics.AnalyzerCrashed || d.Descriptor == EngineDiagnostics.LimitReached) complete = false;

        return _suppressions.Apply(text, directives, resolved, policy.Resolve, complete);
    }

    private static List<Diagnostic> Resolve(IReadOnlyList<Diagnostic> findings, RulePolicy policy)
    {
        var resolved = new List<Diagnostic>(findings.Count);
        foreach (var d in findings)
            if (policy.Resolve(d.Descriptor) is { } severity)
                // A rule may grade its own findings (KF2002: a broken key is an error, a weak one a warning);
                // only a setting that changes the rule's severity overrides that grading.
                resolved.Add(severity == d.Descriptor.DefaultSeverity ? d : d.WithSeverity(severity));
        return resolved;
    }
}
