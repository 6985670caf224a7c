using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Reporting;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Rules.Security;
using Kestra.FlowLint.Tests.Support;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Rules.Security;

[TestClass]
public class HardcodedCredentialAnalyzerTests
{
    private const string Header = "id: f\nnamespace: company.team\ntasks:\n";

    [TestMethod]
    public void All_five_scalar_styles_are_reported_at_the_credential() => Verify(Header + """
          - id: styles
            type: io.kestra.plugin.jdbc.postgresql.Query
            sql: SELECT 1
            password: {|KF1009:Zq8mW2vLp4|}
            apiKey: '{|KF1009:Kd83''jfUw02|}'
            secret: "{|KF1009:Tq7\u0041rN4kXb|}"
            accessToken: |
              {|KF1009:Hq82nfLs0qPz|}
            clientSecret: >-
              {|KF1009:Wm39dkQa71Lx|}
        """);

    [TestMethod]
    public void Private_keys_in_block_scalars_are_reported_from_begin_to_end() => Verify(Header + """
          - id: ssh
            type: io.kestra.plugin.fs.ssh.Command
            host: example.com
            privateKey: |
              {|KF1009:-----BEGIN OPENSSH PRIVATE KEY-----
              b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
              QyNTUxOQAAACDmF4kq0yX8Lr2fz3cVb7Qw9nT1aEs6pY5uR0iH2jKlMw==
              -----END OPENSSH PRIVATE KEY-----|}
            commands: [ls]
          - id: inline
            type: io.kestra.plugin.scripts.shell.Commands
            commands:
              - |
                cat > key.pem <<'EOF'
                {|KF1009:-----BEGIN PRIVATE KEY-----
                MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj
                -----END PRIVATE KEY-----|}
                EOF
        """);

    [TestMethod]
    public void Aliases_are_reported_where_the_name_makes_them_credentials() => Verify("""
        id: f
        namespace: company.team
        variables:
          shared: &pw Tq7rN4kXbW
          gh: &gh {|KF1009:ghp_Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5|}
        tasks:
          - id: first
            type: io.kestra.plugin.jdbc.postgresql.Query
            sql: SELECT 1
            password: {|KF1009:*pw|}
          - id: second
            type: io.kestra.plugin.core.http.Request
            uri: https://api.github.com
            options: *gh
            auth:
              type: BEARER
              token: {|KF1009:*gh|}
        """);

    [TestMethod]
    public void Nested_tasks_errors_and_finally_are_searched() => Verify(Header + """
          - id: if
            type: io.kestra.plugin.core.flow.If
            condition: "{{ true }}"
            then:
              - id: in_then
                type: io.kestra.plugin.core.http.Request
                uri: https://example.com
                auth:
                  type: BASIC
                  username: admin
                  password: {|KF1009:Pq93mdKs02|}
            else:
              - id: in_else
                type: io.kestra.plugin.core.http.Request
                uri: https://example.com
                headers:
                  X-Api-Key: {|KF1009:Lw02kdMq83nf|}
          - id: switch
            type: io.kestra.plugin.core.flow.Switch
            value: a
            cases:
              a:
                - id: in_case
                  type: io.kestra.plugin.scripts.shell.Commands
                  env:
                    DB_PASSWORD: {|KF1009:Xv63jdNq20|}
                  commands: [env]
            defaults:
              - id: in_default
                type: io.kestra.plugin.scripts.shell.Commands
                env:
                  GITHUB_TOKEN: {|KF1009:Mq82jfLs92nd|}
                commands: [env]
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: [1, 2]
            tasks:
              - id: parallel
                type: io.kestra.plugin.core.flow.Parallel
                tasks:
                  - id: in_parallel
                    type: io.kestra.plugin.notifications.slack.SlackIncomingWebhook
                    url: {|KF1009:https://hooks.slack.com/services/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|}
        errors:
          - id: on_error
            type: io.kestra.plugin.aws.s3.Upload
            accessKeyId: {|KF1009:AKIAZ7QW3RT5YU8IOP2M|}
            secretKeyId: {|KF1009:wJ8rXUtnFE2I/K7MDnG/bPxRfiCYqK93mdPq02Ls|}
            region: eu-west-1
        finally:
          - id: at_end
            type: io.kestra.plugin.gcp.bigquery.Query
            serviceAccount: '{|KF1009:{"type": "service_account", "private_key_id": "3f9a"}|}'
        """);

