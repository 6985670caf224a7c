using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Structure;

/// <summary>KF4018: an input <c>validator</c> that java.util.regex cannot compile.</summary>
public sealed class InvalidValidatorRegexAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF4018",
        "Input validator is not a valid regular expression",
        "The validator of input '{0}' is not a valid regular expression: {1}",
        Categories.Structure,
        DiagnosticSeverity.Error,
        "A STRING or SECRET input's `validator` is a Java regular expression that every value must match; Kestra compiles it when the flow is saved (RegexValidator), so a pattern that does not compile (a trailing backslash, an unclosed group or class, a quantifier with nothing to repeat) makes the flow invalid. FlowLint compiles the pattern with .NET's engine after translating the Java-only syntax .NET lacks (possessive quantifiers `a++`, `\\Q…\\E` quoting, `\\p{javaLowerCase}` and the other Java and POSIX property classes, `\\h`, `\\R`, `\\x{…}`, the `d`, `u` and `U` flags), so a valid Java pattern is never reported; a few errors only Java makes are not caught.",
        tags: new[] { "structure", "inputs" },
        badExample: "id: hello\nnamespace: company.team\ninputs:\n  - id: code\n    type: STRING\n    validator: \"([A-Z]{3}\"\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ inputs.code }}\"\n",
        goodExample: "id: hello\nnamespace: company.team\ninputs:\n  - id: code\n    type: STRING\n    validator: \"([A-Z]{3})\"\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ inputs.code }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterFlowAction(c =>
    {
        foreach (var input in c.Flow.Inputs)
        {
            if (!input.Node.TryGetEntry("validator", out var entry) || entry.Value.Resolve() is not YamlScalar scalar || scalar.IsNull) continue;
            string pattern = scalar.Value;
            if (JavaRegex.Check(pattern) is not { } error) continue;
            var span = entry.Value is YamlAlias alias ? alias.Span
                : error.Position is int at && at < pattern.Length ? scalar.MapToSource(at, 1)
                : scalar.MapToSource(0, pattern.Length);
            if (span.Length == 0) span = scalar.Span;
            c.Report(Rule, span, input.OwnerPath + "/validator", null, input.Id ?? "?", error.Message);
        }
    });
}

/// <summary>
/// Checks a java.util.regex pattern with .NET's parser. Java-only syntax is rewritten first into .NET syntax of the
/// same validity (not the same meaning: only whether it compiles matters), keeping each character's position where
/// possible so .NET's error offset points into the original pattern.
/// </summary>
internal static class JavaRegex
{
    internal readonly struct Error
    {
        public Error(string message, int? position)
        {
            Message = message;
            Position = position;
        }

        public string Message { get; }

        /// <summary>The offending character in the original pattern, when known.</summary>
        public int? Position { get; }
    }

    /// <summary>
    /// Answers by pattern: building a .NET Regex parses the pattern, which cost more than the rest of a flow's lint,
    /// and the same validators recur across flows and on every keystroke in the editor.
    /// </summary>
    private static readonly BoundedAnswers<Error?> Checked = new(1024);

    public static Error? Check(string pattern) => Checked.GetOrAdd(pattern, static p => CheckUncached(p));

