using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Rules.Security;

/// <summary>
/// KF1014: a secret key used by flows of several namespaces, and the lowest namespace they all inherit from
/// (a cross-file rule: it needs every flow of the run).
/// </summary>
public sealed class SecretPlacementAnalyzer : FlowAnalyzer
{
    private const int NamespacesListed = 5;

    public static readonly DiagnosticDescriptor Rule = new(
        "KF1014",
        "Where a shared secret should be stored",
        "{0} is used by flows of {1} namespaces ({2}); {3}",
        Categories.Secrets,
        DiagnosticSeverity.Note,
        "In Kestra Enterprise a flow reads `secret('X')` from its own namespace or the closest parent that has it, " +
        "so a secret shared by several namespaces has to be stored where all of them inherit it. The narrowest such " +
        "place is their lowest common namespace: stored any higher (typically at the root namespace), every other " +
        "team below that level can read it too.\n\n" +
        "This note looks at every flow of the run and, for each secret key read by flows of more than one " +
        "namespace, names that lowest common namespace on each use. When the namespaces have no common parent, " +
        "no single place serves them all without exposing the secret to unrelated namespaces: store a copy in each, " +
        "or keep one in a dedicated namespace and read it with `secret('X', namespace='…')` (allowed namespaces can " +
        "restrict who may). If the namespaces deliberately hold different values under the same key, there is " +
        "nothing to change. Calls that already name a `namespace` are left out.\n\n" +
        "The run's server configurations are considered too: when the run holds Kestra configurations and none of " +
        "them configures a secret backend (`kestra.secret.type`), the server reads secrets from its `SECRET_*` " +
        "environment variables, which have no namespace at all, so there is nothing to place and the note is not " +
        "given.",
        securitySeverity: "2.0",
        tags: new[] { "security", "secrets", "namespaces", "least-privilege" },
        badExample: "id: load\nnamespace: company.data.ingest\ntasks:\n  - id: q\n    type: io.kestra.plugin.core.http.Request\n    uri: https://warehouse.example.com\n    headers:\n      Authorization: \"Bearer {{ secret('WAREHOUSE_TOKEN') }}\"\n---\nid: report\nnamespace: company.data.reporting\ntasks:\n  - id: q\n    type: io.kestra.plugin.core.http.Request\n    uri: https://warehouse.example.com\n    headers:\n      Authorization: \"Bearer {{ secret('WAREHOUSE_TOKEN') }}\"\n",
        goodExample: "id: load\nnamespace: company.data.ingest\ntasks:\n  - id: q\n    type: io.kestra.plugin.core.http.Request\n    uri: https://warehouse.example.com\n    headers:\n      Authorization: \"Bearer {{ secret('WAREHOUSE_TOKEN', namespace='company.data') }}\"\n---\nid: report\nnamespace: company.data.reporting\ntasks:\n  - id: q\n    type: io.kestra.plugin.core.http.Request\n    uri: https://warehouse.example.com\n    headers:\n      Authorization: \"Bearer {{ secret('WAREHOUSE_TOKEN', namespace='company.data') }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    // A large run holds tens of thousands of reads until its end: each is kept as a small value, its location
    // and message made only for the reads that are reported (the display is the key's `secret('…')`).
    private readonly record struct SecretRead(string Key, string Namespace, SourceText Text, TextSpan Span, string OwnerPath)
    {
        public string Path => Text.Path;
        public Location Location => new(Text, Span);
    }

    public override void Initialize(AnalysisContext context) => context.RegisterRunStartAction(start =>
    {
        // One list per run, filled from files analysed in parallel.
        var reads = new List<SecretRead>();
        int configurations = 0, withBackend = 0;
        start.RegisterConfigurationAction(context =>
        {
            bool backend = false;
            foreach (var value in KestraConfigPaths.Find(context.Configuration.Root, "kestra.secret.type"))
                if (!value.IsEmpty) backend = true;
            System.Threading.Interlocked.Increment(ref configurations);
            if (backend) System.Threading.Interlocked.Increment(ref withBackend);
        });
        start.RegisterExpressionAction(context =>
        {
            var site = context.Site;
            if (site.Flow.Namespace is not { Length: > 0 } ns || !SecretFlow.IsEvaluated(site)) return;
            foreach (var use in SecretFlow.Analyze(site))
            {
                // An explicit namespace argument already says where the secret lives.
                if (use.Origin != SecretOrigin.SecretFunction || use.Name is not { } key || use.NamespaceArgument is not null) continue;
                var read = new SecretRead(key, ns, context.Text, site.MapToSource(use.Span), site.OwnerPath);
                lock (reads) reads.Add(read);
            }
        });
        start.RegisterRunEndAction(end =>
        {
            // Open-source secrets (SECRET_* environment variables) ignore namespaces: no placement to advise.
            if (configurations == 0 || withBackend > 0) Report(end);
            // The run is over (the engine calls this once): its reads need not outlive it while the report is written.
            reads.Clear();
            reads.TrimExcess();
        });

        void Report(RunEndAnalysisContext end)
        {
            foreach (var group in ByKey(reads))
            {
                var namespaces = DistinctNamespaces(group);
                if (namespaces.Count < 2) continue;
                string common = LowestCommonNamespace(namespaces);
                string advice = common.Length > 0
                    ? $"if they share one value, store it at '{common}', the lowest namespace they all inherit from, where access stays narrowest"
                    : "they have no common parent, so one shared value would be shared across unrelated namespaces: store a copy in each, or keep it in a dedicated namespace and read it with `secret(…, namespace=…)`";
                string listed = List(namespaces);
                // Every use of a key carries the same message (a repository can have thousands): format it once.
                Diagnostic? first = null;
                foreach (var read in group)
                {
                    if (first is null)
                    {
                        first = Diagnostic.Create(Rule, read.Location, read.OwnerPath, null, null,
                            "secret('" + read.Key + "')", namespaces.Count.ToString(CultureInfo.InvariantCulture), listed, advice);
                        end.ReportDiagnostic(first);
                        continue;
                    }
                    end.ReportDiagnostic(first.At(read.Location, read.OwnerPath));
                }
            }
        }
    });

    /// <summary>The reads grouped by key, keys and reads in a stable order (files finish in any order).</summary>
    private static IEnumerable<List<SecretRead>> ByKey(List<SecretRead> reads)
    {
        // A large run has tens of thousands of reads, and comparing their strings in a sort was a visible part of
        // it: each read gets the ordinal rank of its key and of its path, and the ranks are sorted as numbers.
        var keys = OrdinalRanks.Of(reads, read => read.Key, out _);
        var paths = OrdinalRanks.Of(reads, read => read.Path, out _);
        var order = new (int Key, int Path, int Start, int Index)[reads.Count];
        for (int i = 0; i < order.Length; i++) order[i] = (keys[i], paths[i], reads[i].Span.Start, i);
        Array.Sort(order);
        for (int i = 0; i < order.Length;)
        {
            var group = new List<SecretRead>();
            int j = i;
            while (j < order.Length && order[j].Key == order[i].Key) group.Add(reads[order[j++].Index]);
            yield return group;
            i = j;
        }
    }

    private static List<string> DistinctNamespaces(List<SecretRead> group)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var read in group) set.Add(read.Namespace);
        return new List<string>(set);
    }

    /// <summary>The longest run of leading dot-separated segments all namespaces share: `a.b.c`, `a.b.d` → `a.b`; `a.x`, `b.y` → empty.</summary>
    internal static string LowestCommonNamespace(IReadOnlyList<string> namespaces)
    {
        var common = namespaces[0].Split('.');
        int length = common.Length;
        for (int n = 1; n < namespaces.Count; n++)
        {
            var segments = namespaces[n].Split('.');
            int shared = 0;
            while (shared < length && shared < segments.Length && segments[shared] == common[shared]) shared++;
            length = shared;
        }
        return string.Join(".", common, 0, length);
    }

    private static string List(List<string> namespaces)
    {
        var text = new StringBuilder();
        for (int i = 0; i < namespaces.Count && i < NamespacesListed; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append('\'').Append(namespaces[i]).Append('\'');
        }
        if (namespaces.Count > NamespacesListed)
            text.Append(" and ").Append((namespaces.Count - NamespacesListed).ToString(CultureInfo.InvariantCulture)).Append(" more");
        return text.ToString();
    }
}
