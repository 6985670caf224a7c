using System;
using System.Collections.Generic;
using System.Text;

namespace Kestra.FlowLint.Knowledge;

/// <summary>What a sensitive property's value must look like to be a credential.</summary>
public enum CredentialValueShape
{
    /// <summary>Any literal; numbers count (`password: 1234`), spaces too (passphrases), line breaks do not (prose).</summary>
    Password,

    /// <summary>One run of non-blank characters; a bare number is metadata (a TTL, a count), not a token.</summary>
    Token,

    /// <summary>Key material, possibly multi-line; a file path is not key material.</summary>
    PrivateKey,

    /// <summary>Only a JSON key (inline or base64) is a credential; an e-mail or a path names an account.</summary>
    ServiceAccountKey,

    /// <summary>An HTTP Authorization value: `Bearer …`, `Basic …`, or a bare credential.</summary>
    Authorization,
}

/// <summary>
/// A property name that holds a credential, as normalised words (`api_key`), with the noun messages use.
/// A key matches when its normalised form ends with these words (`db_password`, `X-Api-Key`), or, for
/// names written as one lowercase word, ends with them glued (`dbpassword`, `accesstoken`).
/// </summary>
public sealed class SensitiveName
{
    public SensitiveName(string normalized, string noun, CredentialValueShape shape, bool matchesGlued = true, bool needsQualifier = false,
        bool numbersCount = false, IReadOnlyList<string>? excludedQualifiers = null)
    {
        Normalized = normalized;
        Noun = noun;
        Shape = shape;
        MatchesGlued = matchesGlued;
        NeedsQualifier = needsQualifier;
        NumbersCount = numbersCount || shape == CredentialValueShape.Password;
        ExcludedQualifiers = excludedQualifiers ?? Array.Empty<string>();
        _glued = normalized.Replace("_", string.Empty);
    }

    private readonly string _glued;

    /// <summary>Lowercase words joined by `_`.</summary>
    public string Normalized { get; }

    /// <summary>What the value is, for messages: "password", "API key".</summary>
    public string Noun { get; }

    public CredentialValueShape Shape { get; }

    /// <summary>Whether a plain number is a credential under this name.</summary>
    public bool NumbersCount { get; }

    /// <summary>Whether `dbpassword` (one lowercase word) matches `password`; off for short words (`bypass`, `oldpwd`).</summary>
    public bool MatchesGlued { get; }

    /// <summary>The name alone is too vague (`pass`); it needs a word before it (`db_pass`).</summary>
    public bool NeedsQualifier { get; }

    /// <summary>Words that, just before the name, make it metadata (`page_token`, `next_token`).</summary>
    public IReadOnlyList<string> ExcludedQualifiers { get; }

    /// <summary>Whether the normalised key is this name, ends with it, or (glued) ends with its letters.</summary>
    public bool Matches(string normalizedKey)
    {
        if (normalizedKey == Normalized) return !NeedsQualifier;
        int qualifierEnd;
        if (normalizedKey.Length > Normalized.Length && normalizedKey[normalizedKey.Length - Normalized.Length - 1] == '_'
            && normalizedKey.EndsWith(Normalized, StringComparison.Ordinal))
        {
            qualifierEnd = normalizedKey.Length - Normalized.Length - 1;
        }
        else if (MatchesGlued && normalizedKey.EndsWith(_glued, StringComparison.Ordinal)
            && normalizedKey.LastIndexOf('_') < normalizedKey.Length - _glued.Length
            // `apikey` is `api_key` written as one word; `dbpassword` is `password` with a qualifier glued on.
            && (normalizedKey.Length > _glued.Length || _glued.Length != Normalized.Length))
        {
            qualifierEnd = normalizedKey.Length - _glued.Length;
        }
        else
        {
            return false;
        }
        if (ExcludedQualifiers.Count == 0) return true;
        // The qualifier is the word (or glued letters) just before the name.
        int qualifierStart = qualifierEnd == 0 ? 0 : normalizedKey.LastIndexOf('_', qualifierEnd - 1) + 1;
        foreach (var excluded in ExcludedQualifiers)
        {
            if (qualifierEnd - qualifierStart >= excluded.Length
                && string.CompareOrdinal(normalizedKey, qualifierEnd - excluded.Length, excluded, 0, excluded.Length) == 0
                && (qualifierEnd - qualifierStart == excluded.Length || MatchesGlued))
                return false;
        }
        return true;
    }

    public override string ToString() => Normalized;
}

/// <summary>A credential found in a value: a range of the decoded value, what it is, and a secret name to suggest.</summary>
public readonly struct CredentialMatch
{
    public CredentialMatch(int start, int length, string description, string secretName, bool isKnownFormat = false)
    {
        Start = start;
        Length = length;
        Description = description;
        SecretName = secretName;
        IsKnownFormat = isKnownFormat;
    }

    public int Start { get; }
    public int Length { get; }
    public int End => Start + Length;

    /// <summary>What was found, never the value: "a GitHub personal access token".</summary>
    public string Description { get; }

    /// <summary>The name of the secret to move it to: conventional (GITHUB_TOKEN), or one word (PASSWORD) for the owner to qualify.</summary>
    public string SecretName { get; }

    /// <summary>A well-known format (a GitHub token, a private key), more precise than a generic form (a URL password) it overlaps.</summary>
    public bool IsKnownFormat { get; }
}

