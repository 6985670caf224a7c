using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Flows;

/// <summary>The helpers next to SecretFlow that the secret rules share: URL position, tests, literal text, root origin.</summary>
[TestClass]
public class SecretUseHelpersTests
{
    [TestMethod]
    [DataRow("https://api.example.com/v1?key=", "", UrlPart.Query, "https://…")]
    [DataRow("curl 'HTTP://h?x=1&key=", "'", UrlPart.Query, "http://…")]
    [DataRow("wss://h/socket?token=", "", UrlPart.Query, "wss://…")]
    [DataRow("https://", ":\uFFFC@host/x", UrlPart.UserInfo, "https://…")]
    [DataRow("https://\uFFFC:", "@host", UrlPart.UserInfo, "https://…")]
    [DataRow("ftp://user:", "@files.example.com", UrlPart.UserInfo, "ftp://…")]
    [DataRow("jdbc:postgresql://db/app?user=a&password=", "&ssl=true", UrlPart.Query, "jdbc:…")]
    [DataRow("JDBC:sqlserver://db:1433;user=a;password=", "", UrlPart.Query, "jdbc:…")]
    [DataRow("jdbc:mysql://app:", "@db/app", UrlPart.UserInfo, "jdbc:…")]
    [DataRow("jdbc:oracle:thin:app/", "@db:1521:orcl", UrlPart.UserInfo, "jdbc:…")]
    [DataRow("jdbc:h2:mem:test;PASSWORD=", "", UrlPart.Query, "jdbc:…")]
    [DataRow("see https://a.example.com/?next=https://b.example.com/?t=", "", UrlPart.Query, "https://…")]
    public void Classify_finds_query_strings_and_user_info(string before, string after, UrlPart part, string scheme)
    {
        var location = SecretUrlContext.Classify(before, after);
        location.Part.ShouldBe(part);
        location.Scheme.ShouldBe(scheme);
    }

    [TestMethod]
    [DataRow("https://", ":5432/db")] // host
    [DataRow("jdbc:postgresql://", ":5432/db")] // host
    [DataRow("https://api.telegram.org/bot", "/sendMessage")] // path
    [DataRow("https://user@", "/x")] // host after user-info
    [DataRow("https://h/#frag=", "")] // fragment, never sent
    [DataRow("https://h/ ?key=", "")] // the URL ended at the space
    [DataRow("\uFFFC?key=", "")] // the scheme comes from another print: unknown
    [DataRow("mongodb://app:", "@db")] // Kestra's MongoDB plugin takes credentials only in the URI
    [DataRow("token=", "")]
    [DataRow("", "")]
    [DataRow("https://", "")] // a whole URL held in the secret
    [DataRow("https://h", " and an email a@b.c")] // the '@' is past the end of the URL
    public void Classify_ignores_other_positions(string before, string after)
    {
        SecretUrlContext.Classify(before, after).Part.ShouldBe(UrlPart.None);
    }

    [TestMethod]
    public void Literal_text_around_a_print_includes_other_prints_as_unknown_text()
    {
        var flow = FlowTestHelper.Flow("id: f\nnamespace: n\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.http.Request\n    uri: \"https://{{ host }}/x?{% if true %}k={% endif %}{{ secret('A') }}&b={{ c }}{# no #}{% raw %}{{d}}{% endraw %}\"\n");
        var use = SecretFlow.Analyze(flow.ExpressionSites.Single()).Single();
        var around = use.LiteralTextAround()!.Value;
        around.Before.ShouldBe("https://\uFFFC/x?k=");
        around.After.ShouldBe("&b=\uFFFC{{d}}");
        use.Locate().Part.ShouldBe(UrlPart.Query);
    }

    [TestMethod]
    public void Concatenated_literals_inside_the_print_count_as_url_text()
    {
        var flow = FlowTestHelper.Flow("id: f\nnamespace: n\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.http.Request\n    uri: \"{{ 'https://' ~ secret('U') ~ ':' ~ secret('P') ~ '@host' }}\"\n");
        var uses = SecretFlow.Analyze(flow.ExpressionSites.Single());
        uses.Select(u => u.Locate().Part).ShouldBe(new[] { UrlPart.UserInfo, UrlPart.UserInfo });
    }

