using System;
using System.Collections.Generic;
using System.Text;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Pebble;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Security;

/// <summary>
/// KF1007's fix: moves `{{ secret('X') }}` out of a shell command into the task's `env` and reads it back as
/// `"${X}"`. Offered only where the result provably means the same to a POSIX shell; it is not applied by
/// `check --fix` (the runner's shell is chosen at run time), only offered in editors.
/// </summary>
internal static class ScriptSecretEnvFix
{
    /// <summary>The environment variable a secret should move to, and the expression it is set from.</summary>
    public sealed class EnvMove
    {
        public EnvMove(string name, string expression, bool movable)
        {
            Name = name;
            Expression = expression;
            Movable = movable;
        }

        public string Name { get; }

        /// <summary>The expression as written (`secret('GITHUB_TOKEN')`), or `…` when it cannot move as is.</summary>
        public string Expression { get; }

        /// <summary>Whether `env` can render the same expression (not a `{% set %}` variable of the script's own template).</summary>
        public bool Movable { get; }
    }

    /// <summary>Variables a script relies on; a secret is never moved over one of them.</summary>
    private static readonly HashSet<string> ReservedNames = new(StringComparer.Ordinal)
    {
        "PATH", "HOME", "USER", "SHELL", "PWD", "OLDPWD", "LANG", "TERM", "HOSTNAME", "IFS", "PS1", "PS4", "TMPDIR",
        "LD_PRELOAD", "LD_LIBRARY_PATH", "PYTHONPATH", "NODE_OPTIONS", "WORKING_DIR", "OUTPUT_DIR",
    };

    public static EnvMove Plan(SecretUse use)
    {
        string name = EnvironmentName(use.Name);
        bool movable = use.Origin is SecretOrigin.SecretFunction or SecretOrigin.SecretInput or SecretOrigin.RenderedVariable;
        string expression = "…";
        if (movable && use.Site.Template is { } template)
        {
            string text = template.Source.Substring(use.Source.Span.Start, use.Source.Span.Length);
            if (text.IndexOf('\n') < 0 && text.IndexOf('\r') < 0) expression = text;
            else movable = false;
        }
        return new EnvMove(name, expression, movable);
    }

    public static CodeFix? TryCreate(SecretUse use, FlowTask task, EnvMove move)
    {
        var site = use.Site;
        if (!move.Movable || use.Name is null || ReservedNames.Contains(move.Name) || task.CanonicalType is not { } type) return null;
        if (!SecretSinks.RunsInPosixShell(type, site.PropertyName) || task.Node.TryGetValue("interpreter", out _)) return null;
        if (site.ViaAlias is not null || task.ViaAlias is not null || task.Node.IsFlowStyle || task.Node.HasMergeKeys) return null;
        if (site.Template is not { } template || use.EnclosingPrint() is not { } print || print.Expression != use.Source) return null;
        if (!IsTopLevel(template, print) || HasWhitespaceControl(template.Source, print)) return null;

        var quoting = ShellQuotingBefore(template, print);
        if (quoting == ShellQuoting.Unknown || quoting == ShellQuoting.Single) return null;
        string reference = quoting == ShellQuoting.Double ? "${" + move.Name + "}" : "\"${" + move.Name + "}\"";

        var text = site.Flow.Text;
        var printSpan = site.MapToSource(print.Span);
        if (ContainsLineBreak(text.ToString(printSpan))) return null;
        string replacement = site.Scalar.Style == YamlScalarStyle.DoubleQuoted ? EscapeDoubleQuoted(reference) : reference;

        var edits = new List<TextEdit>();
        string envValue = "\"" + EscapeDoubleQuoted("{{ " + move.Expression + " }}") + "\"";
        if (!AddEnvEntry(task, site.PropertyName, move.Name, "{{ " + move.Expression + " }}", envValue, text, edits)) return null;
        edits.Add(new TextEdit(printSpan, replacement));
        edits.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new CodeFix($"Pass {use.Display} to the script as environment variable {move.Name}", edits, isSafe: false);
    }

