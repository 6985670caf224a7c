using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Configuration;

[TestClass]
public class ConfigurationFilesKeptAnalyzerTests
{
    [TestMethod]
    public void Clear_text_secret_without_the_flag_is_reported_on_its_key_without_its_value()
    {
        var found = RuleVerifier.VerifyFile("application.yml", """
            kestra:
              server:
                basicAuth:
                  {|KF2008:password|}: Opera7ions!
            """, "KF2008");
        found[0].Message.ShouldBe("This configuration holds a clear-text secret ('kestra.server.basicAuth.password') but kestra.configurations.delete-files-on-start is not set; tasks that can read the file can read the secret");
        found[0].Severity.ShouldBe(DiagnosticSeverity.Warning);
    }

    [TestMethod]
    public void Flag_written_false_is_where_the_finding_is()
    {
        RuleVerifier.VerifyFile("application.yml", """
            kestra.encryption.secret-key: q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=
            kestra:
              configurations:
                deleteFilesOnStart: {|KF2008:false|}
            """, "KF2008");
    }

    [TestMethod]
    public void Flag_set_in_any_key_style_or_only_placeholders_mean_no_finding()
    {
        RuleVerifier.VerifyFile("application.yml", """
            kestra:
              encryption:
                secret-key: q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=
              configurations.delete_files_on_start: "TRUE"
            ---
            kestra:
              encryption:
                secret-key: ${KESTRA_ENCRYPTION_KEY}
              secret:
                type: jdbc
                jdbc:
                  secret: ${JDBC_SECRET}
            """, "KF2008");
    }

    [TestMethod]
    public void Compose_configuration_with_a_datasource_password_is_reported_in_the_compose_file()
    {
        var found = RuleVerifier.VerifyFile("docker-compose.yml", """
            services:
              kestra:
                environment:
                  KESTRA_CONFIGURATION: |
                    datasources:
                      postgres:
                        {|KF2008:password|}: k3str4
                    kestra:
                      queue:
                        type: postgres
            """, "KF2008");
        found[0].Location.LineSpan.Start.Line.ShouldBe(6);
        found[0].Location.LineSpan.Start.Character.ShouldBe(12);
    }
}
