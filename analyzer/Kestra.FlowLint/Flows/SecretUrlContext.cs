using System;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Pebble;

namespace Kestra.FlowLint.Flows;

/// <summary>The part of a URL a printed secret lands in, when the text around it is a URL.</summary>
public enum UrlPart
{
    /// <summary>Not in a URL, or in a part that is not flagged (scheme, host, port, path, fragment).</summary>
    None,

    /// <summary><c>scheme://user:SECRET@host</c> (or Oracle's <c>jdbc:oracle:thin:user/SECRET@host</c>).</summary>
    UserInfo,

    /// <summary><c>?key=SECRET</c>, or a JDBC <c>;password=SECRET</c> property.</summary>
    Query,
}

/// <summary>Where in a URL a secret is printed, and the URL's scheme as messages show it (<c>https://…</c>, <c>jdbc:…</c>).</summary>
public readonly struct UrlLocation
{
    public UrlLocation(UrlPart part, string scheme)
    {
        Part = part;
        Scheme = scheme;
    }

    public UrlPart Part { get; }
    public string Scheme { get; }

    public static UrlLocation None => new(UrlPart.None, string.Empty);
}

/// <summary>
/// Decides whether a printed secret sits inside a URL's query string or user-info, by reading the literal text
/// Kestra will output around it: the template's text before and after the <c>{{ … }}</c>, and string literals
/// concatenated with <c>~</c> inside it. The output of other prints is unknown text; a URL counts only when its
/// scheme is written literally.
/// </summary>
public static class SecretUrlContext
{
    public static UrlLocation Locate(this SecretUse use)
    {
        if (!use.ReachesOutput || use.LiteralTextAround() is not { } around || use.EnclosingPrint() is not { } print) return UrlLocation.None;

        // Literals concatenated around the secret inside the print: {{ 'https://x?k=' ~ secret('K') }}.
        string prefix = string.Empty, suffix = string.Empty;
        for (PebbleSyntaxNode node = use.Source; node != print && node.Parent is { } parent; node = parent)
        {
            if (parent is not BinaryExpression { Operator: PebbleBinaryOperator.Concatenate } concat) continue;
            if (concat.Right == node) prefix = LiteralText(concat.Left) + prefix;
            else suffix += LiteralText(concat.Right);
        }
        return Classify(around.Before + prefix, suffix + around.After);
    }

    /// <summary>
    /// Classifies a position in text: <paramref name="before"/> is the text up to the secret, <paramref name="after"/>
    /// the text that follows it.
    /// </summary>
    public static UrlLocation Classify(string before, string after)
    {
        int tokenStart = before.Length;
        while (tokenStart > 0 && !IsDelimiter(before[tokenStart - 1])) tokenStart--;
        string token = before.Substring(tokenStart);

        int separator = token.LastIndexOf("://", StringComparison.Ordinal);
        int jdbc = LastIndexOfIgnoreCase(token, SecretSinks.JdbcPrefix);
        if (jdbc >= 0 && (separator < 0 || separator > jdbc))
        {
            var location = new UrlLocation(UrlPart.Query, "jdbc:…");
            if (separator < 0)
            {
                // jdbc:h2:mem:db;PASSWORD=… or Oracle's jdbc:oracle:thin:user/password@host.
                string opaque = token.Substring(jdbc + SecretSinks.JdbcPrefix.Length);
                if (opaque.IndexOf(';') >= 0 || opaque.IndexOf('?') >= 0) return location;
                string userPart = opaque.Substring(opaque.LastIndexOf(':') + 1);
                return userPart.IndexOf('@') < 0 && AtFollows(after) ? new UrlLocation(UrlPart.UserInfo, location.Scheme) : UrlLocation.None;
            }
            return InHierarchicalPart(token.Substring(separator + 3), after, location.Scheme, jdbcProperties: true);
        }
        if (separator < 0) return UrlLocation.None;

        int schemeStart = separator;
        while (schemeStart > 0 && IsSchemeChar(token[schemeStart - 1])) schemeStart--;
        string scheme = token.Substring(schemeStart, separator - schemeStart);
        if (!IsLoggedScheme(scheme)) return UrlLocation.None;
        return InHierarchicalPart(token.Substring(separator + 3), after, scheme.ToLowerInvariant() + "://…", jdbcProperties: false);
    }

    /// <summary>`rest` is what follows `://` up to the secret.</summary>
    private static UrlLocation InHierarchicalPart(string rest, string after, string scheme, bool jdbcProperties)
    {
        if (rest.IndexOf('#') >= 0) return UrlLocation.None; // a fragment is not sent
        if (rest.IndexOf('?') >= 0 || (jdbcProperties && rest.IndexOf(';') >= 0)) return new UrlLocation(UrlPart.Query, scheme);
        if (rest.IndexOf('/') >= 0 || rest.IndexOf('@') >= 0) return UrlLocation.None; // path, or the host after user-info
        return AtFollows(after) ? new UrlLocation(UrlPart.UserInfo, scheme) : UrlLocation.None;
    }

    /// <summary>Whether an `@` ends the authority part that the secret is in.</summary>
    private static bool AtFollows(string after)
    {
        foreach (char c in after)
        {
            if (c == '@') return true;
            if (c is '/' or '?' or '#' || IsDelimiter(c)) return false;
        }
        return false;
    }

    private static string LiteralText(PebbleExpression expression) => expression switch
    {
        LiteralExpression { StringValue: { } value } => value,
        BinaryExpression { Operator: PebbleBinaryOperator.Concatenate } concat => LiteralText(concat.Left) + LiteralText(concat.Right),
        _ => SecretUseExtensions.UnknownText.ToString(),
    };

    /// <summary>Characters that end a URL in shell commands, JSON, HTML and prose.</summary>
    private static bool IsDelimiter(char c) => char.IsWhiteSpace(c) || c is '"' or '\'' or '`' or '<' or '>';

    private static bool IsSchemeChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '+' or '-' or '.';

    private static bool IsLoggedScheme(string scheme)
    {
        foreach (var s in SecretSinks.LoggedUrlSchemes)
            if (string.Equals(s, scheme, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static int LastIndexOfIgnoreCase(string text, string value) => text.LastIndexOf(value, StringComparison.OrdinalIgnoreCase);
}
