using System;
using System.Collections.Generic;
using System.Threading;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Pebble;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Rules.Security;

/// <summary>
/// KF1009: a credential written in the flow: a literal under a sensitive property name, or a value in a
/// well-known credential format anywhere. Messages say what and how long, never any character of it.
/// </summary>
public sealed class HardcodedCredentialAnalyzer : FlowAnalyzer
{
    public const string ExtraSensitiveNamesOption = "extraSensitiveNames";

    public static readonly DiagnosticDescriptor Rule = new(
        "KF1009",
        "Hard-coded credential",
        "{0} ({1}, shown as ****) is hard-coded in {2}",
        Categories.Secrets,
        DiagnosticSeverity.Error,
        "A credential written in a flow is readable by everyone who can read the flow: in Git, in the Kestra UI and API, in revisions that keep it after it is removed, and in every export. Kestra never masks it in logs, because only values returned by `secret()` are masked. Store it as a Kestra secret and reference it with `{{ secret('NAME') }}` (or a SECRET input), then rotate the exposed value.\n\n" +
        "Reported: a literal value (no `{{ }}` producing it) under a property named like a credential (`password`, `passwd`, `pwd`, `token`, `apiKey`, `secret`, `secretKey`, `clientSecret`, `accessKeyId`, `secretKeyId`, `privateKey`, `passphrase`, `Authorization`, a `serviceAccount` JSON key…, in any case and camelCase/snake_case/kebab-case form, with a qualifier such as `db_password` or `X-Api-Key`), a Webhook trigger's `key`, and input `defaults` of inputs named so; a password inline in a URL (`user:pass@`) or in a connection string or URL query (`password=`, `api_key=`); and, anywhere in the flow (inside a script, a block scalar, under any name), well-known credential formats: AWS access key IDs, GitHub, GitLab, Slack, npm, PyPI, Docker Hub, Hugging Face, Databricks, Shopify, SendGrid, OpenAI and Anthropic tokens, Slack and Discord webhook URLs, Google API keys, Stripe live keys, Azure account keys, JSON Web Tokens, private key blocks and `Authorization:` headers.\n\n" +
        "Not reported: values produced by Pebble (`{{ secret('X') }}`, `{{ inputs.pw }}`, `{{ kv('K') }}`, `{{ envs.x }}`), empty values, placeholders (`<password>`, `${VAR}`, `$VAR`, `xxx`, `***`, `your-token-here`, `TODO`, `changeme`, `change-me`, a value that only names what belongs there such as `password`), booleans, numbers under token-like names (a TTL or a size), names that describe a credential rather than hold one (`passwordLength`, `tokenUrl`, `secretName`, `apiKeyHeader`, `keyId`, `privateKeyFile`, `nextPageToken`), a `pwd` that is a directory, a `serviceAccount` that is an e-mail, `description` values, YAML comments, and the default of a SECRET input (KF1010 reports it). `changeme` and the like are placeholders, not findings: the risk is the real value that replaces them, which this rule then reports.\n\n" +
        "Option `extraSensitiveNames` (comma-separated) adds property names, matched like the built-in ones. The fix offered in editors replaces the value by `{{ secret('NAME') }}` with a name derived from where it sits; it is never applied by `--fix`, because the secret must exist first.",
        securitySeverity: "9.0",
        tags: new[] { "security", "secrets", "credentials" },
        badExample: "id: sync\nnamespace: company.team\ntasks:\n  - id: postgres\n    type: io.kestra.plugin.jdbc.postgresql.Query\n    url: jdbc:postgresql://db:5432/app\n    username: app\n    password: Pr0d-Passw0rd!\n    sql: SELECT 1\n",
        goodExample: "id: sync\nnamespace: company.team\ntasks:\n  - id: postgres\n    type: io.kestra.plugin.jdbc.postgresql.Query\n    url: jdbc:postgresql://db:5432/app\n    username: app\n    password: \"{{ secret('POSTGRES_PASSWORD') }}\"\n    sql: SELECT 1\n",
        redactSource: true);

    private ExtraNames? _extraNames;

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterValueAction(Analyze);

    private void Analyze(ExpressionAnalysisContext context)
    {
        var site = context.Site;
        string value = site.Value;
        string? key = CredentialSites.PropertyKey(site);
        if (key == "description") return;
        // A SECRET input's literal default is KF1010's finding, whatever it looks like.
        if (site.Input?.Type == "SECRET" && site.RelativePath is "defaults" or "prefill") return;

        // One list per thread, cleared for each value: almost every value matches nothing.
        var matches = _matches ??= new List<CredentialMatch>();
        matches.Clear();
        CredentialPatterns.FindKnownFormats(value, matches);
        if ((key is not null && CredentialPatterns.IsConnectionName(key)) || value.StartsWith("jdbc:", StringComparison.OrdinalIgnoreCase))
            CredentialPatterns.FindParameters(value, 0, value.Length, "in a connection string", matches);
        CredentialSites.RemoveOverlaps(matches);

        // A value reached through an alias is reported where its anchor is written; only its name is new here.
        if (site.ViaAlias is null)
        {
            foreach (var match in matches)
                Report(context, match.Start, match.Length, match.Description, match.SecretName);
        }

        var name = CredentialSites.SensitiveNameOf(site, key, ExtraSensitiveNames(context.Options));
        if (name is null || !CredentialSites.TryGetLiteral(site, name, out int start, out int length, out string noun, out string secretName)) return;
        string description = "a literal " + noun;
        foreach (var match in matches)
        {
            if (match.Start < start + length && start < match.End)
            {
                if (site.ViaAlias is null) return;
                description = match.Description;
            }
        }
        Report(context, start, length, description, secretName);
    }

    [ThreadStatic] private static List<CredentialMatch>? _matches;

    private static void Report(ExpressionAnalysisContext context, int start, int length, string description, string secretName)
    {
        var site = context.Site;
        string name = CredentialSites.SecretName(site, secretName);
        context.Report(Rule, site.MapToSource(new TextSpan(start, length)), CredentialSites.Redacted(site.OwnerPath), SecretReferenceFix.Create(site, start, length, name),
            char.ToUpperInvariant(description[0]) + description.Substring(1),
            length == 1 ? "1 character" : length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters",
            CredentialSites.Where(site));
    }

    private IReadOnlyList<SensitiveName> ExtraSensitiveNames(AnalyzerOptions options)
    {
        var cached = Volatile.Read(ref _extraNames);
        if (cached is not null && ReferenceEquals(cached.Options, options)) return cached.Names;
        var parsed = new ExtraNames(options, CredentialPatterns.ParseNames(options.GetRuleOption(Rule.Id, ExtraSensitiveNamesOption)));
        Volatile.Write(ref _extraNames, parsed);
        return parsed.Names;
    }

    private sealed class ExtraNames
    {
        public ExtraNames(AnalyzerOptions options, IReadOnlyList<SensitiveName> names)
        {
            Options = options;
            Names = names;
        }

        public AnalyzerOptions Options { get; }
        public IReadOnlyList<SensitiveName> Names { get; }
    }
}
