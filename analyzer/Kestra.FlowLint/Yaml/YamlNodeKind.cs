namespace Kestra.FlowLint.Yaml;

public enum YamlNodeKind
{
    Mapping,
    Sequence,
    Scalar,
    Alias,
}

public enum YamlScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}
