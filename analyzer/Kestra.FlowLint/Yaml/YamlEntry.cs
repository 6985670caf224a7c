namespace Kestra.FlowLint.Yaml;

/// <summary>One <c>key: value</c> pair of a mapping, as written in the file.</summary>
public readonly struct YamlEntry
{
    internal YamlEntry(YamlNode key, YamlNode value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>Normally a <see cref="YamlScalar"/>; YAML also allows collections and aliases as keys.</summary>
    public YamlNode Key { get; }

    /// <summary>An empty value (<c>key:</c>) is a null <see cref="YamlScalar"/> with a zero-length span.</summary>
    public YamlNode Value { get; }

    /// <summary>The key's text when it is a scalar (or an alias of one), else null.</summary>
    public string? KeyText => (Key.Resolve() as YamlScalar)?.Value;

    /// <summary>
    /// YAML 1.1's <c>&lt;&lt;</c> merge key: a plain (unquoted) <c>&lt;&lt;</c>, untagged or tagged <c>!!merge</c>.
    /// </summary>
    public bool IsMergeKey =>
        Key is YamlScalar { Style: YamlScalarStyle.Plain, Value: "<<" } k
        && (k.Tag == null || k.Tag == "tag:yaml.org,2002:merge");
}
