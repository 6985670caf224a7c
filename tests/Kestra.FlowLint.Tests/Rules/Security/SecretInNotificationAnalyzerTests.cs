using Kestra.FlowLint.Rules.Security;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Security;

[TestClass]
public class SecretInNotificationAnalyzerTests
{
    private const string Header = "id: f\nnamespace: company.team\ntasks:\n";

    [TestMethod]
    public void Every_scalar_style_of_a_message()
    {
        RuleVerifier.Verify(Header + """
              - id: plain
                type: io.kestra.plugin.slack.notifications.SlackIncomingWebhook
                url: https://hooks.slack.com/services/x
                messageText: Token {{ {|KF1006:secret('A')|} }}
              - id: single
                type: io.kestra.plugin.slack.notifications.SlackIncomingWebhook
                url: https://hooks.slack.com/services/x
                messageText: 'It''s {{ {|KF1006:secret(''B'')|} }}'
              - id: double
                type: io.kestra.plugin.slack.notifications.SlackIncomingWebhook
                url: https://hooks.slack.com/services/x
                messageText: "caf\u00e9 \"{{ {|KF1006:secret(\"C\")|} }}\""
              - id: literal
                type: io.kestra.plugin.notifications.slack.SlackIncomingWebhook
                url: https://hooks.slack.com/services/x
                payload: |
                  {
                    "text": "key {{ {|KF1006:secret('D')|} }}"
                  }
              - id: folded
                type: io.kestra.plugin.notifications.mail.MailSend
                host: smtp.example.com
                htmlTextContent: >-
                  Hello
                  {{ {|KF1006:secret('E')|} | upper }}
            """, "flow.yaml", "KF1006");
    }

    [TestMethod]
    public void Content_properties_of_the_known_notification_families()
    {
        RuleVerifier.Verify(Header + """
              - id: mail
                type: io.kestra.plugin.email.MailSend
                subject: "Report {{ {|KF1006:secret('SUBJECT')|} }}"
                plainTextContent: "{{ {|KF1006:secret('BODY')|} }}"
              - id: teams
                type: io.kestra.plugin.microsoft365.teams.TeamsExecution
                url: "{{ secret('TEAMS_WEBHOOK') }}"
                activityTitle: "{{ {|KF1006:secret('TITLE')|} }}"
                customFields:
                  token: "{{ {|KF1006:secret('FIELD')|} }}"
              - id: discord
                type: io.kestra.plugin.notifications.discord.DiscordExecution
                url: "{{ secret('DISCORD_WEBHOOK') }}"
                embedList:
                  - title: Done
                    description: "{{ {|KF1006:secret('EMBED')|} }}"
              - id: pager
                type: io.kestra.plugin.notifications.pagerduty.PagerDutyAlert
                url: https://events.pagerduty.com/v2/enqueue
                payload: '{"routing_key": "{{ secret(''ROUTING'') }}", "summary": "{{ {|KF1006:secret(''SUMMARY'')|} }}"}'
              - id: template
                type: io.kestra.plugin.notifications.slack.SlackExecution
                url: "{{ secret('SLACK_WEBHOOK') }}"
                templateRenderMap:
                  extra: "{{ {|KF1006:secret('VAR')|} }}"
            """, "flow.yaml", "KF1006").Count.ShouldBe(7);
    }

    [TestMethod]
    public void Secret_inputs_and_rendered_variables_in_a_message_are_secrets_too()
    {
        RuleVerifier.Verify("""
            id: f
            namespace: company.team
            inputs:
              - id: password
                type: SECRET
            variables:
              token: "{{ secret('T') }}"
            tasks:
              - id: notify
                type: io.kestra.plugin.slack.notifications.SlackIncomingWebhook
                url: "{{ secret('SLACK_WEBHOOK') }}"
                messageText: "{{ {|KF1006:inputs.password|} }} {{ {|KF1006:render(vars.token)|} }} {% set t = secret('S') %}{{ {|KF1006:t|} }}"
            """, "flow.yaml", "KF1006");
    }

    [TestMethod]
    public void Nested_flowable_tasks_error_handlers_and_finally()
    {
        RuleVerifier.Verify(Header + """
              - id: if
                type: io.kestra.plugin.core.flow.If
                condition: "{{ true }}"
                then:
                  - id: parallel
                    type: io.kestra.plugin.core.flow.Parallel
                    tasks:
                      - id: in_parallel
                        type: io.kestra.plugin.slack.SlackIncomingWebhook
                        url: https://hooks.slack.com/services/x
                        messageText: "{{ {|KF1006:secret('A')|} }}"
                else:
                  - id: switch
                    type: io.kestra.plugin.core.flow.Switch
                    value: "{{ 'x' }}"
                    cases:
                      x:
                        - id: each
                          type: io.kestra.plugin.core.flow.ForEach
                          values: [1, 2]
                          tasks:
                            - id: in_each
                              type: io.kestra.plugin.notifications.telegram.TelegramSend
                              token: "{{ secret('TELEGRAM_TOKEN') }}"
                              channel: "123"
                              payload: "{{ {|KF1006:secret('B')|} }}"
            errors:
              - id: on_error
                type: io.kestra.plugin.notifications.opsgenie.OpsgenieExecution
                url: https://api.opsgenie.com/v2/alerts
                message: "{{ {|KF1006:secret('C')|} }}"
            finally:
              - id: at_end
                type: io.kestra.plugin.notifications.zulip.ZulipIncomingWebhook
                url: "{{ secret('ZULIP') }}"
                payload: "{{ {|KF1006:secret('D')|} ~ '!' }}"
            afterExecution:
              - id: after
                type: io.kestra.plugin.notifications.sendgrid.SendGridMailSend
                sendgridApiKey: "{{ secret('SENDGRID') }}"
                htmlTextContent: "{{ {|KF1006:secret('E')|} }}"
            """, "flow.yaml", "KF1006");
    }

