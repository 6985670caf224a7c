using System;
using System.Collections.Generic;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Flows;

public enum DocumentKind
{
    /// <summary>Not something FlowLint analyses (a GitHub workflow, action.yml, any other YAML): no findings.</summary>
    Other,
    Flow,
    KestraConfiguration,

    /// <summary>A Compose file whose services carry KESTRA_CONFIGURATION block strings.</summary>
    ComposeWithKestraConfiguration,
}

/// <summary>
/// The one place that decides what a YAML document is. The CLI, the language server and the Roslyn host
/// all ask it, so a file gets the same findings everywhere and unrelated YAML stays clean.
/// </summary>
public static class DocumentClassifier
{
    public static DocumentKind Classify(YamlDocument document)
    {
        if (document.Root?.Resolve() is not YamlMapping root) return DocumentKind.Other;

        if (root.TryGetValue("id", out _) &&
            (root.TryGetValue("namespace", out _) || root.TryGetValue("tasks", out _) || root.TryGetValue("triggers", out _)))
        {
            return DocumentKind.Flow;
        }

        // A flow whose id was forgotten is still a flow: report the missing id rather than skip the file.
        if (root.TryGetValue("namespace", out _) && (root.TryGetValue("tasks", out _) || root.TryGetValue("triggers", out _)))
            return DocumentKind.Flow;

        if (IsKestraConfiguration(root)) return DocumentKind.KestraConfiguration;
        if (FindComposeKestraConfigurations(root).Count > 0) return DocumentKind.ComposeWithKestraConfiguration;
        return DocumentKind.Other;
    }

    /// <summary>A root with a `kestra:` mapping, or Spring/Micronaut-style dotted keys such as `kestra.encryption.secret-key:`.</summary>
    public static bool IsKestraConfiguration(YamlMapping root)
    {
        foreach (var entry in root.Entries)
        {
            if (entry.Key is not YamlScalar key) continue;
            if (key.Value == "kestra" && entry.Value.Resolve() is YamlMapping) return true;
            if (key.Value.StartsWith("kestra.", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>
    /// The KESTRA_CONFIGURATION values of a Compose file's services, in either environment form
    /// (`KESTRA_CONFIGURATION: |` in a map, or `- KESTRA_CONFIGURATION=...` in a list).
    /// </summary>
    public static IReadOnlyList<EmbeddedConfiguration> FindComposeKestraConfigurations(YamlMapping root)
    {
        var found = new List<EmbeddedConfiguration>();
        if (!root.TryGetValue("services", out var servicesNode) || servicesNode.Resolve() is not YamlMapping services) return found;
        foreach (var service in services.Entries)
        {
            if (service.Value.Resolve() is not YamlMapping serviceMap) continue;
            if (!serviceMap.TryGetValue("environment", out var environment)) continue;
            switch (environment.Resolve())
            {
                case YamlMapping envMap:
                    foreach (var variable in envMap.Entries)
                    {
                        if (variable.Key is YamlScalar { Value: "KESTRA_CONFIGURATION" } && variable.Value.Resolve() is YamlScalar value)
                            found.Add(new EmbeddedConfiguration((service.Key as YamlScalar)?.Value ?? "", value, 0, service.Key, serviceMap));
                    }
                    break;
                case YamlSequence envList:
                    const string prefix = "KESTRA_CONFIGURATION=";
                    foreach (var item in envList.Items)
                    {
                        if (item.Resolve() is YamlScalar s && s.Value.StartsWith(prefix, StringComparison.Ordinal))
                            found.Add(new EmbeddedConfiguration((service.Key as YamlScalar)?.Value ?? "", s, prefix.Length, service.Key, serviceMap));
                    }
                    break;
            }
        }
        return found;
    }
}

/// <summary>A Kestra configuration written inside a string of another YAML file (a Compose service's environment).</summary>
public sealed class EmbeddedConfiguration
{
    public EmbeddedConfiguration(string serviceName, YamlScalar scalar, int valueOffset, YamlNode? serviceKey = null, YamlMapping? service = null)
    {
        ServiceName = serviceName;
        ServiceKey = serviceKey;
        Service = service;
        Scalar = scalar;
        ValueOffset = valueOffset;
    }

    public string ServiceName { get; }

    /// <summary>The service's key in the Compose file (its span is in the file's coordinates).</summary>
    public YamlNode? ServiceKey { get; }

    /// <summary>The service's mapping, for settings Compose applies around the server (`stop_grace_period`).</summary>
    public YamlMapping? Service { get; }

    /// <summary>The scalar holding the configuration.</summary>
    public YamlScalar Scalar { get; }

    /// <summary>Where the configuration starts in the scalar's value (after `KESTRA_CONFIGURATION=` in list form).</summary>
    public int ValueOffset { get; }

    public string Configuration => Scalar.Value.Substring(ValueOffset);
}
