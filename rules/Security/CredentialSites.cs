using System;
using System.Collections.Generic;
using System.Text;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Pebble;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Security;

/// <summary>KF1009's questions about one value: its property name, whether it is a literal credential, how to describe where it sits.</summary>
internal static class CredentialSites
{
    /// <summary>
    /// The key the value is written under (`password` for `tasks[0].auth.password`), null for a list item. Read from
    /// the YAML tree, so a key holding dots (`fs.s3a.secret.key`) stays whole.
    /// </summary>
    public static string? PropertyKey(ExpressionSite site)
    {
        // Asked for every value of every flow: the walk usually knows the last key without joining the path.
        if (site.TryGetLastKey(out string? last)) return last;
        string path = site.RelativePath;
        if (path.Length == 0 || path[path.Length - 1] == ']') return null;
        if (KeyOf(site.Scalar) is { } own && EndsWithSegment(path, own)) return own;
        if (site.ViaAlias is { } alias && KeyOf(alias) is { } aliased && EndsWithSegment(path, aliased)) return aliased;
        int dot = path.LastIndexOf('.');
        return dot < 0 ? path : path.Substring(dot + 1);
    }

    private static bool EndsWithSegment(string path, string key) =>
        path == key || (path.Length > key.Length && path[path.Length - key.Length - 1] == '.' && path.EndsWith(key, StringComparison.Ordinal));

