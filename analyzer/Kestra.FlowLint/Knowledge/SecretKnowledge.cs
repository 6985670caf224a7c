using System;
using System.Collections.Generic;

namespace Kestra.FlowLint.Knowledge;

/// <summary>
/// What a transformation does to a secret with respect to Kestra's log masking, which replaces only exact
/// occurrences of the registered plaintext (research §5.4, §5.6).
/// </summary>
public enum MaskingEffect
{
    /// <summary>The plaintext survives intact inside the result, so the mask still applies (<c>~</c>, <c>trim</c>, <c>default</c>).</summary>
    KeepsValueWhole,

    /// <summary>
    /// Intact only when the secret has no quote, backslash or control character (<c>toJson</c>, <c>escapeChar</c>);
    /// otherwise the escaped copy is printed in clear.
    /// </summary>
    KeepsValueWholeWhenPlain,

    /// <summary>The result is derived from the secret (case change, part, encoding, hash, field, boolean oracle…) and is not masked.</summary>
    DefeatsMasking,

    /// <summary>The result carries nothing of the value (<c>className</c>).</summary>
    RevealsNothing,
}

/// <summary>Secret facts as data: where secrets come from and what defeats masking.</summary>
public static class SecretKnowledge
{
    /// <summary>Functions that return a secret's plaintext (and register it for masking in the current task run).</summary>
    public static readonly IReadOnlyList<string> SecretFunctions = new[] { "secret" };

    /// <summary>
    /// Functions returning a credential-grade value that Kestra does not document as masked (EE <c>credential</c>
    /// tokens, <c>decrypt</c> output).
    /// </summary>
    public static readonly IReadOnlyList<string> SensitiveValueFunctions = new[] { "credential", "decrypt" };

    /// <summary>Functions that dump the whole context, decrypted SECRET inputs included.</summary>
    public static readonly IReadOnlyList<string> ContextDumpFunctions = new[] { "printContext", "fetchContext" };

    /// <summary>Functions that evaluate a string as a template: a <c>secret()</c> inside the string runs there.</summary>
    public static readonly IReadOnlyList<string> RenderFunctions = new[] { "render", "renderOnce" };

    /// <summary>
    /// Functions whose result is derived from a secret passed as argument (parsing a JSON/YAML secret to reach a field,
    /// reversible encryption).
    /// </summary>
    public static readonly IReadOnlyList<string> DerivingFunctions = new[] { "fromJson", "json", "yaml", "fromIon", "encrypt" };

    /// <summary>Binary operators whose result keeps a secret operand whole (string concatenation).</summary>
    public static readonly IReadOnlyList<string> ValueKeepingOperators = new[] { "~" };

    /// <summary>Binary operators that turn a secret into a boolean oracle (equality, membership).</summary>
    public static readonly IReadOnlyList<string> OracleOperators = new[] { "==", "!=", "equals", "contains", "isIn", "<", ">", "<=", ">=" };

    /// <summary>
    /// Java method calls on a String are allowed in Kestra expressions (<c>secret('k').toUpperCase()</c>,
    /// <c>.split('-')[1]</c>, <c>.toCharArray()[0]</c>): any method call on a secret yields a derived, unmasked value.
    /// </summary>
    public const bool JavaMethodCallsDefeatMasking = true;

    /// <summary>
    /// In 1.x logs also mask the base64 form of a registered secret, so <c>| base64encode</c> alone no longer shows
    /// in logs; it still defeats masking in outputs, labels and any other transformation of it.
    /// </summary>
    public const bool Base64FormMaskedInLogs = KestraVersionFacts.Base64FormOfSecretsMaskedInLogs;

    private static readonly Dictionary<string, MaskingEffect> FilterEffectTable = BuildFilterEffects();

    /// <summary>Every known filter → its effect on a secret. A filter missing here is not a Kestra filter.</summary>
    public static IReadOnlyDictionary<string, MaskingEffect> FilterEffects => FilterEffectTable;

    /// <summary>The effect of applying a filter to a secret; unknown filters are assumed to defeat masking.</summary>
    public static MaskingEffect GetFilterEffect(string filterName)
        => FilterEffectTable.TryGetValue(filterName, out var effect) ? effect : MaskingEffect.DefeatsMasking;

    private static Dictionary<string, MaskingEffect> BuildFilterEffects()
    {
        var map = new Dictionary<string, MaskingEffect>(StringComparer.Ordinal);
        void Set(MaskingEffect effect, params string[] names)
        {
            foreach (var name in names) map.Add(name, effect);
        }

        Set(MaskingEffect.KeepsValueWhole, "trim", "default", "string");
        Set(MaskingEffect.KeepsValueWholeWhenPlain, "toJson", "json", "escapeChar");
        Set(MaskingEffect.RevealsNothing, "className");
        Set(MaskingEffect.DefeatsMasking,
            // case changes (harness: `S3CR3T-VALUE`)
            "upper", "lower", "title", "capitalize",
            // parts of the value
            "first", "last", "slice", "abbreviate", "split", "join", "chunk", "reverse", "sort", "rsort", "distinct", "flatten", "merge",
            "substringBefore", "substringBeforeLast", "substringAfter", "substringAfterLast",
            "regexExtract", "regexReplace", "replace",
            // reversible encodings and hashes
            "base64encode", "base64decode", "urlencode", "urldecode", "sha1", "sha256", "sha512", "md5",
            // reformatting
            "slugify", "indent", "nindent", "yaml", "toIon", "number", "numberFormat", "abs",
            "date", "dateAdd", "timestamp", "timestampMilli", "timestampMicro", "timestampNano",
            // fields of a JSON/YAML secret
            "jq", "keys", "values",
            // oracles and sizes
            "startsWith", "endsWith", "regexMatch", "length");
        return map;
    }
}
