using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;

namespace Kestra.FlowLint.Rules.Security;

/// <summary>KF1006: a secret printed in the text of a Slack, Teams, Discord, mail… notification.</summary>
public sealed class SecretInNotificationAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF1006",
        "Secret in a notification's visible text",
        "{0} is sent in the `{1}` of notification task '{2}', where every recipient can read it{3}",
        Categories.Secrets,
        DiagnosticSeverity.Warning,
        "A notification's message, payload, subject or body is delivered to people and third-party services (Slack, Teams, Discord, mail, PagerDuty…), stored in their history and search indexes, and often forwarded. Kestra's secret masking applies only to its own execution logs; nothing masks what a notification sends. A secret belongs in the notification's connection settings (`url`, `webhookUrl`, `token`, SMTP `username`/`password`), never in the text the recipients read. FlowLint checks these properties of notification plugins (`io.kestra.plugin.notifications.*`, `io.kestra.plugin.slack.*`, `io.kestra.plugin.microsoft365.teams.*`, `io.kestra.plugin.discord.*`, `io.kestra.plugin.email.*` and any `*.notifications.*` package): `payload`, `messageText`, `text`, `blocks`, `message`, `body`, `content`, `summary`, `payloadSummary`, `embedList`, `customMessage`, `customFields`, `templateRenderMap`, `subject`, `htmlTextContent`, `plainTextContent`, `title`, `activityTitle`, `activitySubtitle` and `extra`. In a raw JSON `payload`, a secret that is the value of a credential member (`\"routing_key\"`, `\"api_key\"`, `\"token\"`) is consumed by the receiving API and is not flagged.",
        securitySeverity: "6.5",
        tags: new[] { "security", "secrets", "notifications" },
        badExample: "id: alert\nnamespace: company.team\ntasks:\n  - id: notify\n    type: io.kestra.plugin.slack.notifications.SlackIncomingWebhook\n    url: \"{{ secret('SLACK_WEBHOOK') }}\"\n    messageText: \"Deployed with token {{ secret('DEPLOY_TOKEN') }}\"\n",
        goodExample: "id: alert\nnamespace: company.team\ntasks:\n  - id: notify\n    type: io.kestra.plugin.slack.notifications.SlackIncomingWebhook\n    url: \"{{ secret('SLACK_WEBHOOK') }}\"\n    messageText: \"Deployed {{ flow.id }} (execution {{ execution.id }})\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterExpressionAction(context =>
    {
        var site = context.Site;
        if (!site.IsRendered || site.Task is not { } task) return;
        if (!SecretSinks.IsNotificationPlugin(task.CanonicalType) || !SecretSinks.IsNotificationContentProperty(site.PropertyName)) return;
        foreach (var use in SecretFlow.Analyze(site))
        {
            if (use.ReachesOutput && !(site.PropertyName == "payload" && IsJsonCredentialMember(use)))
                context.ReportInTemplate(Rule, use.Span, null, use.Display, site.PropertyName, task.Id ?? "?", TransformNote(use));
        }
    });

    /// <summary>
    /// `"routing_key": "{{ secret('PD') }}"` in a raw payload is a credential the service's API consumes (PagerDuty
    /// reads its routing key from the body), not text anyone reads.
    /// </summary>
    private static bool IsJsonCredentialMember(SecretUse use)
    {
        if (use.LiteralTextAround() is not { } around) return false;
        string before = around.Before;
        int i = before.Length - 1;
        if (i >= 0 && before[i] == '"') i--;
        while (i >= 0 && char.IsWhiteSpace(before[i])) i--;
        if (i < 0 || before[i] != ':') return false;
        i--;
        while (i >= 0 && char.IsWhiteSpace(before[i])) i--;
        if (i < 0 || before[i] != '"') return false;
        int nameEnd = i;
        int nameStart = before.LastIndexOf('"', nameEnd - 1) + 1;
        return nameStart > 0 && SecretSinks.IsCredentialFieldName(before.Substring(nameStart, nameEnd - nameStart));
    }

    /// <summary>Nothing masks a notification, so a transform matters only as information, not as a masking bypass.</summary>
    private static string TransformNote(SecretUse use) =>
        use.FirstMaskDefeatingTransform is { } t ? $" (even transformed by `{t.Display}`, it is derived from the secret)" : string.Empty;
}
