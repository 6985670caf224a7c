using System.IO;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Rules.Configuration;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Configuration;

[TestClass]
public class EncryptionKeyAnalyzerTests
{
    // 32, 16 and 20 random bytes, base64-encoded: test keys, not real ones.
    private const string Key32 = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
    private const string Key16 = "q83vEjRWeJCrze8SNFZ4kA==";
    private const string Key20 = "q83vEjRWeJCrze8SNFZ4kKvN7xI=";

    [TestMethod]
    public void Key_that_is_not_base64_is_an_error_that_gives_only_its_length()
    {
        var found = RuleVerifier.VerifyFile("application.yml", """
            kestra:
              encryption:
                secret-key: {|KF2002:not-base64!|}
            """, "KF2002");
        found[0].Severity.ShouldBe(DiagnosticSeverity.Error);
        found[0].Message.ShouldContain("11 characters");
        found[0].Message.ShouldNotContain("not-base64");
    }

    [TestMethod]
    public void Key_of_a_length_AES_cannot_use_is_an_error()
    {
        var found = RuleVerifier.VerifyFile("application.yml", $$"""
            kestra.encryption.secret-key: {|KF2002:"{{Key20}}"|}
            """, "KF2002");
        found[0].Severity.ShouldBe(DiagnosticSeverity.Error);
        found[0].Message.ShouldContain("20 bytes");
    }

    [TestMethod]
    public void Short_valid_key_and_literal_full_key_are_warnings()
    {
        var found = RuleVerifier.VerifyFile("application.yml", $$"""
            kestra:
              encryption.secretKey: {|KF2002:{{Key16}}|}
            ---
            kestra:
              Encryption:
                secret_key: {|KF2002:{{Key32}}|}
            """, "KF2002");
        found.Select(d => d.Severity).ShouldBe(new[] { DiagnosticSeverity.Warning, DiagnosticSeverity.Warning });
        found[0].Message.ShouldContain("16 bytes");
        found[1].Message.ShouldContain("written in the file");
    }

    [TestMethod]
    public void Placeholders_and_empty_values_are_not_reported()
    {
        RuleVerifier.VerifyFile("application.yml", """
            kestra:
              encryption:
                secret-key: ${KESTRA_ENCRYPTION_KEY}
            ---
            kestra.encryption.secret-key: "${KEY:q83vEjRWeJCrze8SNFZ4kA==}"
            ---
            kestra:
              encryption:
                secret-key:
            """, "KF2002");
    }

    [TestMethod]
    public void Key_in_an_anchor_is_reported_where_it_is_written()
    {
        RuleVerifier.VerifyFile("application.yml", """
            x-keys:
              key: &key {|KF2002:short|}
            kestra:
              encryption:
                secret-key: *key
            """, "KF2002");
    }

    [TestMethod]
    public void Key_in_a_compose_KESTRA_CONFIGURATION_lands_on_its_characters_in_the_compose_file()
    {
        var found = RuleVerifier.VerifyFile("docker-compose.yml", """
            services:
              kestra:
                image: kestra/kestra:latest
                environment:
                  KESTRA_CONFIGURATION: |
                    kestra:
                      encryption:
                        secret-key: {|KF2002:tooShort|}
            """, "KF2002");
        found[0].Location.LineSpan.Start.Line.ShouldBe(7);
        found[0].Location.LineSpan.Start.Character.ShouldBe(24);
    }

    [TestMethod]
    public void Descriptor_redacts_the_key_from_source_excerpts() => EncryptionKeyAnalyzer.Rule.RedactSource.ShouldBeTrue();
}

[TestClass]
public class EncryptionKeyGradingThroughCliTests
{
    [TestMethod]
    public void The_cli_keeps_the_rules_own_grading_unless_configuration_changes_the_rule()
    {
        // The post-processor used to flatten every finding to the rule's default severity: a working 24-byte
        // key was then reported as an error, as if Kestra could not start with it.
        string root = Directory.CreateTempSubdirectory("flowlint-kf2002").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "application.yml"), "kestra:\n  encryption:\n    secret-key: I6EGNzRESu3X3pKZidrqCGOHQFUFC0yK\n  configurations:\n    delete-files-on-start: true\n");
            var (_, stdout, _) = Kestra.FlowLint.Tests.Cli.CliRunner.RunIn(root, "", "check", ".", "--format", "msbuild", "--fail-on", "none");
            stdout.ShouldContain("application.yml(3,17,3,49): warning KF2002: kestra.encryption.secret-key decodes to 24 bytes");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
