using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kestra.FlowLint.Reporting;

namespace Kestra.FlowLint.Baseline;

/// <summary>
/// A baseline: the findings a repository had when it adopted FlowLint (or a new rule), by fingerprint, so
/// only new findings fail the gate. The file is meant to be committed and reviewed: versioned, sorted by
/// path, rule and fingerprint, two-space indented, UTF-8 without a BOM, "\n" line ends, so the same findings
/// always give the same bytes. Messages are kept for the reader (they never hold a secret); only the
/// fingerprint is matched.
/// </summary>
public sealed class BaselineFile
{
    public const int CurrentVersion = 1;
    public const string DefaultFileName = ".flowlint-baseline.json";

    public int Version { get; init; } = CurrentVersion;

    /// <summary>The fingerprint scheme the entries were computed with (<see cref="SarifFingerprint.Key"/>).</summary>
    public string Fingerprint { get; init; } = SarifFingerprint.Key;

    public List<BaselineEntry> Findings { get; init; } = new();

    /// <summary>A baseline with its entries in the canonical order.</summary>
    public static BaselineFile Create(IEnumerable<BaselineEntry> entries)
    {
        var findings = new List<BaselineEntry>(entries);
        findings.Sort(BaselineEntry.Compare);
        return new BaselineFile { Findings = findings };
    }

    public string ToJson()
    {
        var copy = Create(Findings);
        return JsonSerializer.Serialize(copy, Json.BaselineFile) + "\n";
    }

    public void Save(string path) => File.WriteAllText(path, ToJson(), new UTF8Encoding(false));

    /// <summary>Reads a baseline; <see cref="BaselineFormatException"/> says what is wrong with a bad one.</summary>
    public static BaselineFile Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path, Encoding.UTF8); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BaselineFormatException($"cannot read the baseline {path}: {ex.Message}");
        }
        return Parse(text, path);
    }

    public static BaselineFile Parse(string json, string name)
    {
        BaselineFile? file;
        try { file = JsonSerializer.Deserialize(json, Json.BaselineFile); }
        catch (JsonException ex)
        {
            throw new BaselineFormatException($"the baseline {name} is not valid JSON: {ex.Message}");
        }
        if (file is null) throw new BaselineFormatException($"the baseline {name} is empty");
        if (file.Version != CurrentVersion)
            throw new BaselineFormatException($"the baseline {name} has version {file.Version}; this FlowLint reads version {CurrentVersion}");
        if (!string.Equals(file.Fingerprint, SarifFingerprint.Key, StringComparison.Ordinal))
            throw new BaselineFormatException($"the baseline {name} uses fingerprints '{file.Fingerprint}'; this FlowLint computes '{SarifFingerprint.Key}': create it again");
        foreach (var entry in file.Findings)
        {
            if (string.IsNullOrEmpty(entry.Fingerprint))
                throw new BaselineFormatException($"the baseline {name} has an entry without a fingerprint");
        }
        return file;
    }

    private static readonly BaselineJsonContext Json = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        NewLine = "\n",
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    });
}

/// <summary>One recorded finding.</summary>
public sealed class BaselineEntry
{
    /// <summary>Root-relative, '/'-separated.</summary>
    public string Path { get; init; } = "";

    public string RuleId { get; init; } = "";
    public string Fingerprint { get; init; } = "";

    /// <summary>For the reader only; not matched (messages may be reworded between versions).</summary>
    public string? Message { get; init; }

    public static int Compare(BaselineEntry a, BaselineEntry b)
    {
        int c = string.CompareOrdinal(a.Path, b.Path);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.RuleId, b.RuleId);
        return c != 0 ? c : string.CompareOrdinal(a.Fingerprint, b.Fingerprint);
    }
}

/// <summary>A baseline that cannot be used; the CLI exits with 2 and this message.</summary>
public sealed class BaselineFormatException : Exception
{
    public BaselineFormatException(string message) : base(message) { }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(BaselineFile))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext
{
}