    [TestMethod]
    public void Is_only_tested_is_true_for_conditions_and_false_for_printed_values()
    {
        var flow = FlowTestHelper.Flow("id: f\nnamespace: n\nvariables:\n  v: \"{{ secret('A') is empty }}{{ secret('B') == 'x' }}{{ not secret('C') }}{{ secret('D') ? 1 : 2 }}{% if secret('E') %}{% endif %}{{ secret('F') }}{{ secret('G') | upper }}{% set s = secret('H') %}\"\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n");
        var uses = SecretFlow.Analyze(flow.ExpressionSites.Single());
        uses.Select(u => u.Name + "=" + u.IsOnlyTested()).ShouldBe(new[] { "A=True", "B=True", "C=True", "D=True", "E=True", "F=False", "G=False", "H=False" });
    }

    [TestMethod]
    public void Root_origin_follows_set_and_for_variables_back_to_the_secret()
    {
        var flow = FlowTestHelper.Flow("id: f\nnamespace: n\ninputs:\n  - id: pw\n    type: SECRET\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: \"{% set a = inputs.pw %}{% set b = a %}{{ b }}{% for c in secret('S') %}{{ c }}{% endfor %}{% set d = 'x' %}{{ d }}\"\n");
        var uses = SecretFlow.Analyze(flow.ExpressionSites.Single());
        var printed = uses.Where(u => u.ReachesOutput).ToList();
        printed.Select(u => u.Name + ":" + u.Origin + ":" + u.RootOrigin(uses))
            .ShouldBe(new[] { "b:TemplateVariable:SecretInput", "c:TemplateVariable:SecretFunction" });
    }

    [TestMethod]
    public void Notification_and_script_types_are_recognised()
    {
        SecretSinks.IsNotificationPlugin("io.kestra.plugin.notifications.slack.SlackIncomingWebhook").ShouldBeTrue();
        SecretSinks.IsNotificationPlugin("io.kestra.plugin.slack.notifications.SlackExecution").ShouldBeTrue();
        SecretSinks.IsNotificationPlugin("io.kestra.plugin.microsoft365.teams.TeamsIncomingWebhook").ShouldBeTrue();
        SecretSinks.IsNotificationPlugin("io.kestra.plugin.acme.notifications.Pager").ShouldBeTrue();
        SecretSinks.IsNotificationPlugin("io.kestra.plugin.core.log.Log").ShouldBeFalse();
        SecretSinks.IsNotificationPlugin(null).ShouldBeFalse();

        SecretSinks.IsScriptLikeTask("io.kestra.plugin.scripts.python.Script").ShouldBeTrue();
        SecretSinks.IsScriptLikeTask("io.kestra.core.tasks.scripts.Bash").ShouldBeTrue();
        SecretSinks.IsScriptLikeTask("io.kestra.plugin.dbt.cli.DbtCLI").ShouldBeTrue();
        SecretSinks.IsScriptLikeTask("io.kestra.plugin.core.log.Log").ShouldBeFalse();

        SecretSinks.RunsInPosixShell("io.kestra.plugin.scripts.shell.Script", "script").ShouldBeTrue();
        SecretSinks.RunsInPosixShell("io.kestra.plugin.scripts.python.Script", "script").ShouldBeFalse();
        SecretSinks.RunsInPosixShell("io.kestra.plugin.scripts.python.Script", "beforeCommands").ShouldBeTrue();
        SecretSinks.RunsInPosixShell("io.kestra.plugin.scripts.powershell.Commands", "commands").ShouldBeFalse();

        SecretSinks.IsCredentialFieldName("routing_key").ShouldBeTrue();
        SecretSinks.IsCredentialFieldName("X-Auth-Token").ShouldBeTrue();
        SecretSinks.IsCredentialFieldName("text").ShouldBeFalse();
    }
}
