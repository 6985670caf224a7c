using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Structure;

[TestClass]
public class InputDependencyAnalyzerTests
{
    private const string Tasks = "tasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n";

    [TestMethod]
    public void Unknown_dependencies_are_reported_on_the_reference() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        inputs:
          - id: cloud
            type: STRING
          - id: region
            type: STRING
            dependsOn:
              inputs:
                - {|KF4010:clouds|}
                - cloud
                - "{|KF4010:zone|}"
              condition: "{{ inputs.cloud == 'aws' }}"
          - id: flow_style
            type: STRING
            dependsOn: {inputs: [cloud, {|KF4010:nope|}]}
        """ + "\n" + Tasks, "KF4010");

    [TestMethod]
    public void The_message_suggests_a_close_input()
    {
        var found = RuleVerifier.Verify("id: f\nnamespace: n\ninputs:\n  - id: cloud\n    type: STRING\n  - id: region\n    type: STRING\n    dependsOn:\n      inputs: [{|KF4010:clowd|}]\n" + Tasks, "KF4010");
        found[0].Message.ShouldBe("Input 'region' depends on 'clowd', which is not an input of this flow (did you mean 'cloud'?)");
    }

    [TestMethod]
    public void Each_cycle_is_reported_once_on_the_dependency_that_closes_it()
    {
        var found = RuleVerifier.Verify("""
            id: f
            namespace: company.team
            inputs:
              - id: a
                type: STRING
                dependsOn:
                  inputs: [b]
              - id: b
                type: STRING
                dependsOn:
                  inputs: [c]
              - id: c
                type: STRING
                dependsOn:
                  inputs: [{|KF4010:a|}]
              - id: self
                type: STRING
                dependsOn:
                  inputs: [{|KF4010:self|}]
              - id: after
                type: STRING
                dependsOn:
                  inputs: [a, c]
            """ + "\n" + Tasks, "KF4010");
        found.Select(d => d.Message).ShouldBe(new[]
        {
            "Inputs depend on each other in a cycle: a → b → c → a",
            "Inputs depend on each other in a cycle: self → self",
        });
    }

    [TestMethod]
    public void A_diamond_is_not_a_cycle() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        inputs:
          - id: top
            type: STRING
          - id: left
            type: STRING
            dependsOn: {inputs: [top]}
          - id: right
            type: STRING
            dependsOn: {inputs: [top]}
          - id: bottom
            type: STRING
            dependsOn: {inputs: [left, right, top]}
        """ + "\n" + Tasks, "KF4010");
}
