using System.Globalization;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Structure;

/// <summary>Where structure findings point, and how a message names another place of the file.</summary>
internal static class StructureSpans
{
    /// <summary>
    /// A value's own characters: a scalar without its quotes (an empty scalar keeps its whole span, so the
    /// finding still has a place), any other node as written.
    /// </summary>
    public static TextSpan ValueSpan(YamlNode node) =>
        node is YamlScalar { Value.Length: > 0 } scalar ? scalar.MapToSource(0, scalar.Value.Length) : node.Span;

    /// <summary>Where a finding about a mapping (a task, an input…) goes: its first key, or the alias that brings it in.</summary>
    public static TextSpan HeadSpan(YamlMapping node, YamlAlias? viaAlias)
    {
        if (viaAlias is not null) return viaAlias.Span;
        foreach (var entry in node.Entries) return ValueSpan(entry.Key);
        return node.Span;
    }

    /// <summary>The span a finding about an identifier goes to: the alias that brings the item in, else the id itself.</summary>
    public static TextSpan IdSpan(YamlNode idNode, YamlAlias? viaAlias) => viaAlias?.Span ?? ValueSpan(idNode);

    /// <summary>"line:column", 1-based, as editors show it.</summary>
    public static string Position(SourceText text, int offset)
    {
        var p = text.GetLinePosition(offset);
        return (p.Line + 1).ToString(CultureInfo.InvariantCulture) + ":" + (p.Character + 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The scalar text of a value, or null for null, missing and non-scalar values.</summary>
    public static string? Text(YamlNode? node) =>
        node?.Resolve() is YamlScalar { IsNull: false } scalar ? scalar.Value : null;

    /// <summary>Whether a flow's document was cut short by a syntax error (KF4001): "missing" findings would be noise.</summary>
    public static bool IsIncomplete(FlowDocument flow) => !flow.Document.IsComplete;
}
