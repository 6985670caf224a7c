namespace Consumer;

/// <summary>Code that ships next to the flows; the analyzer looks at the flows only.</summary>
public static class Deployment
{
    public const string Namespace = "company.team";
}
