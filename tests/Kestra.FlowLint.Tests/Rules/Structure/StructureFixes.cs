using System.Text;
using Kestra.FlowLint.Analysis;

namespace Kestra.FlowLint.Tests.Rules.Structure;

/// <summary>Applies a rule's fix to a fixture, as `check --fix` would.</summary>
internal static class StructureFixes
{
    public static string Apply(string text, CodeFix fix)
    {
        var sb = new StringBuilder(text);
        foreach (var edit in fix.Edits.OrderByDescending(e => e.Span.Start))
        {
            sb.Remove(edit.Span.Start, edit.Span.Length);
            sb.Insert(edit.Span.Start, edit.NewText);
        }
        return sb.ToString();
    }
}
