namespace Kestra.FlowLint.Rules;

/// <summary>The catalogue's categories, one per id range.</summary>
internal static class Categories
{
    public const string Secrets = "Secrets";                 // KF1xxx
    public const string Configuration = "Configuration";     // KF2xxx
    public const string Expressions = "Expressions";         // KF3xxx
    public const string Structure = "Structure";             // KF4xxx
    public const string Deprecations = "Deprecations";       // KF5xxx
}