/// <summary>
/// Credential knowledge as data: property names that hold credentials, the formats of well-known tokens,
/// and what a placeholder looks like. Matching is hand-written (no regular expressions): one pass over a value
/// looks up each character in a table of anchors (literal prefixes such as `ghp_`, `://`, `-----BEGIN `), and a
/// detector checks the body of each candidate character by character.
/// </summary>
public static class CredentialPatterns
{
    /// <summary>Kestra's Webhook trigger; its `key` is the only protection of the endpoint (kestra-domain.md §3.7).</summary>
    public const string WebhookTriggerType = "io.kestra.plugin.core.trigger.Webhook";

    public const string WebhookKeyProperty = "key";

    public static readonly SensitiveName WebhookKey = new("webhook_key", "webhook key", CredentialValueShape.Token, numbersCount: true);

    // Pagination cursors and limits are called tokens too.
    private static readonly string[] TokenMetadata =
        { "page", "next", "continuation", "sync", "cancellation", "resume", "csrf", "xsrf", "max", "min", "num", "total", "pagination", "cursor", "idempotency" };

    /// <summary>
    /// Names whose literal value is a credential, longest first so the most precise noun wins. A name ending in
    /// another word is metadata about the credential (`passwordLength`, `tokenUrl`, `secretName`, `apiKeyHeader`,
    /// `keyId`, `privateKeyFile`), except Kestra's AWS `accessKeyId`/`secretKeyId`, listed as such.
    /// </summary>
    public static readonly IReadOnlyList<SensitiveName> SensitiveNames = new[]
    {
        new SensitiveName("service_account_key", "service account key", CredentialValueShape.ServiceAccountKey),
        new SensitiveName("secret_access_key", "AWS secret access key", CredentialValueShape.Token),
        new SensitiveName("service_account", "service account key", CredentialValueShape.ServiceAccountKey),
        new SensitiveName("access_key_id", "access key ID", CredentialValueShape.Token),
        // Kestra's AWS plugins call the secret access key `secretKeyId`.
        new SensitiveName("secret_key_id", "AWS secret access key", CredentialValueShape.Token),
        new SensitiveName("encryption_key", "encryption key", CredentialValueShape.Token),
        new SensitiveName("authorization", "Authorization header credential", CredentialValueShape.Authorization, matchesGlued: false),
        new SensitiveName("client_secret", "client secret", CredentialValueShape.Token),
        new SensitiveName("signing_key", "signing key", CredentialValueShape.Token),
        new SensitiveName("account_key", "account key", CredentialValueShape.Token),
        new SensitiveName("private_key", "private key", CredentialValueShape.PrivateKey),
        new SensitiveName("access_key", "access key", CredentialValueShape.Token),
        new SensitiveName("secret_key", "secret key", CredentialValueShape.Token),
        new SensitiveName("master_key", "master key", CredentialValueShape.Token),
        new SensitiveName("passphrase", "passphrase", CredentialValueShape.Password),
        new SensitiveName("shared_key", "shared key", CredentialValueShape.Token),
        new SensitiveName("auth_key", "authentication key", CredentialValueShape.Token),
        new SensitiveName("password", "password", CredentialValueShape.Password),
        new SensitiveName("app_key", "application key", CredentialValueShape.Token),
        new SensitiveName("api_key", "API key", CredentialValueShape.Token),
        new SensitiveName("passwd", "password", CredentialValueShape.Password),
        new SensitiveName("secret", "secret", CredentialValueShape.Token),
        new SensitiveName("token", "token", CredentialValueShape.Token, excludedQualifiers: TokenMetadata),
        new SensitiveName("pass", "password", CredentialValueShape.Password, matchesGlued: false, needsQualifier: true),
        new SensitiveName("pwd", "password", CredentialValueShape.Password, matchesGlued: false),
    };

