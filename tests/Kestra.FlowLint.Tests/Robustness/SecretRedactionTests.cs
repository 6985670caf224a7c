using System.IO;
using Kestra.FlowLint.Reporting;
using Kestra.FlowLint.Tests.Cli;

namespace Kestra.FlowLint.Tests.Robustness;

/// <summary>
/// FlowLint never prints a secret value. Credentials are planted in a flow (KF1009) and a server configuration
/// (KF2003); `flowlint check` runs with every output format, and the output and the error stream are searched
/// for each value and for every 6-character piece of it (a code frame, a truncated message or a fingerprint
/// input would leak a piece, not the whole).
/// </summary>
[TestClass]
[DoNotParallelize]
public class SecretRedactionTests
{
    private static readonly string[] Planted =
    {
        "Qx7-Blu3Harb0r!Zq",                          // a password under a credential name
        "AKIAQ7XK2M9PLR4TWZ5N",                        // an AWS access key id, in a script
        "ghp_R8mK2pQ9vX4tL7nW3zY6bH1cF5dJ0sA2eG8u",    // a GitHub token, in a block scalar
        "Tr0ub4dor-3-Horse",                           // a password inside a connection string
        "wh-K3y-9f8e7d6c5b",                           // a webhook trigger key
        "S3rv3r-Adm1n-P4ss",                           // basic-auth password in application.yml (KF2003)
        "vault-t0ken-8c1e2f",                          // a secret backend token (KF2003)
    };

    private const string Flow =
        "id: leaky\n" +
        "namespace: company.team\n" +
        "tasks:\n" +
        "  - id: query\n" +
        "    type: io.kestra.plugin.jdbc.postgresql.Query\n" +
        "    url: jdbc:postgresql://db:5432/app\n" +
        "    username: app\n" +
        "    password: Qx7-Blu3Harb0r!Zq\n" +
        "    sql: SELECT 1\n" +
        "  - id: script\n" +
        "    type: io.kestra.plugin.scripts.shell.Commands\n" +
        "    commands:\n" +
        "      - export AWS_ACCESS_KEY_ID=AKIAQ7XK2M9PLR4TWZ5N\n" +
        "      - |\n" +
        "        curl -H \"Authorization: token ghp_R8mK2pQ9vX4tL7nW3zY6bH1cF5dJ0sA2eG8u\" https://api.github.com\n" +
        "  - id: load\n" +
        "    type: io.kestra.plugin.jdbc.postgresql.Query\n" +
        "    url: \"jdbc:postgresql://db:5432/app?user=app&password=Tr0ub4dor-3-Horse\"\n" +
        "    sql: SELECT 1\n" +
        "triggers:\n" +
        "  - id: hook\n" +
        "    type: io.kestra.plugin.core.trigger.Webhook\n" +
        "    key: wh-K3y-9f8e7d6c5b\n";

    private const string Configuration =
        "kestra:\n" +
        "  encryption:\n" +
        "    secret-key: ${KESTRA_ENCRYPTION_KEY}\n" +
        "  server:\n" +
        "    basic-auth:\n" +
        "      enabled: true\n" +
        "      username: admin@example.com\n" +
        "      password: S3rv3r-Adm1n-P4ss\n" +
        "  secret:\n" +
        "    type: vault\n" +
        "    vault:\n" +
        "      address: https://vault:8200\n" +
        "      token:\n" +
        "        token: vault-t0ken-8c1e2f\n";

    private static string _folder = "";

    [ClassInitialize]
    public static void Plant(TestContext _)
    {
        _folder = Path.Combine(Path.GetTempPath(), "flowlint-redaction-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "leaky.yaml"), Flow);
        File.WriteAllText(Path.Combine(_folder, "application.yml"), Configuration);
    }

    [ClassCleanup]
    public static void Remove()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [TestMethod]
    public void Every_format_reports_the_credentials_without_their_values()
    {
        string[] formats = ReportFormats.Names();
        formats.ShouldBe(new[] { "text", "json", "msbuild", "sarif", "github" }, ignoreOrder: true,
            "a new format must join this test (add it to the list once it is checked)");
        foreach (var format in formats)
        {
            var (code, stdout, stderr) = CliRunner.RunIn(_folder, "", "check", ".", "--format", format, "--no-color");
            code.ShouldBe(1, $"{format}: the planted credentials are errors");
            // The findings are there: a redaction test that finds nothing proves nothing.
            stdout.ShouldContain("KF1009", customMessage: format);
            stdout.ShouldContain("KF2003", customMessage: format);
            foreach (var value in Planted)
            {
                foreach (var piece in Pieces(value))
                {
                    stdout.ShouldNotContain(piece, Case.Sensitive, $"{format} output leaks '{piece}' of a planted credential");
                    stderr.ShouldNotContain(piece, Case.Sensitive, $"{format} error stream leaks '{piece}' of a planted credential");
                }
            }
        }
    }

    [TestMethod]
    public void Each_planted_credential_is_reported()
    {
        var (_, stdout, _) = CliRunner.RunIn(_folder, "", "check", ".", "--format", "msbuild");
        // One finding per planted value: each line of the msbuild format is one finding.
        stdout.Split('\n').Count(l => l.Contains(" KF1009: ", StringComparison.Ordinal)).ShouldBe(5, stdout);
        stdout.Split('\n').Count(l => l.Contains(" KF2003: ", StringComparison.Ordinal)).ShouldBe(2, stdout);
    }

    /// <summary>Every 6-character substring of a value, except those that are ordinary words of the output.</summary>
    private static IEnumerable<string> Pieces(string value)
    {
        for (int i = 0; i + 6 <= value.Length; i++)
            yield return value.Substring(i, 6);
    }
}
