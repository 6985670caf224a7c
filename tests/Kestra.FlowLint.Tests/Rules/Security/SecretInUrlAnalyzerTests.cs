using Kestra.FlowLint.Rules.Security;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Security;

[TestClass]
public class SecretInUrlAnalyzerTests
{
    private const string Header = "id: f\nnamespace: company.team\ntasks:\n";

    [TestMethod]
    public void Query_strings_in_every_scalar_style()
    {
        RuleVerifier.Verify(Header + """
              - id: plain
                type: io.kestra.plugin.core.http.Request
                uri: https://api.example.com/v1?api_key={{ {|KF1008:secret('A')|} }}
              - id: single
                type: io.kestra.plugin.core.http.Request
                uri: 'https://api.example.com/v1?q=a&key={{ {|KF1008:secret(''B'')|} }}'
              - id: double
                type: io.kestra.plugin.core.http.Request
                uri: "HTTPS://api.example.com/caf\u00e9?key={{ {|KF1008:secret(\"C\")|} | urlencode }}"
              - id: literal
                type: io.kestra.plugin.scripts.shell.Commands
                env:
                  X: "1"
                commands:
                  - |
                    curl -s \
                      "https://api.example.com/items?page=2&token={{ {|KF1008:secret('D')|} }}"
              - id: folded
                type: io.kestra.plugin.core.http.Download
                uri: >-
                  https://files.example.com/export.csv?signature={{ {|KF1008:secret('E')|} }}&expires=60
            """, "flow.yaml", "KF1008");
    }

    [TestMethod]
    public void User_info_and_jdbc_urls()
    {
        RuleVerifier.Verify(Header + """
              - id: basic
                type: io.kestra.plugin.core.http.Request
                uri: "https://{{ {|KF1008:secret('USER')|} }}:{{ {|KF1008:secret('PASSWORD')|} }}@api.example.com/v1"
              - id: postgres
                type: io.kestra.plugin.jdbc.postgresql.Query
                url: "jdbc:postgresql://db.example.com:5432/app?user=app&password={{ {|KF1008:secret('PG')|} }}&sslmode=require"
                sql: select 1
              - id: sqlserver
                type: io.kestra.plugin.jdbc.sqlserver.Query
                url: "jdbc:sqlserver://db.example.com:1433;databaseName=app;password={{ {|KF1008:secret('MS')|} }}"
                sql: select 1
              - id: mysql
                type: io.kestra.plugin.jdbc.mysql.Query
                url: "jdbc:mysql://app:{{ {|KF1008:secret('MY')|} }}@db.example.com/app"
                sql: select 1
              - id: oracle
                type: io.kestra.plugin.jdbc.oracle.Query
                url: "jdbc:oracle:thin:app/{{ {|KF1008:secret('ORA')|} }}@db.example.com:1521:orcl"
                sql: select 1
              - id: concatenated
                type: io.kestra.plugin.core.http.Request
                uri: "{{ 'https://api.example.com/v1?key=' ~ {|KF1008:secret('K')|} }}"
            """, "flow.yaml", "KF1008");
    }

    [TestMethod]
    public void Nested_tasks_triggers_plugin_defaults_aliases_and_documents()
    {
        RuleVerifier.Verify("""
            id: first
            namespace: company.team
            tasks:
              - id: parallel
                type: io.kestra.plugin.core.flow.Parallel
                tasks:
                  - id: switch
                    type: io.kestra.plugin.core.flow.Switch
                    value: a
                    cases:
                      a:
                        - id: call
                          type: io.kestra.plugin.core.http.Request
                          uri: &uri "https://api.example.com?token={{ {|KF1008:secret('A')|} }}"
              - id: again
                type: io.kestra.plugin.core.http.Request
                uri: {|KF1008:*uri|}
            errors:
              - id: report
                type: io.kestra.plugin.core.http.Request
                uri: "https://hooks.example.com/report?key={{ {|KF1008:secret('B')|} }}"
            triggers:
              - id: poll
                type: io.kestra.plugin.core.http.Trigger
                uri: "https://api.example.com/status?token={{ {|KF1008:secret('C')|} }}"
            pluginDefaults:
              - type: io.kestra.plugin.core.http.Request
                values:
                  uri: "https://api.example.com/?key={{ {|KF1008:secret('D')|} }}"
            ---
            id: second
            namespace: company.team
            tasks:
              - id: call
                type: io.kestra.plugin.core.http.Request
                uri: "https://api.example.com?token={{ {|KF1008:secret('E')|} }}"
            """, "flow.yaml", "KF1008");
    }