    [TestMethod]
    public void Plugin_defaults_triggers_variables_and_input_defaults_are_searched() => Verify("""
        id: f
        namespace: company.team
        variables:
          db:
            password: {|KF1009:Ld82nfQz01|}
          region: eu-west-1
        inputs:
          - id: api_token
            type: STRING
            defaults: {|KF1009:Hd82kdPq0aZm|}
          - id: user
            type: STRING
            defaults: admin
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hello
        pluginDefaults:
          - type: io.kestra.plugin.jdbc
            values:
              password: {|KF1009:Rk29fjWqLm|}
          - type: io.kestra.plugin.core.trigger.Webhook
            values:
              key: {|KF1009:Vb72kdLs91Qw|}
          - type: io.kestra.plugin.core.kv.Get
            values:
              key: orders_per_day
        triggers:
          - id: hook
            type: io.kestra.core.models.triggers.types.Webhook
            key: {|KF1009:4wjtkzwVGBM9yKnjm3yv8r|}
          - id: templated
            type: io.kestra.plugin.core.trigger.Webhook
            key: "{{ secret('WEBHOOK_KEY') }}"
        """);

    [TestMethod]
    public void Every_document_of_a_multi_document_file_is_searched() => Verify("""
        id: first
        namespace: company.team
        tasks:
          - id: q
            type: io.kestra.plugin.jdbc.mysql.Query
            password: {|KF1009:Qm39dkLs02|}
        ---
        id: second
        namespace: company.team
        tasks:
          - id: q
            type: io.kestra.plugin.jdbc.mysql.Query
            password: {|KF1009:Ws82mfKq71|}
        """);

    [TestMethod]
    public void Urls_connection_strings_and_headers_report_only_the_credential() => Verify(Header + """
          - id: postgres
            type: io.kestra.plugin.jdbc.postgresql.Query
            url: jdbc:postgresql://app:{|KF1009:Rk29fjWq|}@db:5432/app?sslmode=require&password={|KF1009:Ve71nbQx|}
            sql: SELECT 1
          - id: sqlserver
            type: io.kestra.plugin.jdbc.sqlserver.Query
            url: "jdbc:sqlserver://db:1433;databaseName=app;user=app;password={|KF1009:Nd72mfLq|};encrypt=true"
            sql: SELECT 1
          - id: mongo
            type: io.kestra.plugin.mongodb.Find
            connection:
              uri: "mongodb+srv://{{ inputs.user }}:{|KF1009:Mq83ndKs|}@cluster0.example.net/db"
            database: db
            collection: c
          - id: http
            type: io.kestra.plugin.core.http.Request
            uri: https://api.example.com/v1?api_key={|KF1009:Kd83jfUw02nd|}&page=2&token={{ secret('T') }}
            headers:
              Authorization: Bearer {|KF1009:Jq83nfKd92mdLs|}
              Proxy-Authorization: Basic {|KF1009:YWRtaW46czNjcjN0|}
          - id: curl
            type: io.kestra.plugin.scripts.shell.Commands
            commands:
              - 'curl -H "Authorization: Bearer {|KF1009:Zm92kdLs83nfQp|}" https://example.com'
              - curl -u "$USER:$PASS" https://user:{|KF1009:Pw73jdMq|}@example.com/x
        """);

