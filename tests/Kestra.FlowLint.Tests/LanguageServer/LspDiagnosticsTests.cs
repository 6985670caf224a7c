using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.LanguageServer;
using Kestra.FlowLint.Tests.Cli;

namespace Kestra.FlowLint.Tests.LanguageServer;

[TestClass]
public sealed class LspDiagnosticsTests
{
    private static DiagnosticDescriptor Rule(string id, string category, params string[] tags) =>
        new(id, "t", "m", category, DiagnosticSeverity.Warning, "d", tags: tags);

    [TestMethod]
    public void Deprecation_rules_are_tagged_deprecated_and_unused_suppressions_unnecessary()
    {
        // KF5xxx rules are written elsewhere: the category (or a "deprecated" tag) is what marks them.
        LspDiagnostics.TagsOf(Rule("KF5001", "Deprecations")).ShouldBe(new[] { LspDiagnostics.TagDeprecated });
        LspDiagnostics.TagsOf(Rule("KF4999", "Structure", "deprecated")).ShouldBe(new[] { LspDiagnostics.TagDeprecated });
        LspDiagnostics.TagsOf(EngineDiagnostics.UnusedSuppression).ShouldBe(new[] { LspDiagnostics.TagUnnecessary });
        LspDiagnostics.TagsOf(Rule("KF1001", "Secrets", "security")).ShouldBeNull();
    }

    [TestMethod]
    public void The_cli_has_an_lsp_command_that_accepts_the_options_vscode_languageclient_passes()
    {
        var (code, stdout, _) = CliRunner.Run("lsp", "--help");
        code.ShouldBe(0);
        stdout.ShouldContain("--debounce-ms");
        stdout.ShouldContain("--stdio");
    }
}