    [TestMethod]
    public void An_alias_is_reported_where_it_is_used()
    {
        RuleVerifier.Verify(Header + """
              - id: first
                type: io.kestra.plugin.core.log.Log
                message: &text "{{ secret('A') }}"
              - id: notify
                type: io.kestra.plugin.slack.notifications.SlackIncomingWebhook
                url: https://hooks.slack.com/services/x
                messageText: {|KF1006:*text|}
            """, "flow.yaml", "KF1006");
    }

    [TestMethod]
    public void Each_document_of_a_multi_document_file_is_checked()
    {
        RuleVerifier.Verify("""
            id: first
            namespace: company.team
            tasks:
              - id: notify
                type: io.kestra.plugin.slack.notifications.SlackIncomingWebhook
                url: https://hooks.slack.com/services/x
                messageText: "{{ {|KF1006:secret('A')|} }}"
            ---
            id: second
            namespace: company.team
            tasks:
              - id: notify
                type: io.kestra.plugin.slack.notifications.SlackIncomingWebhook
                url: https://hooks.slack.com/services/x
                messageText: "{{ {|KF1006:secret('B')|} }}"
            """, "flow.yaml", "KF1006");
    }

    [TestMethod]
    public void Connection_settings_and_unrendered_text_are_not_findings()
    {
        RuleVerifier.Verify("""
            id: f
            namespace: company.team
            description: "Never send {{ secret('X') }}"
            # messageText: "{{ secret('X') }}"
            tasks:
              - id: webhook
                type: io.kestra.plugin.slack.notifications.SlackIncomingWebhook
                description: "{{ secret('X') }}"
                url: "{{ secret('SLACK_WEBHOOK') }}"
                messageText: >
                  {# {{ secret('X') }} #} {% raw %}{{ secret('X') }}{% endraw %}
                  {% verbatim %}{{ secret('X') }}{% endverbatim %}
                  'secret(' is text; {{ "secret('X')" }}
                  {% if secret('X') is not empty %}configured{% endif %} {{ secret('X') == 'a' }}
                options:
                  headers:
                    Authorization: "Bearer {{ secret('X') }}"
              - id: teams
                type: io.kestra.plugin.microsoft365.teams.TeamsIncomingWebhook
                webhookUrl: "{{ secret('TEAMS_WEBHOOK') }}"
                payload: '{"text": "done"}'
              - id: mail
                type: io.kestra.plugin.notifications.mail.MailSend
                host: "{{ secret('SMTP_HOST') }}"
                username: "{{ secret('SMTP_USER') }}"
                password: "{{ secret('SMTP_PASSWORD') }}"
                subject: Report
              - id: not_a_notification
                type: io.kestra.plugin.core.http.Request
                uri: https://example.com
                body: "{{ secret('X') }}"
              - id: script
                type: io.kestra.plugin.scripts.shell.Commands
                env:
                  TOKEN: "{{ secret('X') }}"
                commands:
                  - echo done
            """, "flow.yaml", "KF1006");
    }

    [TestMethod]
    public void Message_names_the_property_and_the_task_but_no_value()
    {
        var found = RuleVerifier.Verify(Header + """
                  - id: notify
                    type: io.kestra.plugin.slack.notifications.SlackIncomingWebhook
                    url: https://hooks.slack.com/services/x
                    messageText: "key {{ {|KF1006:secret('API_KEY')|} | slice(0, 4) }}"
                """, "flow.yaml", "KF1006");
        found.Single().Message.ShouldBe("secret('API_KEY') is sent in the `messageText` of notification task 'notify', where every recipient can read it (even transformed by `| slice`, it is derived from the secret)");
        found.Single().Severity.ShouldBe(Kestra.FlowLint.Analysis.DiagnosticSeverity.Warning);
    }

    [TestMethod]
    public void The_documented_examples_behave()
    {
        RuleVerifier.Analyze(SecretInNotificationAnalyzer.Rule.BadExample!).Count(d => d.Id == "KF1006").ShouldBe(1);
        RuleVerifier.Analyze(SecretInNotificationAnalyzer.Rule.GoodExample!).ShouldNotContain(d => d.Id == "KF1006");
    }
}
