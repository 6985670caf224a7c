using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Rules.Security;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Security;

[TestClass]
public class SecretInputLiteralDefaultAnalyzerTests
{
    private const string Tasks = "tasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n";

    [TestMethod]
    public void Every_scalar_style_of_a_default_is_reported_whole()
    {
        RuleVerifier.Verify("""
            id: f
            namespace: company.team
            inputs:
              - id: plain
                type: SECRET
                defaults: {|KF1010:hunter2|}
              - id: single
                type: SECRET
                defaults: {|KF1010:'it''s'|}
              - id: double
                type: SECRET
                defaults: {|KF1010:"p\u00e4ss\"word"|}
              - id: literal
                type: SECRET
                defaults: {|KF1010:|-
                  -----BEGIN KEY-----
                  abc|}
              - name: folded
                type: SECRET
                defaults: {|KF1010:>-
                  folded
                  key|}
            """ + "\n" + Tasks, "flow.yaml", "KF1010");
    }

    [TestMethod]
    public void An_aliased_default_is_reported_at_the_alias_and_each_document_is_checked()
    {
        RuleVerifier.Verify("""
            id: first
            namespace: company.team
            variables:
              shared: &pw s3cret
            inputs:
              - id: token
                type: SECRET
                defaults: {|KF1010:*pw|}
            tasks:
              - id: t
                type: io.kestra.plugin.core.log.Log
                message: hi
            ---
            id: second
            namespace: company.team
            inputs:
              - id: token
                type: SECRET
                defaults: {|KF1010:abc|}
            tasks:
              - id: t
                type: io.kestra.plugin.core.log.Log
                message: hi
            """, "flow.yaml", "KF1010");
    }

    [TestMethod]
    public void Expressions_empty_values_and_other_inputs_are_not_findings()
    {
        RuleVerifier.Verify("""
            id: f
            namespace: company.team
            description: "defaults: hunter2"
            inputs:
              # - id: old
              #   type: SECRET
              #   defaults: hunter2
              - id: from_secret
                type: SECRET
                defaults: "{{ secret('DB_PASSWORD') }}"
              - id: from_kv
                type: SECRET
                defaults: "{% if true %}{{ kv('token') }}{% endif %}"
              - id: commented
                type: SECRET
                defaults: "{# secret('X') #}"
              - id: raw
                type: SECRET
                defaults: "{% raw %}{{ secret('X') }}{% endraw %}"
              - id: verbatim
                type: SECRET
                defaults: "{% verbatim %}{{ secret('X') }}{% endverbatim %}"
              - id: string_literal
                type: SECRET
                defaults: "{{ \"secret('X')\" }}"
              - id: braces_forgotten
                type: SECRET
                defaults: secret('X')
              - id: empty
                type: SECRET
                defaults: ""
              - id: blank
                type: SECRET
                defaults:
              - id: required
                type: SECRET
                required: true
              - id: string
                type: STRING
                defaults: hunter2
            tasks:
              - id: notify
                type: io.kestra.plugin.slack.notifications.SlackIncomingWebhook
                url: "{{ inputs.from_secret }}"
                messageText: hi
              - id: script
                type: io.kestra.plugin.scripts.shell.Commands
                env:
                  PW: "{{ inputs.from_secret }}"
                commands:
                  - echo ok
            """, "flow.yaml", "KF1010");
    }

    [TestMethod]
    public void Message_gives_the_length_never_the_value()
    {
        var found = RuleVerifier.Verify("""
            id: f
            namespace: company.team
            inputs:
              - id: db_password
                type: SECRET
                defaults: {|KF1010:"hunter2"|}
            """ + "\n" + Tasks, "flow.yaml", "KF1010");
        var finding = found.Single();
        finding.Message.ShouldBe("SECRET input 'db_password' has a literal default (7 characters), so the secret is stored in plain text in the flow source");
        finding.Message.ShouldNotContain("hunter2");
        finding.Severity.ShouldBe(DiagnosticSeverity.Error);

        RuleVerifier.Analyze("id: f\nnamespace: n\ninputs:\n  - id: pin\n    type: SECRET\n    defaults: 7\n" + Tasks)
            .Single(d => d.Id == "KF1010").Message.ShouldContain("(1 character)");
    }

    [TestMethod]
    public void The_documented_examples_behave()
    {
        RuleVerifier.Analyze(SecretInputLiteralDefaultAnalyzer.Rule.BadExample!).Count(d => d.Id == "KF1010").ShouldBe(1);
        RuleVerifier.Analyze(SecretInputLiteralDefaultAnalyzer.Rule.GoodExample!).ShouldNotContain(d => d.Id == "KF1010");
    }
}