    [TestMethod]
    public void False_positive_traps_are_not_findings() => Verify("""
        id: f
        namespace: company.team
        description: "Tokens look like ghp_Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5; never commit one."
        # token: ghp_Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5
        inputs:
          - id: password
            type: SECRET
            description: "password: Zq8mW2vLp4"
          - id: password_length
            type: INT
            defaults: 12
          - id: api_token
            type: SECRET
            defaults: Hd82kdPq0aZm
          - id: api_key
            type: SELECT
            values: [Nq72kdLs, Pz83mfKq]
            defaults: Nq72kdLs
          - id: token
            type: INT
            defaults: 3600
        variables:
          passwordLength: 12
          tokenUrl: https://auth.example.com/oauth/token
          secretName: DB_PASSWORD
          apiKeyHeader: X-Api-Key
          keyId: 3f9a21
          tokenExpiry: 3600
          token: 3600
          useSecret: true
          nextPageToken: CgNiYXIQAQ
          privateKeyFile: /keys/id_rsa
          serviceAccount: etl@project.iam.gserviceaccount.com
          maxTokens: 1024
        tasks:
          - id: q
            type: io.kestra.plugin.jdbc.postgresql.Query
            # password: Zq8mW2vLp4
            password: "{{ secret('DB') }}"
            sql: SELECT 1
          - id: placeholders
            type: io.kestra.plugin.core.http.Request
            uri: https://user:{{ secret('PASSWORD') }}@example.com?token={{ secret('T') }}&api_key=${API_KEY}
            headers:
              Authorization: "Bearer {{ secret('T') }}"
              X-Api-Key: "{{ kv('API_KEY') }}"
              X-Auth-Token: "{{ envs.token }}"
              Proxy-Authorization: Bearer
            auth:
              password: "{{ inputs.password }}"
              token: <your-token>
          - id: more_placeholders
            type: io.kestra.plugin.scripts.shell.Commands
            env:
              PWD: /home/kestra
              DB_PASSWORD: ""
              API_KEY:
              SECRET: ~
              TOKEN: xxx
              PASS_WORD: "***"
              GITHUB_TOKEN: your-token-here
              SLACK_TOKEN: TODO
              ADMIN_PASSWORD: changeme
              ROOT_PASSWORD: change-me
              USER_PASSWORD: ${USER_PASSWORD}
              OTHER_PASSWORD: $OTHER_PASSWORD
              JDBC_PASSWORD: password
              AWS_ACCESS_KEY_ID: AKIAIOSFODNN7EXAMPLE
              GH: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
            commands:
              - curl -X POST https://hooks.slack.com/services/xxxxx
              - 'curl -H "Authorization: Bearer $TOKEN" https://example.com'
              - psql postgres://user:password@localhost/db
          - id: kv
            type: io.kestra.plugin.core.kv.Set
            key: my_key
            value: hello
        """);

    [TestMethod]
    public void Message_says_what_and_how_long_and_where()
    {
        var found = Verify(Header + """
              - id: postgres
                type: io.kestra.plugin.jdbc.postgresql.Query
                password: {|KF1009:Zq8mW2vLp4|}
                sql: SELECT 1
            """);
        var d = found.Single();
        d.Message.ShouldBe("A literal password (10 characters, shown as ****) is hard-coded in `password` of task 'postgres'");
        LineFormats.Text(d).ShouldBe("flow.yaml:6:15: error[KF1009]: A literal password (10 characters, shown as ****) is hard-coded in `password` of task 'postgres'");
        d.OwnerPath.ShouldBe("tasks:postgres/password");
        d.Properties.ShouldBeEmpty();
    }

    [TestMethod]
    public void A_format_under_an_innocuous_name_is_named_by_its_format()
    {
        var found = Verify(Header + """
              - id: build
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - git clone https://x-access-token:{|KF1009:ghp_Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5|}@github.com/org/repo
            """);
        found.Single().Message.ShouldBe("A GitHub personal access token (40 characters, shown as ****) is hard-coded in `commands[0]` of task 'build'");
    }

    private static readonly string[] PlantedValues =
    {
        "Zq8mW2vLp4", "Kd83'jfUw02", "Hq82nfLs0qPz", "Rk29fjWq", "Ve71nbQx", "Jq83nfKd92mdLs",
        "ghp_Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5", "AKIAZ7QW3RT5YU8IOP2M", "4wjtkzwVGBM9yKnjm3yv8r",
        "xoxb-2038475610-9283746502-Hq8Rk2mW9xT4vL7n", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJrZXN0cmEifQ.Qm83ndKs02LwPz71jdMq",
    };