    // Entries are in file order, so the entry holding a value is found by a binary search on where values start.
    private static string? KeyOf(YamlNode node)
    {
        if (node.Parent is not YamlMapping mapping) return null;
        var entries = mapping.Entries;
        int lo = 0, hi = entries.Count - 1, target = node.Span.Start;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            int start = entries[mid].Value.Span.Start;
            if (start < target) lo = mid + 1;
            else if (start > target) hi = mid - 1;
            else return ReferenceEquals(entries[mid].Value, node) ? entries[mid].KeyText : null;
        }
        return null;
    }

    /// <summary>
    /// The sensitive name a value is under: a Webhook trigger's `key` (also set through pluginDefaults), an input's
    /// id for its `defaults`, else the property key itself.
    /// </summary>
    public static SensitiveName? SensitiveNameOf(ExpressionSite site, string? key, IReadOnlyList<SensitiveName> extra)
    {
        if (IsWebhook(site.Trigger?.CanonicalType) && site.RelativePath == CredentialPatterns.WebhookKeyProperty) return CredentialPatterns.WebhookKey;
        if (site.PluginDefault?.Type is { } defaultType && IsWebhook(KestraKnowledge.ResolveType(defaultType).CanonicalType)
            && site.RelativePath == "values." + CredentialPatterns.WebhookKeyProperty)
            return CredentialPatterns.WebhookKey;
        // An input's default takes the input's name; only a string input's default can be a credential (a SELECT
        // default is one of its values, an INT one a number).
        if (site.Input?.Id is { } inputId && site.RelativePath is "defaults" or "prefill")
            return site.Input.Type is null or "STRING" ? CredentialPatterns.ClassifyName(inputId, extra) : null;
        return key is null ? null : CredentialPatterns.ClassifyName(key, extra);
    }

    private static bool IsWebhook(string? type) => type == CredentialPatterns.WebhookTriggerType;

    /// <summary>
    /// Whether the value is a literal credential for that name, and which range of it is the credential: the
    /// trimmed value, or what follows an Authorization scheme (`Bearer …`).
    /// </summary>
    public static bool TryGetLiteral(ExpressionSite site, SensitiveName name, out int start, out int length, out string noun, out string secretName)
    {
        string v = site.Value;
        start = 0;
        length = 0;
        noun = name.Noun;
        secretName = SecretNameFor(site, name);
        if (site.Template is { } template && IsProducedByTemplate(template)) return false;

        int end = v.Length;
        while (start < end && char.IsWhiteSpace(v[start])) start++;
        while (end > start && char.IsWhiteSpace(v[end - 1])) end--;
        if (start == end) return false;
        string trimmed = v.Substring(start, end - start);
        bool plain = site.Scalar.Style == YamlScalarStyle.Plain;
        if (IsBoolean(trimmed) || (plain && IsNumber(trimmed) && !name.NumbersCount)) return false;

        switch (name.Shape)
        {
            case CredentialValueShape.Password:
                if (trimmed.IndexOf('\n') >= 0) return false;
                // `PWD`/`OLDPWD` are the shell's working directories.
                if (name.Normalized == "pwd" && trimmed[0] is '/' or '~' or '.') return false;
                break;
            case CredentialValueShape.Token:
                if (HasWhitespace(trimmed)) return false;
                if (trimmed.StartsWith("arn:", StringComparison.Ordinal)) return false;
                break;
            case CredentialValueShape.PrivateKey:
                if (IsFilePath(trimmed)) return false;
                break;
            case CredentialValueShape.ServiceAccountKey:
                if (!(trimmed[0] == '{' || trimmed.IndexOf("private_key", StringComparison.Ordinal) >= 0 || trimmed.StartsWith("ew", StringComparison.Ordinal)))
                    return false;
                break;
            case CredentialValueShape.Authorization:
                if (IsAuthorizationScheme(trimmed)) return false;
                int scheme = start;
                while (scheme < end && char.IsLetter(v[scheme])) scheme++;
                if (scheme > start && scheme < end && v[scheme] == ' ')
                {
                    string schemeName = v.Substring(start, scheme - start).ToLowerInvariant();
                    noun = schemeName switch
                    {
                        "bearer" => "bearer token",
                        "basic" => "Basic authentication credential",
                        _ => name.Noun,
                    };
                    secretName = schemeName == "bearer" ? "TOKEN" : secretName;
                    start = scheme;
                    while (start < end && v[start] == ' ') start++;
                    // Bearer and Basic carry one credential; other schemes (Digest) carry parameters, all reported.
                    if (schemeName is "bearer" or "basic" or "token")
                    {
                        int credentialEnd = start;
                        while (credentialEnd < end && !char.IsWhiteSpace(v[credentialEnd]) && v[credentialEnd] is not ('"' or '\'')) credentialEnd++;
                        end = credentialEnd;
                    }
                }
                break;
        }
        length = end - start;
        return !CredentialPatterns.IsPlaceholder(v, start, length);
    }

    private static bool IsAuthorizationScheme(string s) =>
        s.Equals("bearer", StringComparison.OrdinalIgnoreCase) || s.Equals("basic", StringComparison.OrdinalIgnoreCase)
        || s.Equals("token", StringComparison.OrdinalIgnoreCase) || s.Equals("digest", StringComparison.OrdinalIgnoreCase);

    // Text and comments are literal; a print, a tag or a broken template produces the value at run time.
    private static bool IsProducedByTemplate(PebbleTemplate template)
    {
        if (template.HasErrors) return true;
        foreach (var node in template.Nodes)
            if (node is not (TextNode or CommentNode)) return true;
        return false;
    }

    private static bool IsBoolean(string s) =>
        s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("false", StringComparison.OrdinalIgnoreCase)
        || s.Equals("yes", StringComparison.OrdinalIgnoreCase) || s.Equals("no", StringComparison.OrdinalIgnoreCase)
        || s.Equals("on", StringComparison.OrdinalIgnoreCase) || s.Equals("off", StringComparison.OrdinalIgnoreCase);

    private static bool IsNumber(string s)
    {
        int i = s[0] is '+' or '-' ? 1 : 0;
        bool digits = false, dot = false;
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (c is >= '0' and <= '9' or '_') digits = true;
            else if (c == '.' && !dot) dot = true;
            else return false;
        }
        return digits;
    }

    private static bool HasWhitespace(string s)
    {
        foreach (char c in s)
            if (char.IsWhiteSpace(c)) return true;
        return false;
    }

    private static readonly string[] KeyFileExtensions = { ".pem", ".key", ".p8", ".p12", ".pfx", ".der", ".ppk", ".json", ".jks" };

    private static bool IsFilePath(string s)
    {
        if (HasWhitespace(s) || s.IndexOf("BEGIN", StringComparison.Ordinal) >= 0) return false;
        if (s[0] is '/' or '~' or '.') return true;
        foreach (var extension in KeyFileExtensions)
            if (s.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    // The property's own words when they say what it is (`CLIENT_SECRET`), else a single word the owner qualifies.
    private static string SecretNameFor(ExpressionSite site, SensitiveName name)
    {
        // A namespace holds several webhook flows: one key per flow.
        if (name == CredentialPatterns.WebhookKey)
            return site.Flow.Id is { } flowId ? ToSecretName(CredentialPatterns.NormalizeName(flowId)) + "_WEBHOOK_KEY" : "WEBHOOK_KEY";
        string? key = site.Input?.Id is { } inputId && site.RelativePath is "defaults" or "prefill" ? inputId : PropertyKey(site);
        if (key is null) return "SECRET";
        string normalized = CredentialPatterns.NormalizeName(key);
        // `X-Api-Key` → API_KEY: the `X-` of a custom header is not part of the name.
        if (normalized.StartsWith("x_", StringComparison.Ordinal)) normalized = normalized.Substring(2);
        return ToSecretName(normalized);
    }

    /// <summary>
    /// A Kestra secret name (upper case, digits, `_`): a multi-word name as is, a single word qualified by its
    /// owner (task `postgres` + `PASSWORD` → `POSTGRES_PASSWORD`), without repeating a word.
    /// </summary>
    public static string SecretName(ExpressionSite site, string suggested)
    {
        if (suggested.IndexOf('_') >= 0) return suggested;
        string? owner = site.Task?.Id ?? site.Trigger?.Id ?? site.Input?.Id ?? site.Output?.Id ?? LastSegment(site.PluginDefault?.Type) ?? ParentKey(site) ?? site.Flow.Id;
        if (owner is null) return suggested;
        string qualifier = ToSecretName(CredentialPatterns.NormalizeName(owner));
        if (qualifier.Length == 0 || qualifier == suggested || qualifier.EndsWith("_" + suggested, StringComparison.Ordinal)) return qualifier.Length == 0 ? suggested : qualifier;
        return qualifier + "_" + suggested;
    }

    private static string? LastSegment(string? type)
    {
        if (type is null) return null;
        int dot = type.LastIndexOf('.');
        return dot < 0 ? type : type.Substring(dot + 1);
    }

    // `variables.db.password` → `db`; the top-level section name alone says nothing.
    private static string? ParentKey(ExpressionSite site)
    {
        string path = site.RelativePath;
        int last = path.LastIndexOf('.');
        if (last <= 0) return null;
        int previous = path.LastIndexOf('.', last - 1);
        return previous < 0 ? null : path.Substring(previous + 1, last - previous - 1);
    }

    private static string ToSecretName(string normalized)
    {
        var sb = new StringBuilder(normalized.Length);
        foreach (char c in normalized)
        {
            if (c is >= 'a' and <= 'z') sb.Append((char)(c - 32));
            else if (c is >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[sb.Length - 1] != '_') sb.Append('_');
        }
        return sb.ToString().Trim('_');
    }

    /// <summary>Where the value sits, for messages: "`password` of task 'postgres'", "`variables.db.password`".</summary>
    public static string Where(ExpressionSite site)
    {
        string property = "`" + Redacted(site.RelativePath) + "`";
        return site.OwnerKind switch
        {
            SiteOwnerKind.Task => property + " of task '" + (site.Task?.Id ?? "?") + "'",
            SiteOwnerKind.Trigger => property + " of trigger '" + (site.Trigger?.Id ?? "?") + "'",
            SiteOwnerKind.Input => property + " of input '" + (site.Input?.Id ?? "?") + "'",
            SiteOwnerKind.Output => property + " of output '" + (site.Output?.Id ?? "?") + "'",
            SiteOwnerKind.PluginDefault => property + " of the plugin defaults for '" + (site.PluginDefault?.Type ?? "?") + "'",
            _ => property,
        };
    }

    /// <summary>
    /// A property path safe to print: a key that reads like text rather than a name (`curl -u admin:pw@host`, a
    /// YAML mistake that turned a command into a mapping) may itself hold a credential, so it is shown as `…`.
    /// </summary>
    public static string Redacted(string path)
    {
        StringBuilder? sb = null;
        int segment = 0;
        for (int i = 0; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] is not ('.' or '/' or '[')) continue;
            if (IsUnsafeSegment(path, segment, i))
            {
                sb ??= new StringBuilder(path.Length).Append(path, 0, segment);
                sb.Append('…');
            }
            else
            {
                sb?.Append(path, segment, i - segment);
            }
            if (i < path.Length) sb?.Append(path[i]);
            segment = i + 1;
        }
        if (sb is null) return path;
        // A key with dots in it was cut into several segments: one mark is enough.
        string redacted = sb.ToString();
        while (redacted.IndexOf("….…", StringComparison.Ordinal) >= 0) redacted = redacted.Replace("….…", "…");
        return redacted;
    }

    private static bool IsUnsafeSegment(string path, int start, int end)
    {
        if (end - start > 100) return true;
        for (int i = start; i < end; i++)
            if (char.IsWhiteSpace(path[i]) || path[i] is '@' or '"' or '\'' or '=') return true;
        return false;
    }

    /// <summary>
    /// Of overlapping matches keeps the most precise: a well-known format (`ghp_…` as a URL password, a JWT in an
    /// Authorization header) over a generic form, then the one found first.
    /// </summary>
    public static void RemoveOverlaps(List<CredentialMatch> matches)
    {
        if (matches.Count < 2) return;
        var kept = new List<CredentialMatch>(matches.Count);
        foreach (bool knownFormats in new[] { true, false })
        {
            foreach (var match in matches)
            {
                if (match.IsKnownFormat != knownFormats) continue;
                bool overlaps = false;
                foreach (var k in kept)
                    overlaps |= match.Start < k.End && k.Start < match.End;
                if (!overlaps) kept.Add(match);
            }
        }
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        matches.Clear();
        matches.AddRange(kept);
    }
}