    private static Error? CheckUncached(string pattern)
    {
        if (IllegalRepetition(pattern) is int brace) return new Error("Illegal repetition ('{' must start a {n}, {n,} or {n,m} quantifier; write \\{ for a literal brace)", brace);
        var (translated, exact) = Translate(pattern);
        try
        {
            _ = new Regex(translated, RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException e)
        {
            int? position = null;
#if NET5_0_OR_GREATER
            if (exact && e is RegexParseException parse) position = Math.Max(0, Math.Min(pattern.Length - 1, parse.Offset - 1));
#endif
            return new Error(Reason(e.Message), position);
        }
    }

    /// <summary>
    /// Java reads every unescaped '{' outside a character class as a quantifier and fails on one that is not
    /// <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c> (the classic <c>${name}</c> mistake); .NET takes it as a literal.
    /// </summary>
    internal static int? IllegalRepetition(string p)
    {
        bool inClass = false;
        for (int i = 0; i < p.Length; i++)
        {
            char ch = p[i];
            if (ch == '\\')
            {
                if (i + 1 < p.Length && p[i + 1] == 'Q')
                {
                    int end = p.IndexOf("\\E", i + 2, StringComparison.Ordinal);
                    if (end < 0) return null;
                    i = end + 1;
                }
                else if (i + 2 < p.Length && p[i + 1] is 'p' or 'P' or 'x' or 'N' or 'b' && p[i + 2] == '{')
                {
                    // \p{Alpha}, \x{1F600}, \N{name}, \b{g}: the braces belong to the escape.
                    int close = p.IndexOf('}', i + 3);
                    if (close < 0) return null;
                    i = close;
                }
                else i++;
                continue;
            }
            if (inClass)
            {
                if (ch == ']') inClass = false;
                continue;
            }
            if (ch == '[')
            {
                inClass = true;
                if (i + 1 < p.Length && p[i + 1] == '^') i++;
                if (i + 1 < p.Length && p[i + 1] == ']') i++;
                continue;
            }
            if (ch != '{') continue;
            int j = i + 1;
            int digits = 0;
            while (j < p.Length && p[j] is >= '0' and <= '9') { j++; digits++; }
            if (digits == 0) return i;
            if (j < p.Length && p[j] == ',')
            {
                j++;
                while (j < p.Length && p[j] is >= '0' and <= '9') j++;
            }
            if (j >= p.Length || p[j] != '}') return i;
            i = j;
        }
        return null;
    }

    /// <summary>.NET's message without the pattern it quotes (the finding already points at it).</summary>
    private static string Reason(string message)
    {
        // "Invalid pattern 'p' at offset n. Reason" (.NET 5+) or "parsing 'p' - Reason" (.NET Framework, netstandard).
        var match = Regex.Match(message, @"^Invalid pattern '.*' at offset \d+\. (.+)$", RegexOptions.Singleline);
        int at = message.LastIndexOf(" - ", StringComparison.Ordinal);
        string reason = match.Success ? match.Groups[1].Value : at >= 0 ? message.Substring(at + 3) : message;
        reason = reason.Trim().TrimEnd('.');
        return reason.Length == 0 ? message : reason;
    }

    /// <summary>The pattern in .NET syntax, and whether every character kept its position.</summary>
    internal static (string Pattern, bool Exact) Translate(string p)
    {
        var sb = new StringBuilder(p.Length);
        bool exact = true;
        bool inClass = false;
        for (int i = 0; i < p.Length; i++)
        {
            char ch = p[i];
            if (ch == '\\' && i + 1 < p.Length)
            {
                char next = p[i + 1];
                switch (next)
                {
                    case 'Q':
                    {
                        // \Q…\E quotes everything up to \E (or the end).
                        int end = p.IndexOf("\\E", i + 2, StringComparison.Ordinal);
                        string quoted = end < 0 ? p.Substring(i + 2) : p.Substring(i + 2, end - i - 2);
                        sb.Append(Regex.Escape(quoted));
                        exact = false;
                        i = end < 0 ? p.Length : end + 1;
                        continue;
                    }
                    case 'E':
                        // A stray \E is ignored by Java.
                        exact = false;
                        i++;
                        continue;
                    case 'p':
                    case 'P':
                    {
                        // Java's property classes (javaLowerCase, Alpha, IsLatin, InGreek, L…) differ from .NET's names.
                        int end = i + 2;
                        if (end < p.Length && p[end] == '{')
                        {
                            int close = p.IndexOf('}', end);
                            if (close < 0) break; // let .NET report the unclosed property
                            end = close + 1;
                        }
                        else if (end < p.Length) end++;
                        else break;
                        sb.Append('a');
                        exact = false;
                        i = end - 1;
                        continue;
                    }
                    case 'h': case 'H': case 'R': case 'X': case 'V':
                        // Horizontal/vertical whitespace, linebreak, grapheme: a stand-in of the same width.
                        sb.Append("\\s");
                        i++;
                        continue;
                    case 'x':
                    case 'N':
                        // `\x{h…h}` (code point) and `\N{name}` (named character): one character of any value.
                        if (i + 2 < p.Length && p[i + 2] == '{')
                        {
                            int close = p.IndexOf('}', i + 3);
                            if (close < 0) break;
                            sb.Append('x');
                            exact = false;
                            i = close;
                            continue;
                        }
                        break;
                    case 'b':
                        if (!inClass && i + 4 < p.Length && p[i + 2] == '{' && p[i + 3] == 'g' && p[i + 4] == '}')
                        {
                            sb.Append("\\b");
                            exact = false;
                            i += 4;
                            continue;
                        }
                        break;
                }
                if (!inClass && next is >= '1' and <= '9')
                {
                    // A back-reference to a group that does not exist is an error in .NET only; keep the width.
                    sb.Append("\\w");
                    i++;
                    continue;
                }
                if (!IsAsciiLetterOrDigit(next) && (char.IsLetterOrDigit(next) || next == '_'))
                {
                    // Java allows a backslash before any non-ASCII-letter; .NET rejects it before word characters.
                    sb.Append(next);
                    exact = false;
                    i++;
                    continue;
                }
                sb.Append(ch).Append(next);
                i++;
                continue;
            }
            if (inClass)
            {
                if (ch == ']') inClass = false;
                sb.Append(ch);
                continue;
            }
            if (ch == '[')
            {
                inClass = true;
                sb.Append(ch);
                // A ']' right after '[' or '[^' is a literal in both engines.
                if (i + 1 < p.Length && p[i + 1] == '^') { sb.Append('^'); i++; }
                if (i + 1 < p.Length && p[i + 1] == ']') { sb.Append(']'); i++; }
                continue;
            }
            if (ch == '+' && i > 0 && IsQuantifierEnd(p, i - 1))
            {
                // Possessive quantifier (a++, a*+, a?+, a{2}+): .NET reads "nested quantifier"; drop the '+'.
                exact = false;
                continue;
            }
            if (ch == '(' && i + 1 < p.Length && p[i + 1] == '?')
            {
                // Inline flags: Java's d (UNIX_LINES), u (UNICODE_CASE), U (UNICODE_CHARACTER_CLASS) are unknown to .NET.
                int j = i + 2;
                while (j < p.Length && (char.IsLetter(p[j]) || p[j] == '-')) j++;
                if (j > i + 2 && j < p.Length && (p[j] == ')' || p[j] == ':'))
                {
                    sb.Append("(?");
                    for (int k = i + 2; k < j; k++)
                    {
                        if (p[k] is 'd' or 'u' or 'U') { exact = false; continue; }
                        sb.Append(p[k]);
                    }
                    i = j - 1;
                    continue;
                }
            }
            sb.Append(ch);
        }
        // "(?-)" or "(?)" left by dropping every flag is not valid .NET; restore a harmless group.
        string result = sb.ToString().Replace("(?)", "(?:)").Replace("(?-)", "(?:)").Replace("(?-:", "(?:");
        return (result, exact);
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';

    /// <summary>Whether p[index] ends a quantifier (so a following '+' makes it possessive).</summary>
    private static bool IsQuantifierEnd(string p, int index)
    {
        char c = p[index];
        if (c is not ('*' or '+' or '?' or '}')) return false;
        int backslashes = 0;
        for (int k = index - 1; k >= 0 && p[k] == '\\'; k--) backslashes++;
        if (backslashes % 2 == 1) return false;
        // "(?" is a group opener, not a quantifier, and "++" counted once: a+++ is not valid Java either.
        if (c == '?' && index > 0 && p[index - 1] == '(') return false;
        if (c == '+' && index > 0 && IsQuantifierEnd(p, index - 1)) return false;
        return true;
    }
}
