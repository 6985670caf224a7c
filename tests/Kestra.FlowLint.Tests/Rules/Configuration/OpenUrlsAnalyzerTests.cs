using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Rules.Configuration;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Configuration;

[TestClass]
public class OpenUrlsAnalyzerTests
{
    [TestMethod]
    public void Entries_beyond_webhooks_and_health_are_warnings_at_each_entry()
    {
        var found = RuleVerifier.VerifyFile("application.yml", """
            kestra:
              server:
                basic-auth:
                  username: admin@example.com
                  open-urls:
                    - /ping
                    - /api/v1/executions/webhook/
                    - /health/liveness
                    - {|KF2010:/api/v1/executions|}
                    - {|KF2010:"/ui/"|}
            """, "KF2010");
        found[0].Severity.ShouldBe(DiagnosticSeverity.Warning);
        found[0].Message.ShouldBe("'/api/v1/executions' is served without authentication; open-urls should only hold webhook execution paths and health endpoints");
    }

    [TestMethod]
    public void Dotted_and_relaxed_keys_flow_lists_and_placeholders()
    {
        RuleVerifier.VerifyFile("application.yml", """
            kestra.server:
              basicAuth.openUrls: [/api/v1/main/executions/webhook/, {|KF2010:/api/v1/|}, "${EXTRA_OPEN_URL}"]
            kestra:
              Server:
                basic_auth:
                  open_urls: {|KF2010:/|}
            """, "KF2010");
    }

    [TestMethod]
    [DataRow("/ping", true)]
    [DataRow("/health", true)]
    [DataRow("/api/v1/executions/webhook/", true)]
    [DataRow("/api/v1/executions/webhook/**", true)]
    [DataRow("/api/v1/tenant-a/executions/webhook/", true)]
    [DataRow("/api/v1/executions", false)]
    [DataRow("/api/v1/flows", false)]
    [DataRow("/healthy", false)]
    [DataRow("/**", false)]
    public void Allowed_paths(string url, bool allowed) => OpenUrlsAnalyzer.IsAllowed(url).ShouldBe(allowed);
}
