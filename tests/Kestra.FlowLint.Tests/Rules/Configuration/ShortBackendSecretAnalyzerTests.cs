using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Configuration;

[TestClass]
public class ShortBackendSecretAnalyzerTests
{
    [TestMethod]
    public void Backend_keys_under_32_characters_are_reported_with_their_length_only()
    {
        var found = RuleVerifier.VerifyFile("application.yml", """
            kestra:
              secret:
                jdbc:
                  secret: {|KF2005:only-twenty-one-chars|}
            ---
            kestra.secret.Elasticsearch.secret: '{|KF2005:0123456789abcdef0123456789abcde|}'
            ---
            kestra:
              secret:
                jdbc.secret: ${JDBC_SECRET:{|KF2005:short-default|}}
            """, "KF2005");
        found[0].Message.ShouldBe("'kestra.secret.jdbc.secret' is 21 characters; the secret backend encrypts stored secrets with it and needs at least 32 characters");
        found[1].Message.ShouldContain("31 characters");
        found[2].Message.ShouldContain("13 characters (the placeholder's default)");
    }

    [TestMethod]
    public void Keys_of_32_characters_placeholders_and_empty_values_are_not_reported()
    {
        RuleVerifier.VerifyFile("application.yml", """
            kestra:
              secret:
                jdbc:
                  secret: 0123456789abcdef0123456789abcdef
                elasticsearch:
                  secret: ${ES_SECRET}
                vault:
                  secret: short
            ---
            kestra.secret.jdbc.secret: ""
            """, "KF2005");
    }

    [TestMethod]
    public void Anchored_key_in_compose_configuration_lands_on_its_characters()
    {
        var found = RuleVerifier.VerifyFile("docker-compose.yml", """
            services:
              kestra:
                environment:
                  KESTRA_CONFIGURATION: |
                    x-key: &key {|KF2005:tiny|}
                    kestra:
                      secret:
                        jdbc:
                          secret: *key
            """, "KF2005");
        found[0].Location.LineSpan.Start.Line.ShouldBe(4);
        found[0].Location.LineSpan.Start.Character.ShouldBe(20);
    }
}
