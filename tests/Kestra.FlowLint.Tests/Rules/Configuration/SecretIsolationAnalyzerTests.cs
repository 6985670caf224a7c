using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Configuration;

[TestClass]
public class SecretIsolationAnalyzerTests
{
    [TestMethod]
    public void Backend_without_isolation_is_a_note_on_its_type()
    {
        var found = RuleVerifier.VerifyFile("application.yml", """
            kestra:
              secret:
                type: {|KF2006:vault|}
                vault:
                  address: https://vault.example.com
            """, "KF2006");
        found[0].Severity.ShouldBe(DiagnosticSeverity.Note);
        found[0].Message.ShouldBe("Secret backend 'vault' is configured without kestra.secret.isolation.enabled: true, so every Kestra service can resolve secrets");
    }

    [TestMethod]
    public void Isolation_written_off_is_where_the_finding_is()
    {
        RuleVerifier.VerifyFile("application.yml", """
            kestra.secret.type: aws-secret-manager
            kestra:
              Secret:
                isolation.Enabled: {|KF2006:false|}
            """, "KF2006");
    }

    [TestMethod]
    public void Isolation_that_does_not_deny_the_executor_is_a_note_on_the_list_or_the_switch()
    {
        var found = RuleVerifier.VerifyFile("application.yml", """
            kestra:
              secret:
                type: vault
                isolation:
                  enabled: true
                  {|KF2006:denied-services|}:
                    - WEBSERVER
            ---
            kestra.secret:
              type: aws-secret-manager
              isolation.enabled: {|KF2006:true|}
            ---
            lists: &denied [SCHEDULER]
            kestra:
              secret:
                type: jdbc
                isolation:
                  enabled: true
                  {|KF2006:deniedServices|}: *denied
            ---
            kestra:
              secret:
                type: jdbc
                isolation:
                  enabled: true
                  denied-services: ${DENIED_SERVICES}
            """, "KF2006");
        found[0].Message.ShouldBe("Secret isolation is enabled for backend 'vault' but kestra.secret.isolation.denied-services does not list EXECUTOR, which never needs a secret");
    }

    [TestMethod]
    public void Isolation_on_in_any_key_style_or_no_backend_means_no_finding()
    {
        RuleVerifier.VerifyFile("application.yml", """
            kestra:
              secret:
                type: jdbc
                isolation:
                  enabled: true
                  denied-services: [EXECUTOR]
            ---
            kestra.secret.type: vault
            kestra.secret.isolation.enabled: true
            kestra.secret.isolation.deniedServices:
              - scheduler
              - executor
            ---
            kestra:
              secret:
                type:
              queue:
                type: postgres
            """, "KF2006");
    }

    [TestMethod]
    public void Backend_in_compose_configuration_is_reported_in_the_compose_file()
    {
        var found = RuleVerifier.VerifyFile("docker-compose.yml", """
            services:
              kestra:
                environment:
                  - |
                    KESTRA_CONFIGURATION=kestra:
                      secret:
                        type: {|KF2006:elasticsearch|}
            """, "KF2006");
        found[0].Location.LineSpan.Start.Line.ShouldBe(6);
    }
}
