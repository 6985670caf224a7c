using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Structure;

[TestClass]
public class RecursiveSubflowAnalyzerTests
{
    [TestMethod]
    public void Subflow_ForEachItem_and_old_aliases_calling_the_flow_itself() => RuleVerifier.Verify("""
        id: nightly
        namespace: company.team
        tasks:
          - id: again
            type: io.kestra.plugin.core.flow.Subflow
            namespace: company.team
            flowId: {|KF4014:nightly|}
          - id: parallel
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
              - id: old_name
                type: io.kestra.core.tasks.flows.Flow
                namespace: 'company.team'
                flowId: '{|KF4014:nightly|}'
        errors:
          - id: batches
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{ inputs.file }}"
            namespace: "company.team"
            flowId: "{|KF4014:nightly|}"
        """, "KF4014");

    [TestMethod]
    public void Other_flows_other_namespaces_templates_and_non_subflow_tasks_are_not_reported() => RuleVerifier.Verify("""
        id: nightly
        namespace: company.team
        description: "flowId: nightly"
        tasks:
          - id: child
            type: io.kestra.plugin.core.flow.Subflow
            namespace: company.team
            flowId: nightly_part
          - id: same_id_other_namespace
            type: io.kestra.plugin.core.flow.Subflow
            namespace: company.other
            flowId: nightly
          - id: templated
            type: io.kestra.plugin.core.flow.Subflow
            namespace: "{{ flow.namespace }}"
            flowId: "{{ flow.id }}"
          - id: trigger_toggle
            type: io.kestra.plugin.core.trigger.Toggle
            namespace: company.team
            flowId: nightly
            trigger: daily
        """, "KF4014");

    [TestMethod]
    public void Message_names_the_task_and_the_flow()
    {
        string yaml = "id: loop\nnamespace: company.team\ntasks:\n  - id: again\n    type: io.kestra.plugin.core.flow.Subflow\n    namespace: company.team\n    flowId: loop\n";
        RuleVerifier.Analyze(yaml).Single(d => d.Id == "KF4014").Message
            .ShouldBe("Task 'again' starts this flow itself (company.team.loop): Kestra rejects recursive subflows");
    }
}
