using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Reporting.Sarif;

/// <summary>
/// `--format sarif`: one SARIF 2.1.0 run as GitHub code scanning ingests it. Every rule of the catalogue
/// (not only those that fired) with help; results with root-relative URIs, UTF-16 columns, FlowLint's own
/// fingerprint and fixes; suppressed findings left out unless asked for (GitHub ignores `suppressions` and
/// would open alerts for them); crashes and unreadable files also as tool execution notifications.
/// The output is deterministic apart from the root's file URI.
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    /// <summary><see cref="RunReport.FormatOptions"/> key: "true" keeps suppressed findings, with `suppressions`.</summary>
    public const string IncludeSuppressedOption = "sarif-include-suppressed";

    /// <summary><see cref="RunReport.FormatOptions"/> key: the code scanning category, written `NAME/` in `automationDetails.id`.</summary>
    public const string CategoryOption = "category";

    public const string SourceRootId = "%SRCROOT%";
    public const string InformationUri = "https://github.com/kestra-flowlint/flowlint";

    /// <summary>Findings about FlowLint's own run that are also tool execution notifications.</summary>
    private static readonly HashSet<string> ExecutionProblemIds = new(StringComparer.Ordinal)
    {
        EngineDiagnostics.AnalyzerCrashed.Id,
        EngineDiagnostics.UnreadableFile.Id,
    };

    /// <summary>Longer flagged texts are not copied into `region.snippet` (the file has them).</summary>
    private const int MaxSnippetLength = 1000;

    private readonly SarifLimits _limits;

    public SarifReportWriter() : this(SarifLimits.GitHub) { }

    public SarifReportWriter(SarifLimits limits) => _limits = limits;

    public string Name => "sarif";

    public void Write(RunReport report, TextWriter output)
    {
        Render(report, output);
        output.Write('\n');
    }

    /// <summary>The SARIF log as JSON text (no trailing newline).</summary>
    public string Serialize(RunReport report)
    {
        using var text = new StringWriter();
        Render(report, text);
        return text.ToString();
    }

    [System.Runtime.CompilerServices.MethodImpl(OncePerRun.Optimize)]
    private void Render(RunReport report, TextWriter output)
    {
        bool includeSuppressed = report.FormatOptions.TryGetValue(IncludeSuppressedOption, out var include)
            && string.Equals(include, "true", StringComparison.OrdinalIgnoreCase);
        report.FormatOptions.TryGetValue(CategoryOption, out var category);

        var diagnostics = report.Diagnostics;
        string root = report.RootDirectory;
        var paths = RepositoryRoot.ReportPaths(root, diagnostics);
        var fingerprintInputs = SarifFingerprint.Prepare(diagnostics, paths);

        var (rules, ruleIndex) = Catalogue(report);
        var run = new SarifRun
        {
            Tool = new SarifTool { Driver = Driver(rules) },
            Invocations = new List<SarifInvocation>(),
            AutomationDetails = string.IsNullOrWhiteSpace(category) ? null
                : new SarifRunAutomationDetails { Id = category!.EndsWith("/", StringComparison.Ordinal) ? category : category + "/" },
            OriginalUriBaseIds = new Dictionary<string, SarifArtifactLocation>(StringComparer.Ordinal)
            {
                [SourceRootId] = new SarifArtifactLocation
                {
                    Uri = RepositoryRoot.ToFileUri(root, folder: true),
                    Description = new SarifMessage { Text = "The root of the repository that was analysed." },
                },
            },
        };

        var artifacts = new ArtifactLocations();
        var notifications = new List<SarifNotification>();
        bool crashed = false;
        var candidates = new List<int>();
        var outsideRoot = new SortedSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < diagnostics.Count; i++)
        {
            var d = diagnostics[i];
            if (ExecutionProblemIds.Contains(d.Id))
            {
                crashed |= d.Id == EngineDiagnostics.AnalyzerCrashed.Id;
                notifications.Add(new SarifNotification
                {
                    Level = "error",
                    Message = new SarifMessage { Text = d.Message },
                    Locations = paths[i].Length == 0 ? null : new List<SarifLocation> { Location(d, artifacts.Of(paths[i]), snippet: false) },
                    AssociatedRule = new SarifReportingDescriptorReference { Id = d.Id, Index = ruleIndex[d.Id] },
                });
            }
            // A finding with no file (a cross-file rule that crashed) cannot be a result: GitHub needs a location.
            if (paths[i].Length == 0 || (d.IsSuppressed && !includeSuppressed)) continue;
            // An absolute report path is one outside the root.
            if (System.IO.Path.IsPathRooted(paths[i])) outsideRoot.Add(paths[i]);
            candidates.Add(i);
        }

        if (outsideRoot.Count > 0)
            report.Log.WriteLine($"flowlint: {outsideRoot.Count} file(s) are outside the root {root}, so their SARIF locations are absolute file URIs, which GitHub code scanning rejects; pass --root (first: {outsideRoot.Min})");

        // Past GitHub's limits the whole upload is rejected: keep the most severe results, say what was dropped.
        var ranked = Rank(candidates, diagnostics);
        int keep = Math.Min(ranked.Count, _limits.MaxResults);
        string? dropReason = keep < ranked.Count
            ? $"GitHub code scanning's limit of {_limits.MaxResults.ToString("N0", CultureInfo.InvariantCulture)} results per run"
            : null;
        // Only results that are written need their fingerprint hashed (later rounds keep fewer, never others).
        var fingerprints = fingerprintInputs.Compute(ranked.GetRange(0, keep));
        while (true)
        {
            var kept = new bool[diagnostics.Count];
            for (int k = 0; k < keep; k++) kept[ranked[k]] = true;
            var written = new List<int>(keep);
            foreach (int i in candidates)
                if (kept[i]) written.Add(i);
            run.Results = new ResultsOnDemand(written, i => Result(diagnostics[i], artifacts.Of(paths[i]), fingerprints[i], ruleIndex[diagnostics[i].Id]));

            var allNotifications = new List<SarifNotification>(notifications);
            string? dropped = dropReason is null ? null : DroppedMessage(ranked, keep, diagnostics, dropReason);
            if (dropped is not null)
                allNotifications.Add(new SarifNotification { Level = "warning", Message = new SarifMessage { Text = dropped } });
            run.Invocations.Clear();
            run.Invocations.Add(new SarifInvocation
            {
                ExecutionSuccessful = !crashed,
                ToolExecutionNotifications = allNotifications.Count > 0 ? allNotifications : null,
            });

            var log = new SarifLog { Runs = { run } };
            // Compressing is only needed when the file could be over the limit: gzip never grows its input by more
            // than its block overhead. Most logs are known to fit before they are written, and stream to the output.
            if (GzipUpperBound(SarifJson.MaxUtf8Length(log)) <= _limits.MaxGzipBytes)
            {
                if (dropped is not null) report.Log.WriteLine("flowlint: " + dropped);
                var streamed = new Utf8TextWriterBuffer(output);
                SarifJson.Write(log, streamed);
                streamed.Complete();
                return;
            }
            // Otherwise the log is compressed as it is written, and held compressed (a tenth of its size or less)
            // until it is known to fit; then it is decompressed into the output. Held whole, a large run's log took
            // tens of megabytes, and first touching that memory cost about as much time as compressing it.
            var compressed = new MemoryStream();
            long length;
            using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                var into = new Utf8TextWriterBuffer(gzip);
                SarifJson.Write(log, into);
                into.Complete(flushStream: false);
                length = into.Written;
            }
            bool fits = GzipUpperBound(length) <= _limits.MaxGzipBytes;
            long size = fits ? length : GzipSize(compressed, _limits.MaxGzipBytes);
            if (fits || size <= _limits.MaxGzipBytes || keep == 0)
            {
                if (dropped is not null) report.Log.WriteLine("flowlint: " + dropped);
                Decompress(compressed, output);
                return;
            }
            // Shrink in proportion (with a margin), so this converges in a few rounds.
            int next = (int)(keep * (double)_limits.MaxGzipBytes / size * 0.95);
            keep = Math.Max(0, Math.Min(next, keep - 1));
            dropReason = $"GitHub code scanning's limit of {Bytes(_limits.MaxGzipBytes)} (gzip-compressed) per SARIF file";
        }
    }

    /// <summary>The catalogue plus any rule that reported without being in it, sorted by id; ruleIndex points into it.</summary>
    private (List<DiagnosticDescriptor> Rules, Dictionary<string, int> Index) Catalogue(RunReport report)
    {
        var byId = new SortedDictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var rule in report.Rules) if (!byId.ContainsKey(rule.Id)) byId[rule.Id] = rule;
        foreach (var d in report.Diagnostics) if (!byId.ContainsKey(d.Id)) byId[d.Id] = d.Descriptor;
        var rules = new List<DiagnosticDescriptor>(byId.Values);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < rules.Count; i++) index[rules[i].Id] = i;
        return (rules, index);
    }

    private SarifToolComponent Driver(List<DiagnosticDescriptor> rules)
    {
        var driver = new SarifToolComponent
        {
            Name = "FlowLint",
            FullName = "Kestra FlowLint",
            Version = ToolVersion,
            SemanticVersion = ToolVersion,
            InformationUri = InformationUri,
        };
        foreach (var rule in rules) driver.Rules.Add(SarifRules.Describe(rule, _limits, renderHelpWhenWriting: true));
        return driver;
    }

    /// <summary>The engine's version without build metadata ("0.1.0"): its informational version, written at build time.</summary>
    public static string ToolVersion { get; } = WithoutBuildMetadata(BuildInfo.InformationalVersion);

    internal static string WithoutBuildMetadata(string version)
    {
        if (string.IsNullOrEmpty(version)) return "0.0.0";
        int plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }

    /// <summary>
    /// One artifact location per file, shared by its results and fixes (the writer only reads the model): the
    /// URI of a path was worked out again for every finding, and a run has tens of thousands.
    /// </summary>
    private sealed class ArtifactLocations
    {
        private readonly Dictionary<string, SarifArtifactLocation> _byPath = new(StringComparer.Ordinal);
        private string? _lastPath;
        private SarifArtifactLocation? _last;

        public SarifArtifactLocation Of(string path)
        {
            // Results come file by file, with one path string per file: most lookups are the previous one.
            if (ReferenceEquals(path, _lastPath)) return _last!;
            if (!_byPath.TryGetValue(path, out var location)) _byPath.Add(path, location = Artifact(path));
            _lastPath = path;
            return _last = location;
        }
    }

    /// <summary>
    /// The results to write, each made when the size bound or the writer reaches it and dropped after: held as
    /// objects, a large run's 25,000 results took about 30 MB while the log was written, nearly a quarter of its peak.
    /// Making each twice (bound, then write) costs less than first touching that memory.
    /// </summary>
    private sealed class ResultsOnDemand : IReadOnlyList<SarifResult>
    {
        private readonly List<int> _indexes;
        private readonly Func<int, SarifResult> _make;

        public ResultsOnDemand(List<int> indexes, Func<int, SarifResult> make)
        {
            _indexes = indexes;
            _make = make;
        }

        public int Count => _indexes.Count;
        public SarifResult this[int index] => _make(_indexes[index]);

        public IEnumerator<SarifResult> GetEnumerator()
        {
            for (int i = 0; i < _indexes.Count; i++) yield return _make(_indexes[i]);
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static SarifResult Result(Diagnostic d, SarifArtifactLocation artifact, string fingerprint, int ruleIndex)
    {
        var result = new SarifResult
        {
            RuleId = d.Id,
            RuleIndex = ruleIndex,
            Level = SarifRules.Level(d.Severity),
            Message = new SarifMessage { Text = d.Message.Length > 0 ? d.Message : d.Descriptor.Title },
            Locations = new[] { Location(d, artifact, snippet: true) },
            PartialFingerprints = new SingleEntryMap(SarifFingerprint.Key, fingerprint),
            Suppressions = d.IsSuppressed ? new List<SarifSuppression> { Suppression(d) } : null,
            Fixes = d.Fixes.Count > 0 ? Fixes(d, artifact) : null,
        };
        return result;
    }

    private static SarifSuppression Suppression(Diagnostic d) => new()
    {
        Kind = d.SuppressionKind == SuppressionKind.External ? "external" : "inSource",
        Status = "accepted",
        Justification = string.IsNullOrWhiteSpace(d.SuppressionJustification) ? null : d.SuppressionJustification,
    };

    private static SarifLocation Location(Diagnostic d, SarifArtifactLocation artifact, bool snippet)
    {
        var text = d.Location.Text;
        var span = d.Location.Span;
        // No snippet for security rules: their span can be, or sit next to, a credential (KF1009, KF2003);
        // GitHub renders the code from the repository anyway.
        bool withSnippet = snippet && span.Length > 0 && span.Length <= MaxSnippetLength && span.End <= text.Length
            && !SarifFingerprint.IsSecurityRule(d.Descriptor);
        return new SarifLocation
        {
            PhysicalLocation = new SarifPhysicalLocation
            {
                ArtifactLocation = artifact,
                Region = Region(d.Location.LineSpan, withSnippet ? text.ToString(span) : null),
            },
        };
    }

    private static SarifArtifactLocation Artifact(string path) =>
        System.IO.Path.IsPathRooted(path)
            ? new SarifArtifactLocation { Uri = RepositoryRoot.ToFileUri(path, folder: false) }
            : new SarifArtifactLocation { Uri = RepositoryRoot.ToUriReference(path), UriBaseId = SourceRootId };

    /// <summary>1-based lines and columns, columns in UTF-16 units, endColumn exclusive (the character after the end).</summary>
    private static SarifRegion Region(LinePositionSpan span, string? snippet) => new()
    {
        StartLine = span.Start.Line + 1,
        StartColumn = span.Start.Character + 1,
        EndLine = span.End.Line + 1,
        EndColumn = span.End.Character + 1,
        Snippet = snippet is null ? null : new SarifArtifactContent { Text = snippet },
    };

    private static List<SarifFix>? Fixes(Diagnostic d, SarifArtifactLocation artifact)
    {
        var fixes = new List<SarifFix>();
        foreach (var fix in d.Fixes)
        {
            var change = new SarifArtifactChange { ArtifactLocation = artifact };
            foreach (var edit in fix.Edits)
            {
                change.Replacements.Add(new SarifReplacement
                {
                    DeletedRegion = Region(d.Location.Text.GetLinePositionSpan(edit.Span), null),
                    InsertedContent = new SarifArtifactContent { Text = edit.NewText },
                });
            }
            if (change.Replacements.Count > 0)
                fixes.Add(new SarifFix { Description = new SarifMessage { Text = fix.Title }, ArtifactChanges = { change } });
        }
        return fixes.Count > 0 ? fixes : null;
    }

    /// <summary>Candidate indexes, most important first: severity, then security-severity, then report order.</summary>
    [System.Runtime.CompilerServices.MethodImpl(OncePerRun.Optimize)]
    private static List<int> Rank(List<int> candidates, IReadOnlyList<Diagnostic> diagnostics)
    {
        // A run can have a hundred thousand results but only a few (severity, security score) pairs: one bucket
        // per pair, filled in candidate order (report order), then the buckets most important first. That is the
        // stable sort by severity and score, without comparing results.
        var bucketOf = new Dictionary<(DiagnosticDescriptor, DiagnosticSeverity), int>();
        var keys = new List<(DiagnosticSeverity Severity, double Score)>();
        var buckets = new List<List<int>>();
        foreach (int i in candidates)
        {
            var d = diagnostics[i];
            if (!bucketOf.TryGetValue((d.Descriptor, d.Severity), out int bucket))
            {
                var key = (d.Severity, SecurityScore(d.Descriptor));
                bucket = keys.IndexOf(key);
                if (bucket < 0)
                {
                    bucket = keys.Count;
                    keys.Add(key);
                    buckets.Add(new List<int>());
                }
                bucketOf.Add((d.Descriptor, d.Severity), bucket);
            }
            buckets[bucket].Add(i);
        }
        var byImportance = new int[keys.Count];
        for (int b = 0; b < byImportance.Length; b++) byImportance[b] = b;
        Array.Sort(byImportance, (a, b) =>
        {
            int c = ((int)keys[b].Severity).CompareTo((int)keys[a].Severity);
            return c != 0 ? c : keys[b].Score.CompareTo(keys[a].Score);
        });
        var ranked = new List<int>(candidates.Count);
        foreach (int b in byImportance) ranked.AddRange(buckets[b]);
        return ranked;
    }

    private static double SecurityScore(DiagnosticDescriptor d) =>
        SarifFingerprint.IsSecurityRule(d) ? double.Parse(SarifRules.SecuritySeverity(d), CultureInfo.InvariantCulture) : 0;

    private static string DroppedMessage(List<int> ranked, int keep, IReadOnlyList<Diagnostic> diagnostics, string reason)
    {
        int errors = 0, warnings = 0, notes = 0;
        for (int k = keep; k < ranked.Count; k++)
        {
            switch (diagnostics[ranked[k]].Severity)
            {
                case DiagnosticSeverity.Error: errors++; break;
                case DiagnosticSeverity.Warning: warnings++; break;
                default: notes++; break;
            }
        }
        return FormattableString.Invariant(
            $"SARIF output keeps {keep} of {ranked.Count} results, the most severe, to stay within {reason}; left out: {errors} error(s), {warnings} warning(s), {notes} note(s). Run with --format text for the complete list.");
    }

    private static string Bytes(long n) => n % (1024 * 1024) == 0
        ? (n / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MB"
        : n.ToString("N0", CultureInfo.InvariantCulture) + " bytes";

    /// <summary>
    /// The gzip size of the log, or a size already known to be well within <paramref name="limit"/>: the log was
    /// compressed at the fastest level as it was written (several times quicker, and on text never much smaller
    /// than the default level's output), and only a log near the limit is compressed again as an uploader would.
    /// </summary>
    private static long GzipSize(MemoryStream fastest, long limit)
    {
        if (fastest.Length <= limit - limit / 10) return fastest.Length;
        using var counter = new CountingStream();
        using (var gzip = new GZipStream(counter, CompressionLevel.Optimal, leaveOpen: true))
        using (var log = Decompressing(fastest))
            log.CopyTo(gzip);
        return counter.Length;
    }

    private static GZipStream Decompressing(MemoryStream compressed) =>
        new(new MemoryStream(compressed.GetBuffer(), 0, (int)compressed.Length, writable: false), CompressionMode.Decompress);

    /// <summary>The compressed log into <paramref name="output"/>: as bytes into a UTF-8 stream, else decoded.</summary>
    [System.Runtime.CompilerServices.MethodImpl(OncePerRun.Optimize)]
    private static void Decompress(MemoryStream compressed, TextWriter output)
    {
        using var log = Decompressing(compressed);
        var into = new Utf8TextWriterBuffer(output);
        var bytes = new byte[64 * 1024];
        int n;
        while ((n = log.Read(bytes, 0, bytes.Length)) > 0) into.Write(new ReadOnlySpan<byte>(bytes, 0, n));
        into.Complete();
    }

    /// <summary>Counts what is written to it and keeps nothing.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
#if !NETSTANDARD2_0
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
#endif
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>
    /// More than gzip can make of <paramref name="length"/> bytes: zlib's and zlib-ng's deflateBound stay under
    /// length + length/8 + 64 (stored blocks when nothing compresses), and gzip adds an 18-byte header and trailer.
    /// </summary>
    internal static long GzipUpperBound(long length) => length + length / 8 + 1024;
}