    [TestMethod]
    public void Hosts_paths_whole_urls_headers_and_unrendered_text_are_not_findings()
    {
        RuleVerifier.Verify("""
            id: f
            namespace: company.team
            description: "Call https://api.example.com?key={{ secret('X') }}"
            # uri: "https://api.example.com?key={{ secret('X') }}"
            variables:
              endpoint: "https://api.example.com?key={{ secret('X') }}"
            tasks:
              - id: host
                type: io.kestra.plugin.jdbc.postgresql.Query
                url: "jdbc:postgresql://{{ secret('HOST') }}:5432/app"
                username: "{{ secret('USER') }}"
                password: "{{ secret('PASSWORD') }}"
                sql: select 1
              - id: path
                type: io.kestra.plugin.core.http.Request
                uri: "https://api.telegram.org/bot{{ secret('BOT') }}/sendMessage"
              - id: whole
                type: io.kestra.plugin.slack.notifications.SlackIncomingWebhook
                url: "{{ secret('SLACK_WEBHOOK') }}"
                messageText: done
              - id: header
                type: io.kestra.plugin.core.http.Request
                uri: https://api.example.com?page=1
                description: "https://api.example.com?key={{ secret('X') }}"
                headers:
                  Authorization: "Bearer {{ secret('X') }}"
              - id: others
                type: io.kestra.plugin.core.http.Request
                uri: >
                  https://api.example.com/#frag={{ secret('X') }}
                  mongodb://app:{{ secret('X') }}@db.example.com
                  https://user@{{ secret('X') }}/x {{ base }}?key={{ secret('X') }}
                  {# https://api.example.com?key={{ secret('X') }} #}
                  {% raw %}https://api.example.com?key={{ secret('X') }}{% endraw %}
                  https://api.example.com?key={% verbatim %}{{ secret('X') }}{% endverbatim %}
                  https://api.example.com?key={{ "secret('X')" }}
                  https://api.example.com?ok={{ secret('X') is not empty }}
            """, "flow.yaml", "KF1008");
    }

    [TestMethod]
    public void Message_names_the_url_part_the_scheme_and_the_property()
    {
        var found = RuleVerifier.Verify(Header + """
                  - id: call
                    type: io.kestra.plugin.core.http.Request
                    uri: "https://api.example.com/v1?api_key={{ {|KF1008:secret('API_KEY')|} }}"
                  - id: db
                    type: io.kestra.plugin.jdbc.mysql.Query
                    url: "jdbc:mysql://app:{{ {|KF1008:secret('DB')|} }}@db/app"
                """, "flow.yaml", "KF1008");
        found[0].Message.ShouldBe("secret('API_KEY') is put in the query string of a URL (`https://…`) in `uri`, and URLs end up in logs; send it in a header or the task's authentication properties instead");
        found[1].Message.ShouldBe("secret('DB') is put in the user-info of a URL (`jdbc:…`) in `url`, and URLs end up in logs; pass it in the task's `password` (or `username`) property instead");
    }

    [TestMethod]
    public void The_documented_examples_behave()
    {
        RuleVerifier.Analyze(SecretInUrlAnalyzer.Rule.BadExample!).Count(d => d.Id == "KF1008").ShouldBe(1);
        RuleVerifier.Analyze(SecretInUrlAnalyzer.Rule.GoodExample!).ShouldNotContain(d => d.Id == "KF1008");
    }
}
