using System.Threading;
using System.Threading.Tasks;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Analysis;

[TestClass]
public class AnalysisDriverTests
{
    /// <summary>A test-only rule that fails on every task.</summary>
    private sealed class ThrowingAnalyzer : FlowAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = new("KF9999", "Throws", "never", "Structure", DiagnosticSeverity.Error, "test only");
        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };
        public override void Initialize(AnalysisContext context) => context.RegisterTaskAction(_ => throw new InvalidOperationException("boom"));
    }

    private const string Flow = "id: f\nnamespace: company.team\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ secret('A') }}\"\n  - id: b\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n";

    [TestMethod]
    public void A_throwing_rule_becomes_one_KF0001_per_file_and_the_other_rules_still_run()
    {
        var analyzers = RuleCatalog.CreateAnalyzers().Append(new ThrowingAnalyzer()).ToList();
        var driver = new AnalysisDriver(analyzers);
        var first = driver.AnalyzeText(new SourceText(Flow, "a.yaml")).Diagnostics;
        var second = driver.AnalyzeText(new SourceText(Flow, "b.yaml")).Diagnostics;

        var crash = first.Single(d => d.Id == "KF0001");
        crash.Message.ShouldBe("Rule KF9999 failed on this file with InvalidOperationException; its findings for this file are missing. Please report this.");
        crash.Location.Path.ShouldBe("a.yaml");
        first.ShouldContain(d => d.Id == "KF1001");
        second.Count(d => d.Id == "KF0001").ShouldBe(1, "each file gets its own KF0001 even though the rule throws on every task");
        second.ShouldContain(d => d.Id == "KF1001");
    }

    [TestMethod]
    public void Findings_of_different_files_share_equal_messages_and_owner_paths_and_keep_their_own_text()
    {
        // A run keeps every finding until its report: a message repeated file after file must be one string.
        var driver = new AnalysisDriver(RuleCatalog.CreateAnalyzers());
        var first = driver.AnalyzeText(new SourceText(Flow, "a.yaml")).Diagnostics.Single(d => d.Id == "KF1001");
        var second = driver.AnalyzeText(new SourceText(Flow.Replace("hi", "hello"), "b.yaml")).Diagnostics.Single(d => d.Id == "KF1001");
        second.Message.ShouldBe(first.Message);
        ReferenceEquals(first.Message, second.Message).ShouldBeTrue();
        ReferenceEquals(first.OwnerPath, second.OwnerPath).ShouldBeTrue();
        first.OwnerPath.ShouldBe("tasks:a/message");

        var other = driver.AnalyzeText(new SourceText(Flow.Replace("secret('A')", "secret('B')"), "c.yaml")).Diagnostics.Single(d => d.Id == "KF1001");
        other.Message.ShouldContain("secret('B')");
        other.Message.ShouldNotBe(first.Message);

        // More distinct texts than the cache has slots: each still reads back as made.
        var cache = StringCache.Current;
        var texts = Enumerable.Range(0, 5000).Select(i => $"message number {i} of many").ToList();
        foreach (var text in texts) cache.Share(text);
        for (int i = 0; i < texts.Count; i++) cache.Share(new string(texts[i].ToCharArray())).ShouldBe(texts[i]);
        var huge = new string('x', 5000);
        ReferenceEquals(cache.Share(huge), huge).ShouldBeTrue();
    }

    /// <summary>A test-only rule whose run start is slow and whose configuration action is slower.</summary>
    private sealed class SlowStartAnalyzer : FlowAnalyzer
    {
        private readonly int _startDelay;
        public SlowStartAnalyzer(int startDelay) => _startDelay = startDelay;
        public static readonly DiagnosticDescriptor Rule = new("KF9998", "Slow", "never", "Structure", DiagnosticSeverity.Note, "test only");
        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };
        public override void Initialize(AnalysisContext context) => context.RegisterRunStartAction(start =>
        {
            Thread.Sleep(_startDelay);
            start.RegisterConfigurationAction(_ => Thread.Sleep(300));
        });
    }

    [TestMethod]
    public void A_file_analysed_while_the_run_starts_on_another_thread_waits_for_the_start_registrations()
    {
        // The second start action is still running when the other thread's configuration reaches the (slow) first
        // configuration action: before the fix that thread enumerated the registration list while it grew.
        var driver = new AnalysisDriver(new FlowAnalyzer[] { new SlowStartAnalyzer(0), new SlowStartAnalyzer(150) });
        var files = new[] { new SourceText("kestra:\n  url: http://a\n", "a.yml"), new SourceText("kestra:\n  url: http://b\n", "b.yml") };
        var results = new FileAnalysisResult[2];
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => results[i] = driver.AnalyzeText(files[i]));
        results.ShouldAllBe(r => r.ConfigurationCount == 1);
    }

    [TestMethod]
    public void Findings_are_the_same_whatever_order_files_are_analysed_in()
    {
        var files = Enumerable.Range(0, 40).Select(i => ($"f{i:D2}.yaml", Flow.Replace("secret('A')", $"secret('K{i}')"))).ToArray();
        string Run(IEnumerable<(string Path, string Text)> order)
        {
            var driver = new AnalysisDriver(RuleCatalog.CreateAnalyzers());
            var all = new System.Collections.Concurrent.ConcurrentBag<Diagnostic>();
            System.Threading.Tasks.Parallel.ForEach(order, f => { foreach (var d in driver.AnalyzeText(new SourceText(f.Text, f.Path)).Diagnostics) all.Add(d); });
            foreach (var d in driver.CompleteRun()) all.Add(d);
            return string.Join("\n", Kestra.FlowLint.Reporting.DiagnosticOrdering.Sort(all).Select(d => d.ToString()));
        }
        Run(files.Reverse()).ShouldBe(Run(files));
    }
}