    [TestMethod]
    public void No_output_carries_any_three_characters_of_a_planted_value()
    {
        var findings = RuleVerifier.Analyze("""
            id: f
            namespace: company.team
            triggers:
              - id: hook
                type: io.kestra.plugin.core.trigger.Webhook
                key: 4wjtkzwVGBM9yKnjm3yv8r
            tasks:
              - id: q
                type: io.kestra.plugin.jdbc.postgresql.Query
                password: Zq8mW2vLp4
                apiKey: 'Kd83''jfUw02'
                accessToken: |
                  Hq82nfLs0qPz
                url: jdbc:postgresql://app:Rk29fjWq@db/app?password=Ve71nbQx
                headers:
                  Authorization: Bearer Jq83nfKd92mdLs
                sql: SELECT 1
              - id: s
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo ghp_Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5 AKIAZ7QW3RT5YU8IOP2M
                  - "echo xoxb-2038475610-9283746502-Hq8Rk2mW9xT4vL7n"
                  - "echo eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJrZXN0cmEifQ.Qm83ndKs02LwPz71jdMq"
            """).Where(d => d.Id == "KF1009").ToList();
        findings.Count.ShouldBe(PlantedValues.Length);

        var outputs = new List<string>();
        foreach (var d in findings)
        {
            outputs.Add(d.Message);
            outputs.Add(d.ToString());
            outputs.Add(LineFormats.Text(d));
            outputs.Add(LineFormats.MsBuild(d));
            outputs.Add(d.OwnerPath);
            outputs.AddRange(d.Properties.Keys);
            outputs.AddRange(d.Properties.Values);
            outputs.AddRange(d.Fixes.Select(f => f.Title));
            outputs.AddRange(d.Fixes.SelectMany(f => f.Edits).Select(e => e.NewText));
        }
        foreach (var value in PlantedValues)
        {
            for (int i = 0; i + 3 <= value.Length; i++)
            {
                string piece = value.Substring(i, 3);
                foreach (var output in outputs)
                    output.Contains(piece, StringComparison.Ordinal).ShouldBeFalse($"an output holds '{piece}' of a planted value: {output}");
            }
        }
    }

    [TestMethod]
    public void A_key_that_reads_like_a_command_is_not_printed()
    {
        // An unquoted `curl -u user:pw@host -H "Authorization: …"` list item is a YAML mapping; its key holds a password.
        var found = Verify(Header + """
              - id: s
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - curl -u admin:Lq82md@example.com -H "Authorization: Bearer {|KF1009:Wm39dkQa71LxPz|}" https://example.com
            """);
        var d = found.Single();
        d.Message.ShouldBe("A literal bearer token (14 characters, shown as ****) is hard-coded in `commands[0].…` of task 's'");
        d.OwnerPath.ShouldBe("tasks:s/commands[0]/…");
    }

    [TestMethod]
    public void The_fix_replaces_the_whole_value_with_a_secret_named_after_the_owner_and_is_not_safe()
    {
        string yaml = Header + """
              - id: postgres
                type: io.kestra.plugin.jdbc.postgresql.Query
                password: 'Zq8mW2vLp4'
                sql: SELECT 1
            """;
        var d = RuleVerifier.Analyze(yaml).Single(x => x.Id == "KF1009");
        var fix = d.Fixes.Single();
        fix.Title.ShouldBe("Replace with {{ secret('POSTGRES_PASSWORD') }}");
        fix.IsSafe.ShouldBeFalse();
        string fixedText = Apply(yaml, fix);
        fixedText.ShouldContain("    password: \"{{ secret('POSTGRES_PASSWORD') }}\"\n");
        RuleVerifier.Analyze(fixedText).Where(x => x.Id == "KF1009").ShouldBeEmpty();
    }

    [TestMethod]
    public void The_fix_inside_a_larger_value_keeps_the_rest_and_the_quoting()
    {
        string yaml = Header + """
              - id: build
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - 'git clone https://x:ghp_Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5@github.com/o/r'
                  - "curl -H 'Authorization: Bearer Zm92kdLs83nfQp' https://example.com"
            """;
        var findings = RuleVerifier.Analyze(yaml).Where(x => x.Id == "KF1009").ToList();
        findings.Count.ShouldBe(2);
        findings[0].Fixes.Single().Title.ShouldBe("Replace with {{ secret('GITHUB_TOKEN') }}");
        findings[1].Fixes.Single().Title.ShouldBe("Replace with {{ secret('BUILD_TOKEN') }}");
        string fixedText = Apply(Apply(yaml, findings[1].Fixes.Single()), findings[0].Fixes.Single());
        fixedText.ShouldContain("- 'git clone https://x:{{ secret(\"GITHUB_TOKEN\") }}@github.com/o/r'\n");
        fixedText.ShouldContain("- \"curl -H 'Authorization: Bearer {{ secret('BUILD_TOKEN') }}' https://example.com\"");
        RuleVerifier.Analyze(fixedText).Where(x => x.Id == "KF1009").ShouldBeEmpty();
    }

