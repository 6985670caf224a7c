using System;
using System.Collections.Generic;

namespace Kestra.FlowLint.Knowledge;

/// <summary>
/// Places outside the core plugins where a rendered secret becomes visible, as data the secret rules read:
/// the text of a notification, the text of a script, and URLs that get logged.
/// </summary>
public static class SecretSinks
{
    /// <summary>
    /// Type prefixes of plugins that send a message to people or to an incident tool. Kestra 1.x moved most
    /// notification tasks out of <c>io.kestra.plugin.notifications.*</c> into one plugin per service
    /// (<c>io.kestra.plugin.slack.notifications.SlackIncomingWebhook</c>, <c>io.kestra.plugin.microsoft365.teams.*</c>),
    /// and the old names stay valid as aliases, so all of them are listed.
    /// </summary>
    public static readonly IReadOnlyList<string> NotificationTypePrefixes = new[]
    {
        Visibility.NotificationPluginPrefix,
        "io.kestra.plugin.slack.",
        "io.kestra.plugin.microsoft365.teams.",
        "io.kestra.plugin.discord.",
        "io.kestra.plugin.email.",
    };

    /// <summary>
    /// Properties of notification plugins whose rendered text is what the recipients read: message bodies, JSON
    /// payloads, titles, subjects, and the variables merged into the built-in templates. The webhook URL, the
    /// API token and the SMTP connection (<c>url</c>, <c>webhookUrl</c>, <c>token</c>, <c>host</c>,
    /// <c>username</c>, <c>password</c>…) are where a secret belongs and are not listed.
    /// </summary>
    public static IReadOnlyCollection<string> NotificationContentProperties => ContentPropertySet;

    private static readonly HashSet<string> ContentPropertySet = new(StringComparer.Ordinal)
    {
        // Slack, Discord, Teams, Google Chat, Telegram, WhatsApp, Zulip, Opsgenie, PagerDuty, Sentry… (raw JSON body)
        "payload",
        // Slack (1.x), generic chat
        "messageText", "text", "blocks",
        // Opsgenie, Zenduty, Twilio, Discord
        "message", "body", "content", "summary", "payloadSummary", "embedList",
        // *Execution tasks: extra text and fields added to the execution summary
        "customMessage", "customFields",
        // *Execution / *Template tasks: variables rendered into the message template
        "templateRenderMap",
        // mail (MailSend, SendGrid)
        "subject", "htmlTextContent", "plainTextContent",
        // Teams templates, incident titles
        "title", "activityTitle", "activitySubtitle",
        // Sentry: metadata stored with the event
        "extra",
    };

    /// <summary>
    /// Words that mark a JSON member of a raw notification <c>payload</c> as a credential the receiving API consumes
    /// rather than displays (PagerDuty's <c>routing_key</c>, an <c>api_key</c> or <c>token</c> field). Matched in the
    /// member name lower-cased, with <c>_</c> and <c>-</c> removed.
    /// </summary>
    public static readonly IReadOnlyList<string> CredentialFieldWords = new[] { "key", "token", "secret", "password", "passwd", "auth", "credential" };

    /// <summary>Deprecated pre-0.17 script tasks (<c>io.kestra.core.tasks.scripts.Bash</c>, <c>.Python</c>, <c>.Node</c>).</summary>
    public const string DeprecatedScriptPluginPrefix = "io.kestra.core.tasks.scripts.";

    /// <summary>
    /// Command-line wrappers of other plugins (<c>io.kestra.plugin.dbt.cli.DbtCLI</c>, <c>io.kestra.plugin.gcp.cli.GCloudCLI</c>,
    /// <c>io.kestra.plugin.aws.cli.AwsCLI</c>…) are built on the scripts plugin: the same <c>commands</c>,
    /// <c>beforeCommands</c> and <c>env</c>.
    /// </summary>
    public const string CliPackageSegment = ".cli.";

