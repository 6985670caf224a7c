using System.IO;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Configuration;

/// <summary>Realistic configurations: quiet once hardened, and each hardening step undone brings its rule back.</summary>
[TestClass]
public class HardenedConfigurationTests
{
    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(TestPaths.SolutionFolder, "tests", "Kestra.FlowLint.Tests", "Rules", "Configuration", "Fixtures", name));

    private const string FlowWithSecrets = """
        id: deploy
        namespace: company.ops
        inputs:
          - id: token
            type: SECRET
        tasks:
          - id: call
            type: io.kestra.plugin.core.http.Request
            uri: https://api.example.com
            headers:
              Authorization: "Bearer {{ inputs.token }}"
              X-Key: "{{ secret('API_KEY') }}"
        """;

    [TestMethod]
    public void Hardened_application_yml_and_compose_file_have_no_finding_of_any_rule()
    {
        var found = RuleVerifier.AnalyzeRun(
            ("application.yml", Fixture("application-hardened.yml")),
            ("docker-compose.yml", Fixture("docker-compose-hardened.yml")),
            ("flows/deploy.yaml", FlowWithSecrets));
        found.Select(d => d.ToString()).ShouldBeEmpty();
    }

    [TestMethod]
    [DataRow("application-hardened.yml", "password: ${KESTRA_BASIC_AUTH_PASSWORD}", "password: kestra", "KF2003,KF2004")]
    [DataRow("application-hardened.yml", "delete-files-on-start: true", "delete-files-on-start: false", "")]
    [DataRow("application-hardened.yml", "expire-after-write: 60s", "expire-after-write: 1d", "KF2007")]
    [DataRow("application-hardened.yml", "termination-grace-period: 10m", "termination-grace-period: 30s", "KF2009")]
    [DataRow("application-hardened.yml", "        - EXECUTOR\n", "        - WEBSERVER\n", "KF2006")]
    [DataRow("application-hardened.yml", "        - \"/api/v1/executions/webhook/\"\n", "        - \"/api/v1/\"\n", "KF2010")]
    [DataRow("docker-compose-hardened.yml", "    stop_grace_period: 6m\n", "", "KF2009")]
    [DataRow("docker-compose-hardened.yml", "secret-key: ${KESTRA_ENCRYPTION_KEY}", "secret-key: not base64!", "KF2002")]
    public void Undoing_one_hardening_step_brings_back_its_rule(string fixture, string hardened, string undone, string expectedIds)
    {
        var text = Fixture(fixture).Replace("\r\n", "\n");
        text.ShouldContain(hardened);
        var found = RuleVerifier.AnalyzeRun((fixture, text.Replace(hardened, undone)));
        var ids = found.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToArray();
        ids.ShouldBe(expectedIds.Length == 0 ? Array.Empty<string>() : expectedIds.Split(','));
    }
}
