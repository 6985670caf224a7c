using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Rules.Configuration;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Configuration;

[TestClass]
public class ClearTextCredentialAnalyzerTests
{
    [TestMethod]
    public void Passwords_in_nested_dotted_and_relaxed_keys_are_reported_without_their_value()
    {
        var found = RuleVerifier.VerifyFile("application.yml", """
            kestra:
              server:
                basicAuth:
                  username: ops@example.com
                  password: {|KF2003:Opera7ions!|}
              security.super_admin.password: {|KF2003:'R00t-pass'|}
            endpoints.all.basic-auth:
              username: probe
              password: {|KF2003:"pr0be-pass"|}
            """, "KF2003");
        found[0].Message.ShouldBe("'kestra.server.basicAuth.password' is a clear-text credential (11 characters); read it from the environment with a ${...} placeholder");
        found.ShouldAllBe(d => !d.Message.Contains("Opera7ions") && !d.Message.Contains("R00t") && !d.Message.Contains("pr0be"));
        found.ShouldAllBe(d => d.Severity == DiagnosticSeverity.Error);
    }

    [TestMethod]
    public void Secret_backend_credentials_are_reported_and_their_other_settings_are_not()
    {
        RuleVerifier.VerifyFile("application.yml", """
            kestra:
              secret:
                type: aws-secret-manager
                aws-secret-manager:
                  access-key-id: {|KF2003:AKIAEXAMPLEEXAMPLE00|}
                  secret-key-id: {|KF2003:wJalrXUtnFEMIexampleKEYexample|}
                  session-token: {|KF2003:FwoGZXIvYXdzEXAMPLE|}
                  region: eu-west-1
                azure-key-vault:
                  vault-name: my-vault
                  client-secret:
                    tenant-id: 00000000-0000-0000-0000-000000000000
                    client-id: 11111111-1111-1111-1111-111111111111
                    client-secret: {|KF2003:azure-example-secret|}
                vault:
                  address: https://vault.example.com
                  token:
                    token: {|KF2003:hvs.example|}
                  approle:
                    role-id: my-role
                    secret-id: {|KF2003:approle-secret|}
                jdbc:
                  secret: {|KF2003:jdbc-backend-secret|}
                isolation:
                  enabled: true
            """, "KF2003");
    }

    [TestMethod]
    public void Placeholders_with_and_without_defaults_and_empty_values_are_not_clear_text()
    {
        RuleVerifier.VerifyFile("application.yml", """
            kestra:
              server:
                basic-auth:
                  username: admin
                  password: ${KESTRA_BASIC_AUTH_PASSWORD}
              security:
                super-admin:
                  password: "${KESTRA_SUPERADMIN_PASSWORD:}"
              secret:
                jdbc:
                  secret: ${JDBC_SECRET:fallback-from-env-file}
                elasticsearch:
                  secret: ""
            """, "KF2003");
    }

    [TestMethod]
    public void Anchored_password_shared_by_two_keys_is_reported_once_where_it_is_written()
    {
        RuleVerifier.VerifyFile("application.yml", """
            x-auth: &auth
              username: ops
              password: {|KF2003:shared-Pass1|}
            kestra:
              server:
                basic-auth: *auth
            endpoints:
              all:
                basic-auth:
                  <<: *auth
            """, "KF2003");
    }

    [TestMethod]
    public void Password_in_a_compose_KESTRA_CONFIGURATION_lands_in_the_compose_file()
    {
        var found = RuleVerifier.VerifyFile("docker-compose.yml", """
            services:
              kestra:
                environment:
                  KESTRA_CONFIGURATION: |
                    kestra:
                      server:
                        basic-auth:
                          password: {|KF2003:compose-Pass1|}
            """, "KF2003");
        found[0].Location.LineSpan.Start.Line.ShouldBe(7);
        found[0].Location.LineSpan.Start.Character.ShouldBe(24);
    }

    [TestMethod]
    public void Hardened_configuration_has_no_finding()
    {
        RuleVerifier.VerifyFile("application.yml", """
            kestra:
              encryption:
                secret-key: ${KESTRA_ENCRYPTION_KEY}
              server:
                basic-auth:
                  username: ${KESTRA_BASIC_AUTH_USERNAME}
                  password: ${KESTRA_BASIC_AUTH_PASSWORD}
              secret:
                type: vault
                isolation:
                  enabled: true
              configurations:
                delete-files-on-start: true
            """, "KF2002", "KF2003");
    }

    [TestMethod]
    public void Descriptor_redacts_the_value_from_source_excerpts() => ClearTextCredentialAnalyzer.Rule.RedactSource.ShouldBeTrue();
}