    /// <summary>Script families whose commands are not run by a POSIX shell, so <c>$NAME</c> does not read the environment.</summary>
    public static readonly IReadOnlyList<string> NonPosixShellScriptPrefixes = new[]
    {
        Visibility.ScriptPluginPrefix + "powershell.",
    };

    /// <summary>The script task whose <c>script</c> is itself shell code (other Script tasks hold Python, JavaScript…).</summary>
    public const string ShellScriptType = Visibility.ScriptPluginPrefix + "shell.Script";

    /// <summary>
    /// URL schemes whose query string and user-info a secret should stay out of: HTTP(S) and WebSocket URLs are
    /// logged by HTTP clients, proxies, access logs and Kestra's own <c>http.Request</c> at DEBUG; JDBC URLs end up in
    /// connection-pool and driver logs, and the JDBC plugins take <c>username</c>/<c>password</c> separately.
    /// Other schemes (<c>mongodb://</c>, <c>redis://</c>, <c>amqp://</c>) are not listed: their Kestra plugins accept
    /// credentials only inside the URI.
    /// </summary>
    public static readonly IReadOnlyList<string> LoggedUrlSchemes = new[] { "http", "https", "ws", "wss", "ftp", "ftps", "sftp" };

    /// <summary>The prefix of JDBC URLs (<c>jdbc:postgresql://…</c>, <c>jdbc:sqlserver://…;password=…</c>, <c>jdbc:oracle:thin:user/pass@…</c>).</summary>
    public const string JdbcPrefix = "jdbc:";

    /// <summary>Whether a plugin type sends notifications (see <see cref="NotificationTypePrefixes"/>).</summary>
    public static bool IsNotificationPlugin(string? type)
    {
        if (type is null) return false;
        foreach (var prefix in NotificationTypePrefixes)
            if (type.StartsWith(prefix, StringComparison.Ordinal)) return true;
        // Any other `….notifications.…` package (new per-service plugins keep that segment).
        return type.StartsWith("io.kestra.plugin.", StringComparison.Ordinal) && type.IndexOf(".notifications.", StringComparison.Ordinal) >= 0;
    }

    public static bool IsNotificationContentProperty(string property) => ContentPropertySet.Contains(property);

    /// <summary>Whether a payload's JSON member name names a credential (see <see cref="CredentialFieldWords"/>).</summary>
    public static bool IsCredentialFieldName(string name)
    {
        string normalized = name.Replace("_", string.Empty).Replace("-", string.Empty).ToLowerInvariant();
        foreach (var word in CredentialFieldWords)
            if (normalized.IndexOf(word, StringComparison.Ordinal) >= 0) return true;
        return false;
    }

    /// <summary>Whether a task type runs <see cref="Visibility.ScriptInlineProperties"/> as code: scripts, deprecated scripts, CLI wrappers.</summary>
    public static bool IsScriptLikeTask(string? type)
    {
        if (type is null) return false;
        return Visibility.IsScriptPlugin(type)
            || type.StartsWith(DeprecatedScriptPluginPrefix, StringComparison.Ordinal)
            || (type.StartsWith("io.kestra.plugin.", StringComparison.Ordinal) && type.IndexOf(CliPackageSegment, StringComparison.Ordinal) >= 0);
    }

    /// <summary>Whether a script property is run by a POSIX shell (so a secret can be read there as <c>"$NAME"</c>).</summary>
    public static bool RunsInPosixShell(string type, string property)
    {
        foreach (var prefix in NonPosixShellScriptPrefixes)
            if (type.StartsWith(prefix, StringComparison.Ordinal)) return false;
        return property switch
        {
            "commands" or "beforeCommands" => true,
            "script" => string.Equals(type, ShellScriptType, StringComparison.Ordinal),
            _ => false,
        };
    }

    public static bool IsInlineScriptProperty(string property)
    {
        foreach (var p in Visibility.ScriptInlineProperties)
            if (string.Equals(p, property, StringComparison.Ordinal)) return true;
        return false;
    }
}