    /// <summary>
    /// Lowercase words joined by `_`, across camelCase, PascalCase, snake_case, kebab-case, dots and spaces:
    /// `accessKeyId` → `access_key_id`, `X-API-Key` → `x_api_key`, `AWS_SECRET_ACCESS_KEY` → `aws_secret_access_key`.
    /// Digits stay with the word before them (`oauth2Token` → `oauth2_token`).
    /// </summary>
    public static string NormalizeName(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (sb.Length > 0 && sb[sb.Length - 1] != '_') sb.Append('_');
                continue;
            }
            if (char.IsUpper(c) && sb.Length > 0 && sb[sb.Length - 1] != '_' && i > 0)
            {
                char prev = name[i - 1];
                bool next = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(prev) || char.IsDigit(prev) || (char.IsUpper(prev) && next)) sb.Append('_');
            }
            sb.Append(char.ToLowerInvariant(c));
        }
        if (sb.Length > 0 && sb[sb.Length - 1] == '_') sb.Length--;
        return sb.ToString();
    }

    /// <summary>The sensitive name a property key matches (built-in or extra), or null.</summary>
    public static SensitiveName? ClassifyName(string key, IReadOnlyList<SensitiveName>? extra = null)
    {
        // Every value of a flow asks; most keys (`type`, `commands`, `uri`) are ruled out by their last two letters.
        if (!EndsLikeOneOf(key, SensitiveEndings, extra)) return null;
        if (extra is { Count: > 0 }) return Classify(key, extra);
        // The same few hundred keys come back in every flow: remember the answers.
        return ClassifiedNames.GetOrAdd(key, static k => Classify(k, null));
    }

    private static readonly BoundedAnswers<SensitiveName?> ClassifiedNames = new(4096);

    private static SensitiveName? Classify(string key, IReadOnlyList<SensitiveName>? extra)
    {
        string normalized = NormalizeName(key);
        if (normalized.Length == 0) return null;
        if (extra != null)
            foreach (var name in extra)
                if (name.Matches(normalized)) return name;
        foreach (var name in SensitiveNames)
            if (name.Matches(normalized)) return name;
        return null;
    }

    private static readonly HashSet<int> SensitiveEndings = EndingsOf(SensitiveNames);

    private static HashSet<int> EndingsOf(IEnumerable<SensitiveName> names)
    {
        var endings = new HashSet<int>();
        foreach (var name in names) endings.Add(Ending(name.Normalized, name.Normalized.Length));
        return endings;
    }

    // The last two letters or digits, lowercased, as one number: the same for a key and its normalised form.
    private static int Ending(string s, int end)
    {
        int last = -1, before = -1;
        for (int i = end - 1; i >= 0 && before < 0; i--)
        {
            if (!char.IsLetterOrDigit(s[i])) continue;
            if (last < 0) last = char.ToLowerInvariant(s[i]);
            else before = char.ToLowerInvariant(s[i]);
        }
        return (before << 16) | (last & 0xFFFF);
    }

    private static bool EndsLikeOneOf(string key, HashSet<int> endings, IReadOnlyList<SensitiveName>? extra)
    {
        int ending = Ending(key, key.Length);
        if (endings.Contains(ending)) return true;
        if (extra != null)
            foreach (var name in extra)
                if (Ending(name.Normalized, name.Normalized.Length) == ending) return true;
        return false;
    }

    /// <summary>Extra names from configuration (`extraSensitiveNames: "pin, dbCredential"`), matched like the built-in ones.</summary>
    public static IReadOnlyList<SensitiveName> ParseNames(string? commaSeparated)
    {
        var names = new List<SensitiveName>();
        if (string.IsNullOrEmpty(commaSeparated)) return names;
        foreach (var part in commaSeparated!.Split(','))
        {
            string normalized = NormalizeName(part.Trim());
            if (normalized.Length > 0) names.Add(new SensitiveName(normalized, "credential", CredentialValueShape.Password));
        }
        return names;
    }

    private static readonly HashSet<int> ConnectionEndings = new() { Ending("url", 3), Ending("uri", 3), Ending("dsn", 3), Ending("connection", 10), Ending("string", 6) };

    /// <summary>Names of values that are connection strings or URLs, where `password=…` parameters are looked for.</summary>
    public static bool IsConnectionName(string key)
    {
        if (!EndsLikeOneOf(key, ConnectionEndings, null)) return false;
        string n = NormalizeName(key);
        return n is "url" or "uri" or "dsn" or "connection"
            || n.EndsWith("_url", StringComparison.Ordinal) || n.EndsWith("_uri", StringComparison.Ordinal)
            || n.EndsWith("_dsn", StringComparison.Ordinal) || n.EndsWith("connection", StringComparison.Ordinal)
            || n.EndsWith("connection_string", StringComparison.Ordinal) || n.EndsWith("jdbcurl", StringComparison.Ordinal);
    }

    // ---- placeholders ----

    private static readonly HashSet<string> PlaceholderWords = new(StringComparer.Ordinal)
    {
        // Instructions to replace the value.
        "changeme", "changeit", "replaceme", "todo", "tbd", "fixme", "placeholder", "redacted", "masked", "hidden",
        "none", "null", "nil", "undefined", "notset", "unset", "na", "empty", "dummy", "sample", "example",
        "foo", "bar", "baz", "foobar",
        // A value that only names what it should be.
        "secret", "password", "passwd", "pass", "pwd", "pw", "token", "apikey", "apitoken", "accesstoken", "secretkey",
        "accesskey", "privatekey", "clientsecret", "key", "credential", "credentials", "webhookkey",
    };

    private static readonly string[] PlaceholderFragments = { "example", "placeholder", "changeme", "replaceme", "redacted", "xxxx" };

    // `replace-with-key`, `enter_password`; weaker verbs only with an instruction after them (`set-me`, `put-your-key`).
    private static readonly string[] InstructionVerbs = { "replace", "insert", "enter", "paste", "fill", "change" };
    private static readonly string[] WeakInstructionVerbs = { "put", "add", "set", "use" };

    /// <summary>
    /// Whether a range of a value is a placeholder rather than a credential: empty, a reference in another syntax
    /// (`${VAR}`, `$VAR`, `%VAR%`, `&lt;password&gt;`, `[TOKEN]`, `{password}`), mask or filler characters (`***`, `xxxx`,
    /// `...`, one repeated character), an instruction (`changeme`, `change-me`, `TODO`, `your-token-here`,
    /// `replace_with_key`, `AKIA…EXAMPLE`), or just the name of what belongs there (`password`, `token`).
    /// </summary>
    public static bool IsPlaceholder(string value, int start, int length)
    {
        int end = start + length;
        while (start < end && char.IsWhiteSpace(value[start])) start++;
        while (end > start && char.IsWhiteSpace(value[end - 1])) end--;
        if (start == end) return true;

        char first = value[start], last = value[end - 1];
        if (end - start >= 2 && ((first == '<' && last == '>') || (first == '[' && last == ']') || (first == '%' && last == '%')))
            return true;
        // `{password}` is a format placeholder; `{"type": …}` is JSON.
        if (end - start >= 3 && first == '{' && last == '}' && IsIdentifier(value, start + 1, end - 1))
            return true;
        if (first == '$' && end - start >= 2 && (value[start + 1] is '{' or '(' || IsIdentifier(value, start + 1, end)))
            return true;
        if (end - start >= 4 && value[start] == '_' && value[start + 1] == '_' && value[end - 1] == '_' && value[end - 2] == '_')
            return true;

        // Letters and digits only, lowercased: "Your-Token_HERE" → "yourtokenhere".
        var letters = new StringBuilder(end - start);
        char only = '\0';
        bool oneCharacter = true;
        for (int i = start; i < end; i++)
        {
            char c = value[i];
            if (!char.IsLetterOrDigit(c)) continue;
            char lower = char.ToLowerInvariant(c);
            letters.Append(lower);
            if (only == '\0') only = lower;
            else if (only != lower) oneCharacter = false;
        }
        // Only punctuation (`***`, `...`, `-`), one repeated character (`xxxxxx`, `0000`).
        if (letters.Length == 0 || oneCharacter) return true;

        string joined = letters.ToString();
        if (PlaceholderWords.Contains(joined)) return true;
        foreach (var fragment in PlaceholderFragments)
            if (joined.IndexOf(fragment, StringComparison.Ordinal) >= 0) return true;
        if (joined.StartsWith("your", StringComparison.Ordinal)) return true;

        var words = NormalizeName(value.Substring(start, end - start)).Split('_');
        if (words.Length >= 2)
        {
            if (words[words.Length - 1] == "here") return true;
            foreach (var w in words)
                if (w is "your" or "yours") return true;
            if (Array.IndexOf(InstructionVerbs, words[0]) >= 0) return true;
            if (Array.IndexOf(WeakInstructionVerbs, words[0]) >= 0 && words[1] is "me" or "with" or "the" or "a" or "real" or "actual") return true;
        }
        return false;
    }

    private static bool IsIdentifier(string value, int start, int end)
    {
        for (int i = start; i < end; i++)
            if (!(char.IsLetterOrDigit(value[i]) || value[i] == '_')) return false;
        return true;
    }

    /// <summary>Whether a token's body is filler (`ghp_xxxx…`, `AKIA…EXAMPLE`): at most three distinct characters or an example marker.</summary>
    private static bool IsFillerBody(string value, int start, int end)
    {
        int distinct = 0;
        Span<bool> seen = stackalloc bool[128];
        for (int i = start; i < end; i++)
        {
            char c = value[i];
            if (c < 128 && !seen[c])
            {
                seen[c] = true;
                distinct++;
            }
        }
        if (distinct <= 3) return true;
        string body = value.Substring(start, end - start);
        return body.IndexOf("example", StringComparison.OrdinalIgnoreCase) >= 0 || body.IndexOf("xxxx", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    // ---- known formats ----

    [Flags]
    private enum Chars
    {
        Upper = 1,
        Lower = 2,
        Digit = 4,
        Underscore = 8,
        Dash = 16,
        Alnum = Upper | Lower | Digit,
        UpperDigit = Upper | Digit,
        Word = Alnum | Underscore,
        Base64Url = Alnum | Underscore | Dash,
    }

    private static bool Is(char c, Chars set) =>
        (c is >= 'A' and <= 'Z' && (set & Chars.Upper) != 0)
        || (c is >= 'a' and <= 'z' && (set & Chars.Lower) != 0)
        || (c is >= '0' and <= '9' && (set & Chars.Digit) != 0)
        || (c == '_' && (set & Chars.Underscore) != 0)
        || (c == '-' && (set & Chars.Dash) != 0);

    private static bool IsAlnum(char c) => Is(c, Chars.Alnum);

    // The end of the run of `set` characters starting at `i`.
    private static int Run(string v, int i, Chars set)
    {
        while (i < v.Length && Is(v[i], set)) i++;
        return i;
    }

    // A run of min..max characters of `set` from `i` that is not followed by another one; its end, or -1.
    private static int RunBetween(string v, int i, Chars set, int min, int max)
    {
        int end = Run(v, i, set);
        int length = end - i;
        return length >= min && length <= max ? end : -1;
    }

    private static bool HasDigit(string v, int start, int end)
    {
        for (int i = start; i < end; i++)
            if (v[i] is >= '0' and <= '9') return true;
        return false;
    }

    /// <summary>
    /// Where a detector starts: a literal prefix (`ghp_`, `://`, `-----BEGIN `), found in one pass over the value by
    /// its first character. The detector returns the index to resume scanning at (past what it reported), or -1.
    /// </summary>
    private sealed class Anchor
    {
        public Anchor(string prefix, bool ignoreCase, Func<string, int, List<CredentialMatch>, int> detect)
        {
            Prefix = prefix;
            IgnoreCase = ignoreCase;
            Detect = detect;
        }

        public string Prefix { get; }
        public bool IgnoreCase { get; }
        public Func<string, int, List<CredentialMatch>, int> Detect { get; }

        // Every prefix has at least three characters; the second one rules most candidates out cheaply.
        public bool IsAt(string v, int i)
        {
            if (i + Prefix.Length > v.Length) return false;
            char second = v[i + 1];
            if (IgnoreCase ? char.ToLowerInvariant(second) != char.ToLowerInvariant(Prefix[1]) : second != Prefix[1]) return false;
            return string.Compare(v, i, Prefix, 0, Prefix.Length, IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) == 0;
        }
    }

    /// <summary>A token format: its prefix, what it is, the conventional secret name, and where its body ends (or -1).</summary>
    private sealed class TokenFormat
    {
        public TokenFormat(string prefix, string description, string secretName, Func<string, int, int> matchEnd)
        {
            Prefix = prefix;
            Description = description;
            SecretName = secretName;
            MatchEnd = matchEnd;
        }

        public string Prefix { get; }
        public string Description { get; }
        public string SecretName { get; }

        /// <summary>Given where the prefix starts, the end of the token, or -1.</summary>
        public Func<string, int, int> MatchEnd { get; }
    }

    private static readonly TokenFormat[] TokenFormats = BuildTokenFormats();

    private static TokenFormat[] BuildTokenFormats()
    {
        var formats = new List<TokenFormat>();
        // Most formats are a prefix and a run of one alphabet with a length range.
        void Add(string prefix, string description, string secretName, Chars body, int min, int max) =>
            formats.Add(new TokenFormat(prefix, description, secretName, (v, at) => RunBetween(v, at + prefix.Length, body, min, max)));
        void AddCustom(string prefix, string description, string secretName, Func<string, int, int> matchEnd) =>
            formats.Add(new TokenFormat(prefix, description, secretName, matchEnd));

        Add("AKIA", "an AWS access key ID", "AWS_ACCESS_KEY_ID", Chars.UpperDigit, 16, 16);
        Add("ASIA", "an AWS access key ID", "AWS_ACCESS_KEY_ID", Chars.UpperDigit, 16, 16);
        Add("ghp_", "a GitHub personal access token", "GITHUB_TOKEN", Chars.Alnum, 36, 251);
        Add("gho_", "a GitHub OAuth token", "GITHUB_TOKEN", Chars.Alnum, 36, 251);
        Add("ghu_", "a GitHub app user token", "GITHUB_TOKEN", Chars.Alnum, 36, 251);
        Add("ghs_", "a GitHub app installation token", "GITHUB_TOKEN", Chars.Alnum, 36, 251);
        Add("ghr_", "a GitHub refresh token", "GITHUB_TOKEN", Chars.Alnum, 36, 251);
        Add("github_pat_", "a GitHub fine-grained personal access token", "GITHUB_TOKEN", Chars.Word, 70, 255);
        Add("glpat-", "a GitLab personal access token", "GITLAB_TOKEN", Chars.Base64Url, 20, 255);
        foreach (var prefix in new[] { "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-", "xapp-" })
        {
            AddCustom(prefix, "a Slack token", "SLACK_TOKEN", (v, at) =>
            {
                int end = RunBetween(v, at + 5, Chars.Alnum | Chars.Dash, 10, 255);
                return end > 0 && HasDigit(v, at + 5, end) ? end : -1;
            });
        }
        AddCustom("hooks.slack.com/services/", "a Slack webhook URL", "SLACK_WEBHOOK_URL", SlackWebhookEnd);
        AddCustom("discord.com/api/webhooks/", "a Discord webhook URL", "DISCORD_WEBHOOK_URL", (v, at) => DiscordWebhookEnd(v, at + 25));
        AddCustom("discordapp.com/api/webhooks/", "a Discord webhook URL", "DISCORD_WEBHOOK_URL", (v, at) => DiscordWebhookEnd(v, at + 28));
        Add("AIza", "a Google API key", "GOOGLE_API_KEY", Chars.Base64Url, 35, 35);
        Add("sk_live_", "a Stripe live secret key", "STRIPE_SECRET_KEY", Chars.Alnum, 20, 255);
        Add("rk_live_", "a Stripe live restricted key", "STRIPE_SECRET_KEY", Chars.Alnum, 20, 255);
        AddCustom("eyJ", "a JSON Web Token", "API_TOKEN", JwtEnd);
        Add("npm_", "an npm access token", "NPM_TOKEN", Chars.Alnum, 36, 36);
        Add("pypi-AgEIcHlwaS5vcmc", "a PyPI API token", "PYPI_TOKEN", Chars.Base64Url, 50, 400);
        Add("sk-proj-", "an OpenAI API key", "OPENAI_API_KEY", Chars.Base64Url, 40, 400);
        Add("sk-svcacct-", "an OpenAI API key", "OPENAI_API_KEY", Chars.Base64Url, 40, 400);
        Add("sk-ant-", "an Anthropic API key", "ANTHROPIC_API_KEY", Chars.Base64Url, 40, 400);
        AddCustom("hf_", "a Hugging Face token", "HF_TOKEN", (v, at) =>
        {
            int end = RunBetween(v, at + 3, Chars.Upper | Chars.Lower, 34, 34);
            return end > 0 && HasUpperAndLower(v, at + 3, end) ? end : -1;
        });
        AddCustom("dapi", "a Databricks access token", "DATABRICKS_TOKEN", (v, at) => HexRunEnd(v, at + 4, 32));
        Add("dckr_pat_", "a Docker Hub access token", "DOCKERHUB_TOKEN", Chars.Base64Url, 27, 255);
        AddCustom("SG.", "a SendGrid API key", "SENDGRID_API_KEY", (v, at) =>
        {
            int dot = RunBetween(v, at + 3, Chars.Base64Url, 22, 22);
            return dot > 0 && dot < v.Length && v[dot] == '.' ? RunBetween(v, dot + 1, Chars.Base64Url, 43, 43) : -1;
        });
        foreach (var prefix in new[] { "shpat_", "shpca_", "shppa_", "shpss_" })
            AddCustom(prefix, "a Shopify access token", "SHOPIFY_TOKEN", (v, at) => HexRunEnd(v, at + 6, 32));
        return formats.ToArray();
    }

    private static readonly Anchor[]?[] AnchorsByFirstChar = BuildAnchors();

    /// <summary>[first &lt;&lt; 7 | second]: whether some anchor's prefix starts with these two ASCII characters.</summary>
    private static readonly bool[] AnchorPairs = BuildAnchorPairs();

    private static bool[] BuildAnchorPairs()
    {
        var pairs = new bool[128 * 128];
        for (int first = 0; first < 128; first++)
        {
            if (AnchorsByFirstChar[first] is not { } anchors) continue;
            foreach (var anchor in anchors)
            {
                char second = anchor.Prefix[1];
                foreach (char c in anchor.IgnoreCase ? new[] { char.ToLowerInvariant(second), char.ToUpperInvariant(second) } : new[] { second })
                    if (c < 128) pairs[first << 7 | c] = true;
            }
        }
        return pairs;
    }

    private static Anchor[]?[] BuildAnchors()
    {
        var anchors = new List<Anchor>();
        foreach (var format in TokenFormats)
            anchors.Add(new Anchor(format.Prefix, false, (v, at, into) => DetectToken(format, v, at, into)));
        anchors.Add(new Anchor("-----BEGIN ", false, DetectPrivateKey));
        anchors.Add(new Anchor("://", false, DetectUrlCredentials));
        anchors.Add(new Anchor("Authorization:", true, DetectAuthorizationHeader));
        anchors.Add(new Anchor("AccountKey=", true, (v, at, into) => DetectKeyAssignment(v, at, 11, 40, "an Azure storage account key", "AZURE_STORAGE_ACCOUNT_KEY", into)));
        anchors.Add(new Anchor("SharedAccessKey=", true, (v, at, into) => DetectKeyAssignment(v, at, 16, 20, "an Azure shared access key", "AZURE_SHARED_ACCESS_KEY", into)));

        var byChar = new List<Anchor>?[128];
        foreach (var anchor in anchors)
        {
            char first = anchor.Prefix[0];
            foreach (char c in anchor.IgnoreCase ? new[] { char.ToLowerInvariant(first), char.ToUpperInvariant(first) } : new[] { first })
                (byChar[c] ??= new List<Anchor>()).Add(anchor);
        }
        var table = new Anchor[]?[128];
        for (int c = 0; c < 128; c++) table[c] = byChar[c]?.ToArray();
        return table;
    }

    /// <summary>
    /// Every well-known credential in a value, wherever it sits (inside a script, a URL, a block scalar), in one
    /// pass: token formats, private key blocks, Azure keys (<see cref="CredentialMatch.IsKnownFormat"/>), and the
    /// generic forms: passwords inline in URLs (`user:pass@`), sensitive URL query parameters (`?api_key=…`),
    /// `Authorization:` headers written in text. Placeholders are left out; matches may overlap.
    /// </summary>
    public static void FindKnownFormats(string value, List<CredentialMatch> into)
    {
        var pairs = AnchorPairs;
        // Every prefix has at least three characters, so the last two positions cannot start one.
        for (int i = 0; i + 2 < value.Length; i++)
        {
            char c = value[i], next = value[i + 1];
            // Most characters start no prefix with the character after them: one table lookup rules them out.
            if ((c | next) >= 128 || !pairs[c << 7 | next]) continue;
            var anchors = AnchorsByFirstChar[c]!;
            foreach (var anchor in anchors)
            {
                if (!anchor.IsAt(value, i)) continue;
                int resume = anchor.Detect(value, i, into);
                if (resume > i)
                {
                    i = resume - 1;
                    break;
                }
            }
        }
    }

    private static int DetectToken(TokenFormat format, string v, int at, List<CredentialMatch> into)
    {
        if (at > 0 && IsAlnum(v[at - 1])) return -1;
        int end = format.MatchEnd(v, at);
        if (end < 0 || IsFillerBody(v, at + format.Prefix.Length, end)) return -1;
        int start = at;
        // A webhook URL is reported with its scheme.
        if (format.Prefix.IndexOf('/') > 0 && start >= 8 && string.CompareOrdinal(v, start - 8, "https://", 0, 8) == 0) start -= 8;
        into.Add(new CredentialMatch(start, end - start, format.Description, format.SecretName, isKnownFormat: true));
        return end;
    }

    private static bool HasUpperAndLower(string v, int start, int end)
    {
        bool upper = false, lower = false;
        for (int i = start; i < end; i++)
        {
            upper |= v[i] is >= 'A' and <= 'Z';
            lower |= v[i] is >= 'a' and <= 'z';
        }
        return upper && lower;
    }

    private static bool IsHex(string v, int start, int end)
    {
        for (int i = start; i < end; i++)
            if (!(v[i] is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F')) return false;
        return true;
    }

    // Exactly `length` hex digits, not followed by another letter or digit.
    private static int HexRunEnd(string v, int start, int length)
    {
        int end = Run(v, start, Chars.Alnum);
        return end - start == length && IsHex(v, start, end) ? end : -1;
    }

    // T…/B…/secret after `hooks.slack.com/services/`.
    private static int SlackWebhookEnd(string v, int at)
    {
        int i = at + "hooks.slack.com/services/".Length;
        int end = Run(v, i, Chars.UpperDigit);
        if (end - i < 7 || v[i] != 'T' || end >= v.Length || v[end] != '/') return -1;
        i = end + 1;
        end = Run(v, i, Chars.UpperDigit);
        if (end - i < 7 || v[i] != 'B' || end >= v.Length || v[end] != '/') return -1;
        return RunBetween(v, end + 1, Chars.Alnum, 20, 64);
    }

    // id/token after `…/api/webhooks/`.
    private static int DiscordWebhookEnd(string v, int i)
    {
        int end = Run(v, i, Chars.Digit);
        if (end - i < 17 || end >= v.Length || v[end] != '/') return -1;
        return RunBetween(v, end + 1, Chars.Base64Url, 60, 100);
    }

    // header.payload.signature, base64url; the header starts with `eyJ` (`{"`), as does the payload.
    private static int JwtEnd(string v, int at)
    {
        int dot = Run(v, at, Chars.Base64Url);
        if (dot - at < 10 || dot >= v.Length || v[dot] != '.') return -1;
        if (string.CompareOrdinal(v, dot + 1, "eyJ", 0, 3) != 0) return -1;
        int dot2 = Run(v, dot + 1, Chars.Base64Url);
        if (dot2 - dot - 1 < 10 || dot2 >= v.Length || v[dot2] != '.') return -1;
        int end = Run(v, dot2 + 1, Chars.Base64Url);
        return end - dot2 - 1 >= 16 ? end : -1;
    }

    // -----BEGIN … PRIVATE KEY----- with a body of key material, up to and including its END line.
    private static int DetectPrivateKey(string v, int at, List<CredentialMatch> into)
    {
        int labelStart = at + "-----BEGIN ".Length;
        int headerEnd = v.IndexOf("-----", labelStart, StringComparison.Ordinal);
        if (headerEnd < 0) return -1;
        if (!EndsWithAt(v, headerEnd, "PRIVATE KEY") && !EndsWithAt(v, headerEnd, "PRIVATE KEY BLOCK")) return -1;
        int bodyStart = headerEnd + 5;
        int endMarker = v.IndexOf("-----END ", bodyStart, StringComparison.Ordinal);
        int bodyEnd = endMarker < 0 ? v.Length : endMarker;
        if (CountBase64(v, bodyStart, bodyEnd) < 32) return -1;
        // Without an END line only the header is certain.
        int end = bodyStart;
        if (endMarker >= 0)
        {
            int close = v.IndexOf("-----", endMarker + 9, StringComparison.Ordinal);
            end = close < 0 ? bodyEnd : close + 5;
        }
        into.Add(new CredentialMatch(at, end - at, "a private key", "PRIVATE_KEY", isKnownFormat: true));
        return end;
    }

    private static bool EndsWithAt(string v, int end, string suffix) =>
        end >= suffix.Length && string.CompareOrdinal(v, end - suffix.Length, suffix, 0, suffix.Length) == 0;

    private static int CountBase64(string v, int start, int end)
    {
        int count = 0;
        for (int i = start; i < end; i++)
            if (IsAlnum(v[i]) || v[i] is '+' or '/' or '=') count++;
        return count;
    }

    // A template's `{{ … }}` is one opaque unit while scanning a URL: its spaces do not end the URL.
    private static int SkipTemplate(string v, int i)
    {
        if (i + 1 < v.Length && v[i] == '{' && v[i + 1] is '{' or '%')
        {
            int close = v.IndexOf(v[i + 1] == '{' ? "}}" : "%}", i + 2, StringComparison.Ordinal);
            return close < 0 ? v.Length : close + 2;
        }
        return i;
    }

    private static bool EndsUrl(char c) => char.IsWhiteSpace(c) || c is '"' or '\'' or '`' or '<' or '>';

    private static bool IsTemplated(string v, int start, int end)
    {
        for (int i = start; i + 1 < end; i++)
            if (v[i] == '{' && v[i + 1] is '{' or '%') return true;
        return false;
    }

    /// <summary>
    /// `scheme://user:password@host` and sensitive query parameters (`?token=…`) of the URL whose `://` is at `at`.
    /// Scanning goes on inside the URL, where a token format may also be found.
    /// </summary>
    private static int DetectUrlCredentials(string v, int at, List<CredentialMatch> into)
    {
        if (at == 0 || !char.IsLetter(v[at - 1])) return -1;
        int i = at + 3, lastAt = -1;
        while (i < v.Length)
        {
            int skipped = SkipTemplate(v, i);
            if (skipped != i) { i = skipped; continue; }
            char c = v[i];
            if (c is '/' or '?' or '#' || EndsUrl(c)) break;
            if (c == '@') lastAt = i;
            i++;
        }
        if (lastAt > 0)
        {
            int colon = -1;
            for (int j = at + 3; j < lastAt && colon < 0; j++)
            {
                int skipped = SkipTemplate(v, j);
                if (skipped != j) j = skipped - 1;
                else if (v[j] == ':') colon = j;
            }
            if (colon > 0 && lastAt - colon > 1 && !IsTemplated(v, colon + 1, lastAt) && !IsPlaceholder(v, colon + 1, lastAt - colon - 1))
                into.Add(new CredentialMatch(colon + 1, lastAt - colon - 1, "a password inline in a URL", "PASSWORD"));
        }
        int urlEnd = i;
        while (urlEnd < v.Length)
        {
            int skipped = SkipTemplate(v, urlEnd);
            if (skipped != urlEnd) { urlEnd = skipped; continue; }
            if (EndsUrl(v[urlEnd])) break;
            urlEnd++;
        }
        int query = v.IndexOf('?', i, urlEnd - i);
        if (query >= 0) FindParameters(v, query + 1, urlEnd, "in a URL", into);
        return -1;
    }

    /// <summary>
    /// `name=value` pairs separated by `&amp;`, `;` or `?` between start and end (a URL query, a JDBC or ADO.NET
    /// connection string) whose name is sensitive and whose value is a literal.
    /// </summary>
    public static void FindParameters(string v, int start, int end, string where, List<CredentialMatch> into)
    {
        int segment = start;
        while (segment < end)
        {
            int stop = segment;
            while (stop < end)
            {
                int skipped = SkipTemplate(v, stop);
                if (skipped != stop) { stop = Math.Min(skipped, end); continue; }
                if (v[stop] is '&' or ';' or '?' or '#' or '\n') break;
                stop++;
            }
            int eq = v.IndexOf('=', segment, stop - segment);
            if (eq > segment && stop - eq > 1)
            {
                string parameter = v.Substring(segment, eq - segment).Trim();
                var name = ClassifyName(parameter);
                int valueStart = eq + 1, valueEnd = stop;
                while (valueStart < valueEnd && v[valueStart] == ' ') valueStart++;
                while (valueEnd > valueStart && char.IsWhiteSpace(v[valueEnd - 1])) valueEnd--;
                if (name is { Shape: CredentialValueShape.Password or CredentialValueShape.Token } && valueEnd > valueStart
                    && !IsTemplated(v, valueStart, valueEnd) && !IsPlaceholder(v, valueStart, valueEnd - valueStart))
                    into.Add(new CredentialMatch(valueStart, valueEnd - valueStart, "a literal " + name.Noun + " " + where, NormalizeName(parameter).ToUpperInvariant()));
            }
            segment = stop + 1;
        }
    }

    private static readonly string[] AuthorizationSchemes = { "bearer", "basic", "token", "bot" };

    /// <summary>`Authorization: Bearer …` written in text (a curl command, a script).</summary>
    private static int DetectAuthorizationHeader(string v, int at, List<CredentialMatch> into)
    {
        if (at > 0 && char.IsLetter(v[at - 1])) return -1;
        int i = at + "Authorization:".Length;
        while (i < v.Length && v[i] == ' ') i++;
        int schemeEnd = i;
        while (schemeEnd < v.Length && char.IsLetter(v[schemeEnd])) schemeEnd++;
        int tokenStart = schemeEnd;
        while (tokenStart < v.Length && v[tokenStart] == ' ') tokenStart++;
        int tokenEnd = tokenStart;
        while (tokenEnd < v.Length && (IsAlnum(v[tokenEnd]) || v[tokenEnd] is '.' or '_' or '~' or '+' or '/' or '=' or '-')) tokenEnd++;
        if (Array.IndexOf(AuthorizationSchemes, v.Substring(i, schemeEnd - i).ToLowerInvariant()) >= 0 && tokenStart > schemeEnd
            && tokenEnd - tokenStart >= 8 && !IsPlaceholder(v, tokenStart, tokenEnd - tokenStart))
            into.Add(new CredentialMatch(tokenStart, tokenEnd - tokenStart, "a literal Authorization header credential", "TOKEN"));
        return -1;
    }

    /// <summary>Azure storage and Service Bus connection string keys (`AccountKey=…;`, `SharedAccessKey=…`).</summary>
    private static int DetectKeyAssignment(string v, int at, int markerLength, int minLength, string description, string secretName, List<CredentialMatch> into)
    {
        if (at > 0 && char.IsLetter(v[at - 1])) return -1;
        int start = at + markerLength, end = start;
        while (end < v.Length && (IsAlnum(v[end]) || v[end] is '+' or '/' or '=')) end++;
        if (end - start < minLength || IsFillerBody(v, start, end)) return -1;
        into.Add(new CredentialMatch(start, end - start, description, secretName, isKnownFormat: true));
        return end;
    }
}
