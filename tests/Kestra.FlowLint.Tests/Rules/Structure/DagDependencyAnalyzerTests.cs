using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Structure;

[TestClass]
public class DagDependencyAnalyzerTests
{
    private const string Header = "id: f\nnamespace: company.team\ntasks:\n";

    [TestMethod]
    public void Unknown_dependencies_in_every_scalar_style_are_reported_on_the_id() => RuleVerifier.Verify(Header + """
          - id: dag
            type: io.kestra.plugin.core.flow.Dag
            tasks:
              - task:
                  id: extract
                  type: io.kestra.plugin.core.log.Log
                  message: e
              - task:
                  id: load
                  type: io.kestra.plugin.core.log.Log
                  message: l
                dependsOn:
                  - {|KF4013:extrac|}
                  - 'extract'
                  - "{|KF4013:outside|}"
              - task: { id: report, type: io.kestra.plugin.core.log.Log, message: r }
                dependsOn: [load, '{|KF4013:loda|}']
          - id: outside
            type: io.kestra.plugin.core.log.Log
            message: not part of the dag
        """, "KF4013");

    [TestMethod]
    public void A_cycle_is_reported_once_on_the_dependency_that_closes_it()
    {
        var findings = RuleVerifier.Verify(Header + """
              - id: parallel
                type: io.kestra.plugin.core.flow.Parallel
                tasks:
                  - id: dag
                    type: io.kestra.core.tasks.flows.Dag
                    tasks:
                      - task: { id: a, type: io.kestra.plugin.core.log.Log, message: a }
                        dependsOn: [c]
                      - task: { id: b, type: io.kestra.plugin.core.log.Log, message: b }
                        dependsOn: [{|KF4013:a|}]
                      - task: { id: c, type: io.kestra.plugin.core.log.Log, message: c }
                        dependsOn: [b]
                      - task: { id: d, type: io.kestra.plugin.core.log.Log, message: d }
                        dependsOn: [a, b, c]
            """, "KF4013");
        findings.Single().Message.ShouldBe("Dag 'dag' has a dependency cycle: a → c → b → a");
    }

    [TestMethod]
    public void Valid_dags_templated_ids_and_other_plugins_dependsOn_are_not_reported() => RuleVerifier.Verify(Header + """
          - id: dag
            type: io.kestra.plugin.core.flow.Dag
            description: "dependsOn: [nowhere]"
            tasks:
              - task: { id: a, type: io.kestra.plugin.core.log.Log, message: a }
              - task: { id: b, type: io.kestra.plugin.core.log.Log, message: b }
                dependsOn: [a, "{{ vars.dep }}"]
              - task: { id: c, type: io.kestra.plugin.core.log.Log, message: c }
                dependsOn: [a, b]
          - id: dbt
            type: io.kestra.plugin.dbt.cli.DbtCLI
            dependsOn: [nowhere]
        """, "KF4013");

    [TestMethod]
    public void A_dag_reached_through_an_alias_is_reported_at_the_alias() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        variables:
          dag: &dag
            id: dag
            type: io.kestra.plugin.core.flow.Dag
            tasks:
              - task: { id: a, type: io.kestra.plugin.core.log.Log, message: a }
                dependsOn: [missing]
        tasks:
          - {|KF4013:*dag|}
        """, "KF4013");

    [TestMethod]
    public void Message_names_the_entry_the_dag_and_the_closest_id()
    {
        string yaml = Header + "  - id: dag\n    type: io.kestra.plugin.core.flow.Dag\n    tasks:\n      - task: { id: extract, type: io.kestra.plugin.core.log.Log, message: e }\n      - task: { id: load, type: io.kestra.plugin.core.log.Log, message: l }\n        dependsOn: [extrac]\n";
        RuleVerifier.Analyze(yaml).Single(d => d.Id == "KF4013").Message
            .ShouldBe("'extrac' in dependsOn of 'load' is not a task of Dag 'dag' (did you mean 'extract'?)");
    }
}
