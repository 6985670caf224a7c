using System.Collections.Generic;

namespace Kestra.FlowLint.Pebble;

/// <summary>A parsed template: its top-level nodes and every error found, in source order.</summary>
public sealed class PebbleTemplate
{
    internal PebbleTemplate(string source, IReadOnlyList<PebbleTemplateNode> nodes, IReadOnlyList<PebbleError> errors)
    {
        Source = source;
        Nodes = nodes;
        Errors = errors;
    }

    public string Source { get; }

    public IReadOnlyList<PebbleTemplateNode> Nodes { get; }

    public IReadOnlyList<PebbleError> Errors { get; }

    public bool HasErrors => Errors.Count > 0;

    /// <summary>Every node and expression of the template, depth first, parents before children.</summary>
    public IEnumerable<PebbleSyntaxNode> DescendantNodes()
    {
        foreach (var node in Nodes)
        {
            foreach (var d in node.DescendantNodesAndSelf())
            {
                yield return d;
            }
        }
    }
}