    /// <summary>Adds `NAME: "{{ … }}"` to the task's `env`, creating `env` in front of the script property if needed.</summary>
    private static bool AddEnvEntry(FlowTask task, string property, string name, string value, string yamlValue, SourceText text, List<TextEdit> edits)
    {
        YamlEntry? envEntry = null, propertyEntry = null;
        foreach (var entry in task.Node.Entries)
        {
            if (entry.Key is not YamlScalar key) continue;
            if (key.Value == "env") envEntry ??= entry;
            else if (key.Value == property) propertyEntry ??= entry;
        }

        if (envEntry is { } env)
        {
            if (env.Value is not YamlMapping { IsFlowStyle: false } map || map.Entries.Count == 0) return false;
            foreach (var entry in map.Entries)
            {
                if (entry.Key is not YamlScalar key) return false;
                if (key.Value != name) continue;
                // Already there with the same expression (a second use in the same task): only the reference changes.
                return entry.Value is YamlScalar existing && existing.Value == value;
            }
            var firstKey = map.Entries[0].Key;
            if (IndentOf(text, firstKey.Span.Start, allowSequenceDash: false) is not { } entryIndent) return false;
            edits.Add(new TextEdit(new TextSpan(firstKey.Span.Start, 0), name + ": " + yamlValue + "\n" + new string(' ', entryIndent)));
            return true;
        }

        if (propertyEntry is not { } owner) return false;
        if (IndentOf(text, owner.Key.Span.Start, allowSequenceDash: true) is not { } indent) return false;
        string pad = new(' ', indent);
        edits.Add(new TextEdit(new TextSpan(owner.Key.Span.Start, 0), "env:\n" + pad + "  " + name + ": " + yamlValue + "\n" + pad));
        return true;
    }

    /// <summary>The column of a key that starts its line (after `- ` sequence markers when allowed), else null.</summary>
    private static int? IndentOf(SourceText text, int offset, bool allowSequenceDash)
    {
        int lineStart = text.GetLineStart(text.GetLineFromOffset(offset));
        for (int i = lineStart; i < offset; i++)
        {
            char c = text[i];
            if (c == ' ') continue;
            if (allowSequenceDash && c == '-' && i + 1 < offset && text[i + 1] == ' ') continue;
            return null;
        }
        return offset - lineStart;
    }

    private enum ShellQuoting
    {
        None,
        Double,
        Single,
        Unknown,
    }

    /// <summary>
    /// The POSIX shell quoting in force where the print starts, reading the literal text before it. Other prints
    /// are assumed to output no quote; backquotes and here-documents give up.
    /// </summary>
    private static ShellQuoting ShellQuotingBefore(PebbleTemplate template, PrintNode print)
    {
        var state = ShellQuoting.None;
        foreach (var node in template.Nodes)
        {
            if (node == print) return state;
            string literal = node switch
            {
                TextNode t => t.Value,
                VerbatimNode v => v.Value,
                _ => string.Empty,
            };
            if (node is PebbleTagNode) return ShellQuoting.Unknown;
            for (int i = 0; i < literal.Length; i++)
            {
                char c = literal[i];
                switch (state)
                {
                    case ShellQuoting.Single:
                        if (c == '\'') state = ShellQuoting.None;
                        break;
                    case ShellQuoting.Double:
                        if (c == '\\') i++;
                        else if (c == '"') state = ShellQuoting.None;
                        else if (c == '`') return ShellQuoting.Unknown;
                        break;
                    default:
                        if (c == '\\') i++;
                        else if (c == '\'') state = ShellQuoting.Single;
                        else if (c == '"') state = ShellQuoting.Double;
                        else if (c == '`' || (c == '<' && i + 1 < literal.Length && literal[i + 1] == '<')) return ShellQuoting.Unknown;
                        break;
                }
            }
        }
        return ShellQuoting.Unknown;
    }

    private static bool IsTopLevel(PebbleTemplate template, PrintNode print)
    {
        foreach (var node in template.Nodes)
            if (node == print) return true;
        return false;
    }

    /// <summary>`{{-` and `-}}` trim the text around the print; the reference would not.</summary>
    private static bool HasWhitespaceControl(string source, PrintNode print) =>
        (print.Span.Length >= 3 && source[print.Span.Start + 2] == '-') || (print.Span.Length >= 5 && source[print.Span.End - 3] == '-');

    /// <summary>`GITHUB_TOKEN` from `secret('github-token')`; `SECRET` when the name is unknown.</summary>
    private static string EnvironmentName(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "SECRET";
        var builder = new StringBuilder(name!.Length + 1);
        foreach (char c in name)
            builder.Append(c is (>= 'a' and <= 'z') ? (char)(c - 32) : c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' ? c : '_');
        if (builder[0] is >= '0' and <= '9') builder.Insert(0, '_');
        return builder.ToString();
    }

    private static string EscapeDoubleQuoted(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"");

    private static bool ContainsLineBreak(string text) => text.IndexOf('\n') >= 0 || text.IndexOf('\r') >= 0;
}
