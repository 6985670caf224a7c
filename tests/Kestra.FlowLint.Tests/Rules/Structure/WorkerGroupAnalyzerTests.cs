using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Structure;

[TestClass]
public class WorkerGroupAnalyzerTests
{
    [TestMethod]
    public void WorkerGroup_on_tasks_nested_tasks_and_triggers() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        description: "workerGroup: gpu"
        tasks:
          - id: train
            type: io.kestra.plugin.scripts.python.Script
            script: print(1)
            {|KF4019:workerGroup|}:
              key: gpu
          - id: parallel
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
              - id: inner
                type: io.kestra.plugin.core.log.Log
                message: hi
                "{|KF4019:workerGroup|}": { key: gpu, fallback: WAIT }
              - id: unset
                type: io.kestra.plugin.core.log.Log
                message: hi
                workerGroup: ~
        triggers:
          - id: poll
            type: io.kestra.plugin.core.http.Trigger
            uri: https://example.com
            {|KF4019:workerGroup|}:
              key: edge
        """, "KF4019");

    [TestMethod]
    public void It_is_a_note_naming_the_task()
    {
        var finding = RuleVerifier.Analyze("id: f\nnamespace: company.team\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n    workerGroup: { key: gpu }\n")
            .Single(d => d.Id == "KF4019");
        finding.Severity.ShouldBe(DiagnosticSeverity.Note);
        finding.Message.ShouldBe("Task 't' sets workerGroup, which only Kestra Enterprise supports: the open-source edition rejects the flow");
    }
}
