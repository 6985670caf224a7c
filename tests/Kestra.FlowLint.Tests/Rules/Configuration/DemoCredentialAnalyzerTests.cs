using Kestra.FlowLint.Rules.Configuration;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Configuration;

[TestClass]
public class DemoCredentialAnalyzerTests
{
    [TestMethod]
    public void Documented_demo_passwords_are_reported_in_every_key_style()
    {
        var found = RuleVerifier.VerifyFile("application.yml", """
            kestra:
              server:
                basicAuth:
                  username: admin@kestra.io
                  password: {|KF2004:change-me|}
              security.super-admin.password: "{|KF2004:kestra|}"
            datasources:
              postgres:
                username: kestra
                password: {|KF2004:k3str4|}
            """, "KF2004");
        found[0].Message.ShouldBe("'kestra.server.basicAuth.password' is a demo password from Kestra's documentation or Compose files; anyone can guess it");
    }

    [TestMethod]
    public void Demo_password_as_a_placeholder_default_is_reported_on_the_default_only()
    {
        var found = RuleVerifier.VerifyFile("application.yml", """
            kestra:
              server:
                basic-auth:
                  password: ${KESTRA_PASSWORD:{|KF2004:change-me|}}
                  username: ${KESTRA_USER:admin@kestra.io}
            endpoints.all.basic-auth.password: ${ENDPOINTS_PASSWORD}
            """, "KF2004");
        found[0].Message.ShouldContain("(the placeholder's default)");
    }

    [TestMethod]
    public void Unique_passwords_and_demo_words_outside_password_keys_are_not_reported()
    {
        RuleVerifier.VerifyFile("application.yml", """
            kestra:
              server:
                basic-auth:
                  username: kestra
                  password: ${KESTRA_BASIC_AUTH_PASSWORD}
              queue:
                type: kestra
              secret:
                jdbc:
                  secret: Kestra-but-not-the-demo-one-1234567
            datasources:
              postgres:
                password: Kestra
            """, "KF2004");
    }

    [TestMethod]
    public void Anchored_demo_password_is_reported_once_and_compose_positions_are_exact()
    {
        RuleVerifier.VerifyFile("application.yml", """
            x-auth: &auth
              password: {|KF2004:k3str4|}
            kestra.server.basic-auth: *auth
            endpoints.all.basic-auth: *auth
            """, "KF2004");
        var found = RuleVerifier.VerifyFile("docker-compose.yml", """
            services:
              kestra:
                environment:
                  KESTRA_CONFIGURATION: |
                    datasources:
                      postgres:
                        password: {|KF2004:k3str4|}
                    kestra:
                      queue:
                        type: postgres
            """, "KF2004");
        found[0].Location.LineSpan.Start.Line.ShouldBe(6);
        found[0].Location.LineSpan.Start.Character.ShouldBe(22);
    }
}