    [TestMethod]
    public void Secret_names_come_from_the_property_or_its_owner()
    {
        var titles = RuleVerifier.Analyze("""
            id: f
            namespace: company.team
            variables:
              db:
                password: Ld82nfQz01
            inputs:
              - id: api_token
                type: STRING
                defaults: Hd82kdPq0aZm
            tasks:
              - id: call-api
                type: io.kestra.plugin.core.http.Request
                uri: https://example.com
                headers:
                  X-Api-Key: Lw02kdMq83nf
                  Authorization: Bearer Jq83nfKd92mdLs
                options:
                  clientSecret: Xv63jdNq20Lp
            triggers:
              - id: hook
                type: io.kestra.plugin.core.trigger.Webhook
                key: Vb72kdLs91Qw
            """).Where(d => d.Id == "KF1009").OrderBy(d => d.Location.Span.Start).Select(d => d.Fixes.Single().Title).ToList();
        titles.ShouldBe(new[]
        {
            "Replace with {{ secret('DB_PASSWORD') }}",
            "Replace with {{ secret('API_TOKEN') }}",
            "Replace with {{ secret('API_KEY') }}",
            "Replace with {{ secret('CALL_API_TOKEN') }}",
            "Replace with {{ secret('CLIENT_SECRET') }}",
            "Replace with {{ secret('F_WEBHOOK_KEY') }}",
        });
    }

    [TestMethod]
    public void No_fix_where_the_value_is_not_rendered_or_reached_through_an_alias()
    {
        var findings = RuleVerifier.Analyze("""
            id: f
            namespace: company.team
            tasks:
              - id: a
                type: io.kestra.plugin.jdbc.postgresql.Query
                password: &pw Zq8mW2vLp4
                sql: SELECT 1
              - id: b
                type: io.kestra.plugin.jdbc.postgresql.Query
                password: *pw
                sql: SELECT 1
                description: x
            """).Where(x => x.Id == "KF1009").OrderBy(x => x.Location.Span.Start).ToList();
        findings.Count.ShouldBe(2);
        findings[0].Fixes.Count.ShouldBe(1);
        findings[1].Fixes.ShouldBeEmpty();
    }

