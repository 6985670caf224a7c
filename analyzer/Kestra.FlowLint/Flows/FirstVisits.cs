using System.Collections.Generic;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Flows;

/// <summary>
/// Whether a rule meets a node of a flow for the first time: a task or input reached again through an alias is the
/// same definition, judged once. Only a document with an alias can share nodes, so most flows need no set at all.
/// </summary>
public struct FirstVisits<T> where T : YamlNode
{
    private readonly bool _mayRepeat;
    private HashSet<T>? _seen;

    public FirstVisits(FlowDocument flow)
    {
        _mayRepeat = flow.Document.HasAliases;
        _seen = null;
    }

    /// <summary>True the first time <paramref name="node"/> is passed (always, in a document without aliases).</summary>
    public bool Add(T node) => !_mayRepeat || (_seen ??= new HashSet<T>()).Add(node);
}