    [TestMethod]
    public void Extra_sensitive_names_come_from_the_rule_options()
    {
        const string yaml = "id: f\nnamespace: company.team\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.http.Request\n    uri: https://example.com\n    options:\n      pin: 8372\n      db-credential: Nq82kdLs\n";
        RuleVerifier.Analyze(yaml).Where(d => d.Id == "KF1009").ShouldBeEmpty();

        var options = new AnalyzerOptions
        {
            RuleOptions = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase)
            {
                ["KF1009"] = new Dictionary<string, string> { [HardcodedCredentialAnalyzer.ExtraSensitiveNamesOption] = "PIN, dbCredential" },
            },
        };
        var driver = new AnalysisDriver(RuleCatalog.CreateAnalyzers(), options);
        var text = new SourceText(yaml, "flow.yaml");
        var found = driver.AnalyzeText(text).Diagnostics.Where(d => d.Id == "KF1009").ToList();
        found.Select(d => FlowTestHelper.Position(text, d.Location.Span.Start) + " " + text.ToString(d.Location.Span).Length)
            .ShouldBe(new[] { "8:12 4", "9:22 8" });
        found[0].Message.ShouldStartWith("A literal credential (4 characters");
    }

    [TestMethod]
    [DataRow("AKIA" + "Z7QW3RT5YU8IOP2M", "An AWS access key ID")]
    [DataRow("ASIA" + "Z7QW3RT5YU8IOP2M", "An AWS access key ID")]
    [DataRow("ghp_" + "Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5", "A GitHub personal access token")]
    [DataRow("gho_" + "Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5", "A GitHub OAuth token")]
    [DataRow("ghu_" + "Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5", "A GitHub app user token")]
    [DataRow("ghs_" + "Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5", "A GitHub app installation token")]
    [DataRow("ghr_" + "Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5", "A GitHub refresh token")]
    [DataRow("github_pat_" + "11ABCDEFG0aB3dE5gH7jK9_mN1pQ3sT5vW7yZ9bC1dF3hJ5kL7nP9rS1uW3yA5cE7gI9kM1oQ3sU5wY7aC9eG2", "A GitHub fine-grained personal access token")]
    [DataRow("glpat-" + "x8Yz2Kq9Lm4Np7Rs1Tv3", "A GitLab personal access token")]
    [DataRow("xoxb-" + "2038475610-9283746502-Hq8Rk2mW9xT4vL7n", "A Slack token")]
    [DataRow("xoxp-" + "2038475610-9283746502-Hq8Rk2mW9xT4vL7n", "A Slack token")]
    [DataRow("https://hooks.slack.com/services/" + "T04AB7C9D/B05EF2G4H/q8Rk2mW9xT4vL7nP3sJ6hY1z", "A Slack webhook URL")]
    [DataRow("https://discord.com/api/webhooks/" + "123456789012345678/q8Rk2mW9xT4vL7nP3sJ6hY1zq8Rk2mW9xT4vL7nP3sJ6hY1zq8Rk2mW9xT4vL7nP3s", "A Discord webhook URL")]
    [DataRow("AIza" + "SyB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3h", "A Google API key")]
    [DataRow("sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc", "A Stripe live secret key")]
    [DataRow("rk_live_" + "4eC39HqLyjWDarjtT1zdp7dc", "A Stripe live restricted key")]
    [DataRow("eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiJrZXN0cmEifQ.Qm83ndKs02LwPz71jdMq", "A JSON Web Token")]
    [DataRow("npm_" + "Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5", "An npm access token")]
    [DataRow("pypi-AgEIcHlwaS5vcmc" + "CJDk2ZjE0NzYtYjM0Ni00YzE1LWE2NTAtMWUwZGQ0ZmNhNWNkAAIqWzMsIjk0", "A PyPI API token")]
    [DataRow("sk-proj-" + "Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5kL7nP9rS", "An OpenAI API key")]
    [DataRow("sk-ant-" + "api03-Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5kL7nP9", "An Anthropic API key")]
    [DataRow("hf_" + "AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh", "A Hugging Face token")]
    [DataRow("dapi" + "0123456789abcdef0123456789abcdef", "A Databricks access token")]
    [DataRow("dckr_pat_" + "Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9", "A Docker Hub access token")]
    [DataRow("SG." + "Ab3dE5gH7jK9mN1pQ3sT5v.Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5kL7nP9r", "A SendGrid API key")]
    [DataRow("shpat_" + "0123456789abcdef0123456789abcdef", "A Shopify access token")]
    public void Known_formats_are_found_anywhere_under_any_name(string token, string description)
    {
        var found = Verify(Header + $$"""
              - id: s
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - |
                    echo start
                    run --with {|KF1009:{{token}}|} now
            """);
        found.Single().Message.ShouldStartWith(description + " (" + token.Length + " characters, shown as ****)");
    }

    [TestMethod]
    public void Azure_keys_in_connection_strings_report_the_key_only() => Verify(Header + """
          - id: blob
            type: io.kestra.plugin.azure.storage.blob.Upload
            connectionString: "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={|KF1009:Q2x4bTlrTHM4M25mUXAwMmtkTXE4M25mS2QyMmxzOHF3ZXJ0eXVpb3A=|};EndpointSuffix=core.windows.net"
            container: c
            name: n
            from: f
        """);

    [TestMethod]
    [DataRow("password")]
    [DataRow("Password")]
    [DataRow("PASSWORD")]
    [DataRow("db_password")]
    [DataRow("dbPassword")]
    [DataRow("dbpassword")]
    [DataRow("POSTGRES_PASSWORD")]
    [DataRow("ssl.key.password")]
    [DataRow("passwd")]
    [DataRow("pwd")]
    [DataRow("DB_PASS")]
    [DataRow("token")]
    [DataRow("accessToken")]
    [DataRow("access_token")]
    [DataRow("oauthToken")]
    [DataRow("X-Auth-Token")]
    [DataRow("apiKey")]
    [DataRow("api_key")]
    [DataRow("apikey")]
    [DataRow("api-key")]
    [DataRow("X-API-Key")]
    [DataRow("secret")]
    [DataRow("secretKey")]
    [DataRow("secretKeyId")]
    [DataRow("clientSecret")]
    [DataRow("accessKeyId")]
    [DataRow("AWS_SECRET_ACCESS_KEY")]
    [DataRow("privateKey")]
    [DataRow("private_key")]
    [DataRow("serviceAccount")]
    [DataRow("Authorization")]
    [DataRow("spark.hadoop.fs.s3a.secret.key")]
    [DataRow("passphrase")]
    [DataRow("accountKey")]
    public void Sensitive_names(string name) => Kestra.FlowLint.Knowledge.CredentialPatterns.ClassifyName(name).ShouldNotBeNull();

    [TestMethod]
    [DataRow("passwordLength")]
    [DataRow("password_policy")]
    [DataRow("tokenUrl")]
    [DataRow("tokenExpiry")]
    [DataRow("secretName")]
    [DataRow("apiKeyHeader")]
    [DataRow("keyId")]
    [DataRow("key")]
    [DataRow("privateKeyFile")]
    [DataRow("nextPageToken")]
    [DataRow("page_token")]
    [DataRow("maxTokens")]
    [DataRow("max_token")]
    [DataRow("bypass")]
    [DataRow("pass")]
    [DataRow("oldpwd")]
    [DataRow("publicKey")]
    [DataRow("tokenizer")]
    [DataRow("username")]
    [DataRow("description")]
    public void Names_that_describe_rather_than_hold_a_credential(string name) => Kestra.FlowLint.Knowledge.CredentialPatterns.ClassifyName(name).ShouldBeNull();

    [TestMethod]
    [DataRow("")]
    [DataRow("   ")]
    [DataRow("<password>")]
    [DataRow("<your token>")]
    [DataRow("[REDACTED]")]
    [DataRow("{password}")]
    [DataRow("${DB_PASSWORD}")]
    [DataRow("$DB_PASSWORD")]
    [DataRow("$(cat /run/secrets/pw)")]
    [DataRow("%DB_PASSWORD%")]
    [DataRow("__PASSWORD__")]
    [DataRow("xxx")]
    [DataRow("XXXXXXXX")]
    [DataRow("***")]
    [DataRow("...")]
    [DataRow("0000")]
    [DataRow("your-token-here")]
    [DataRow("YOUR_API_KEY")]
    [DataRow("yourpassword")]
    [DataRow("insert_key_here")]
    [DataRow("replace-with-real-key")]
    [DataRow("TODO")]
    [DataRow("changeme")]
    [DataRow("change-me")]
    [DataRow("CHANGE_ME")]
    [DataRow("changeit")]
    [DataRow("password")]
    [DataRow("Token")]
    [DataRow("my-example-key")]
    [DataRow("AKIAIOSFODNN7EXAMPLE")]
    public void Placeholders(string value) => Kestra.FlowLint.Knowledge.CredentialPatterns.IsPlaceholder(value, 0, value.Length).ShouldBeTrue();

    [TestMethod]
    [DataRow("Zq8mW2vLp4")]
    [DataRow("Admin1234")]
    [DataRow("mysql_passwd")]
    [DataRow("a-secret-key")]
    [DataRow("s3cr3t")]
    [DataRow("hunter2")]
    [DataRow("set4life")]
    [DataRow("correct horse battery staple")]
    public void Not_placeholders(string value) => Kestra.FlowLint.Knowledge.CredentialPatterns.IsPlaceholder(value, 0, value.Length).ShouldBeFalse();

    [TestMethod]
    public void The_documented_examples_behave_as_documented()
    {
        var rule = HardcodedCredentialAnalyzer.Rule;
        rule.SecuritySeverity.ShouldBe("9.0");
        rule.DefaultSeverity.ShouldBe(DiagnosticSeverity.Error);
        var bad = RuleVerifier.Analyze(rule.BadExample!).Where(d => d.Id == "KF1009").ToList();
        bad.Count.ShouldBe(1);
        bad[0].Location.LineSpan.Start.Line.ShouldBe(7);
        RuleVerifier.Analyze(rule.GoodExample!).Where(d => d.Id == "KF1009").ShouldBeEmpty();
    }

    // The path argument makes the verifier check KF1009 even where a fixture has no marker (no finding expected).
    private static IReadOnlyList<Diagnostic> Verify(string markup) => RuleVerifier.Verify(markup, "flow.yaml", "KF1009");

    private static string Apply(string text, CodeFix fix)
    {
        foreach (var edit in fix.Edits.OrderByDescending(e => e.Span.Start))
            text = text.Substring(0, edit.Span.Start) + edit.NewText + text.Substring(edit.Span.End);
        return text;
    }
}
