using System;
using System.Collections.Generic;

namespace Kestra.FlowLint.Knowledge;

/// <summary>
/// The Pebble surface of Kestra 1.x: every function, filter and test a flow can call, and the tags and filters
/// Kestra removed. One entry per line so the table reads like a data file.
/// Sources: Kestra docs (expressions reference pages, 2025–2026), Kestra's Extension/ExtensionCustomizer and each
/// callable's <c>getArgumentNames()</c>, Pebble 3.2.2 core classes (research/kestra-domain.md §1).
/// </summary>
internal static class PebbleCatalog
{
    private const CallableOrigin K = CallableOrigin.Kestra;
    private const CallableOrigin P = CallableOrigin.PebbleCore;
    private const CallableOrigin EE = CallableOrigin.KestraEnterprise;

    // Null argument lists are deliberate: those implementations return null from getArgumentNames(), and Pebble
    // then ignores extra positional arguments instead of failing (harness: `'x' | lower('a','b')` renders `x`).
    // Documented for 1.x but absent from the Dec 2024 (0.21) snapshot; the exact release is not pinned down.
    private const string New = KestraVersionFacts.DocumentedSince1x;

    private static readonly string[] None = Array.Empty<string>();
    private static readonly string[] DateArgs = { "format", "timeZone", "existingFormat", "locale" };
    private static readonly string[] TimestampArgs = { "timeZone", "existingFormat" };
    private static readonly string[] FileArgs = { "path", "namespace" };

    internal static readonly CallableInfo[] FunctionTable =
    {
        // Data access
        Fn("secret", K, KestraVersionFacts.SecretFunctionArguments, 1, "Reads a secret from the secret backend (namespace and JSON subkey optional)."),
        Fn("credential", EE, null, 1, "Returns the short-lived token of a managed credential (Enterprise Edition).", since: New),
        Fn("kv", K, new[] { "key", "namespace", "errorOnMissing" }, 1, "Reads a KV-store value; errors on a missing key unless errorOnMissing=false."),
        Fn("read", K, FileArgs, 1, "Reads a namespace file or an internal-storage file of this execution as a string."),
        Fn("fileURI", K, FileArgs, 1, "Returns the internal-storage URI of a namespace file."),
        Fn("fileSize", K, FileArgs, 1, "Returns the size in bytes of an internal-storage file."),
        Fn("fileExists", K, FileArgs, 1, "Returns true when the file exists.", since: New),
        Fn("isFileEmpty", K, FileArgs, 1, "Returns true when the file has no content.", since: New),
        Fn("fileEmpty", K, FileArgs, 1, "Older name of isFileEmpty still documented in the legacy reference.", since: New),
        Fn("encrypt", K, new[] { "key", "plaintext" }, 2, "Encrypts a string with AES/GCM using a base64 key."),
        Fn("decrypt", K, new[] { "key", "encrypted" }, 2, "Decrypts a string produced by encrypt()."),

        // Rendering and debugging
        Fn("render", K, new[] { "toRender", "recursive" }, 1, "Renders a string that contains Pebble (flow or namespace variables)."),
        Fn("renderOnce", K, new[] { "toRender" }, 1, "render(x, recursive=false)."),
        Fn("printContext", K, None, 0, "Returns the whole variable context, decrypted SECRET inputs included."),
        Fn("fetchContext", K, None, 0, "Returns the whole variable context, decrypted SECRET inputs included."),

        // Parsing
        Fn("fromJson", K, new[] { "json" }, 1, "Parses a JSON string."),
        Fn("json", K, new[] { "json" }, 1, "Parses a JSON string (deprecated name).", deprecated: true, replacement: "fromJson"),
        Fn("yaml", K, new[] { "yaml" }, 1, "Parses a YAML string."),
        Fn("fromIon", K, new[] { "ion" }, 1, "Parses an Ion string."),

        // Workflow helpers
        Fn("currentEachOutput", K, new[] { "outputs" }, 1, "Outputs of a sibling task for the current ForEach iteration."),
        Fn("errorLogs", K, null, 0, "Error logs of the current execution (only on a worker)."),
        Fn("tasksWithState", K, new[] { "state" }, 1, "Task runs of this execution in the given state.", since: New),
        Fn("iterationOutput", K, new[] { "taskId", "iteration" }, 0, "Output of a previous iteration of a looping task.", since: New),
        Fn("parentOutput", K, new[] { "index" }, 0, "Outputs of a parent (flowable) task.", since: New),
        Fn("loopOutputs", K, new[] { "outputs", "name" }, 2, "One declared output of every iteration of a Loop task.", since: New),
        Fn("appLink", EE, new[] { "appId", "baseUrl" }, 0, "Link to a Kestra App (Enterprise Edition).", since: New),

        // Utilities
        Fn("now", K, DateArgs, 0, "Current date-time; same formatting arguments as the date filter."),
        Fn("uuid", K, null, 0, "A random UUID in Kestra's base62 form."),
        Fn("id", K, null, 0, "A Kestra short id."),
        Fn("ksuid", K, null, 0, "A K-sortable unique id.", since: New),
        Fn("nanoId", K, new[] { "length", "alphabet" }, 0, "A NanoID (length ≤ 1000).", since: New),
        Fn("randomInt", K, new[] { "lower", "upper" }, 2, "A random integer, upper bound excluded."),
        Fn("randomPort", K, null, 0, "A free local port."),
        Fn("http", K, new[] { "uri", "method", "query", "body", "contentType", "headers", "options", "accept" }, 1, "Calls an HTTP endpoint and returns the parsed body.", since: New),

        // Date and calendar (the single-date helpers take `date`, as their siblings do in Kestra's code)
        Fn("isWeekend", K, new[] { "date" }, 1, "True on Saturday or Sunday.", since: New),
        Fn("isPublicHoliday", K, new[] { "date", "countryCode", "subDivision" }, 2, "True on a public holiday of the country (Jollyday).", since: New),
        Fn("isDayWeekInMonth", K, new[] { "date", "dayOfWeek", "position" }, 3, "True when the date is the Nth given weekday of its month.", since: New),
        Fn("dayOfWeek", K, new[] { "date" }, 1, "Upper-case day name (MONDAY…).", since: New),
        Fn("dayOfMonth", K, new[] { "date" }, 1, "Day of the month, 1–31.", since: New),
        Fn("monthOfYear", K, new[] { "date" }, 1, "Month, 1–12.", since: New),
        Fn("hourOfDay", K, new[] { "date" }, 1, "Hour, 0–23.", since: New),

        // Pebble core functions Kestra leaves enabled
        Fn("max", P, null, 1, "Largest argument.", isVarArgs: true),
        Fn("min", P, null, 1, "Smallest argument.", isVarArgs: true),
        Fn("range", P, new[] { "start", "end", "increment" }, 2, "List of numbers from start to end inclusive."),
        // Kestra meant to remove this one but wrote `l18n`, so `i18n` is still callable (it throws MissingResourceException).
        Fn("i18n", P, new[] { "bundle", "key", "params" }, 2, "Pebble resource-bundle lookup (still enabled through a typo in Kestra's removal list)."),
        Fn("block", P, null, 1, "Renders a named block again."),
        Fn("parent", P, null, 0, "Content of the overridden parent block (needs extends, which Kestra removed)."),
    };

    internal static readonly CallableInfo[] FilterTable =
    {
        // Kestra filters
        Fl("chunk", K, new[] { "size" }, 1, "Splits a list into chunks of the given size."),
        Fl("className", K, null, 0, "Java class name of the value."),
        // Kestra's date overrides Pebble's; Pebble's order is (format, existingFormat, timeZone), so positional calls differ.
        Fl("date", K, DateArgs, 0, "Formats a date (Kestra order: format, timeZone, existingFormat, locale)."),
        Fl("dateAdd", K, new[] { "amount", "unit", "format", "timeZone", "existingFormat", "locale" }, 2, "Adds an amount of ChronoUnit to a date."),
        Fl("timestamp", K, TimestampArgs, 0, "Unix timestamp in seconds."),
        Fl("timestampMilli", K, TimestampArgs, 0, "Unix timestamp in milliseconds.", since: New),
        Fl("timestampMicro", K, TimestampArgs, 0, "Unix timestamp in microseconds."),
        Fl("timestampNano", K, TimestampArgs, 0, "Unix timestamp in nanoseconds."),
        Fl("jq", K, new[] { "expression" }, 1, "Applies a jq expression; always returns a list."),
        Fl("escapeChar", K, new[] { "type" }, 1, "Escapes quotes for single, double or shell strings."),
        Fl("toJson", K, null, 0, "Serialises to JSON."),
        Fl("json", K, null, 0, "Serialises to JSON (deprecated name).", deprecated: true, replacement: "toJson"),
        Fl("yaml", K, null, 0, "Serialises to YAML."),
        Fl("toIon", K, null, 0, "Serialises to Ion."),
        Fl("keys", K, null, 0, "Keys of a map or indices of a list."),
        Fl("values", K, null, 0, "Values of a map."),
        Fl("number", K, new[] { "type" }, 0, "Parses a string into a number (INT, FLOAT, LONG, DOUBLE, BIGDECIMAL, BIGINTEGER)."),
        Fl("urldecode", K, null, 0, "Percent-decodes a string."),
        // SlugifyFilter extends Kestra's AbstractDate, so it accepts (and ignores) the date arguments.
        Fl("slugify", K, DateArgs, 0, "URL-safe lower-case slug."),
        Fl("substringBefore", K, new[] { "separator" }, 1, "Substring before the first separator."),
        Fl("substringBeforeLast", K, new[] { "separator" }, 1, "Substring before the last separator."),
        Fl("substringAfter", K, new[] { "separator" }, 1, "Substring after the first separator."),
        Fl("substringAfterLast", K, new[] { "separator" }, 1, "Substring after the last separator."),
        Fl("flatten", K, None, 0, "Removes one level of list nesting."),
        Fl("indent", K, new[] { "amount", "prefix" }, 1, "Indents every line but the first."),
        Fl("nindent", K, new[] { "amount", "prefix" }, 1, "Newline, then indents every line."),
        Fl("startsWith", K, new[] { "value" }, 1, "True when the string starts with the value."),
        Fl("endsWith", K, new[] { "value" }, 1, "True when the string ends with the value."),
        Fl("sha1", K, null, 0, "SHA-1 hex digest."),
        Fl("sha512", K, null, 0, "SHA-512 hex digest."),
        Fl("md5", K, null, 0, "MD5 hex digest."),
        // Replaces Pebble's replace (removed by ExtensionCustomizer) with a map-of-pairs version that also walks maps and lists.
        Fl("replace", K, new[] { "replace_pairs", "regexp" }, 1, "Replaces substrings from a map of pairs (regexp=true for regex keys)."),
        Fl("numberFormat", K, new[] { "format" }, 1, "Formats a number with a DecimalFormat pattern (Pebble's numberformat, renamed)."),
        Fl("distinct", K, null, 0, "Unique values of a list.", since: New),
        Fl("string", K, null, 0, "Converts any value to its string form.", since: New),
        Fl("regexMatch", K, new[] { "regex" }, 1, "True when the string matches the regular expression.", since: New),
        Fl("regexReplace", K, new[] { "regex", "replacement" }, 2, "Replaces every regex match.", since: New),
        Fl("regexExtract", K, new[] { "regex", "group" }, 1, "First regex match (or capture group), null when none.", since: New),

        // Pebble core filters Kestra leaves enabled
        Fl("abbreviate", P, new[] { "length" }, 1, "Truncates with an ellipsis (length includes it)."),
        Fl("abs", P, null, 0, "Absolute value."),
        Fl("base64decode", P, null, 0, "Decodes base64 to UTF-8."),
        Fl("base64encode", P, null, 0, "Encodes to base64."),
        Fl("capitalize", P, null, 0, "Upper-cases the first letter."),
        Fl("default", P, new[] { "default" }, 1, "Fallback for a null, empty or undefined value."),
        Fl("first", P, null, 0, "First element, or first character of a string."),
        Fl("join", P, new[] { "separator" }, 0, "Joins a list into a string."),
        Fl("last", P, null, 0, "Last element, or last character of a string."),
        Fl("length", P, null, 0, "Size of a collection or length of a string."),
        Fl("lower", P, null, 0, "Lower-cases a string."),
        Fl("merge", P, new[] { "items" }, 1, "Merges two lists or maps."),
        Fl("reverse", P, null, 0, "Reverses a list (a string throws)."),
        Fl("rsort", P, null, 0, "Sorts descending."),
        Fl("sha256", P, null, 0, "SHA-256 hex digest."),
        Fl("slice", P, new[] { "fromIndex", "toIndex" }, 0, "Sub-list or substring."),
        Fl("sort", P, null, 0, "Sorts ascending."),
        Fl("split", P, new[] { "delimiter", "limit" }, 1, "Splits a string on a regex."),
        Fl("title", P, null, 0, "Upper-cases the first letter of each word."),
        Fl("trim", P, null, 0, "Strips leading and trailing whitespace."),
        Fl("upper", P, null, 0, "Upper-cases a string."),
        Fl("urlencode", P, null, 0, "Percent-encodes a string."),
    };

    internal static readonly CallableInfo[] TestTable =
    {
        Ts("json", K, "True when the string parses as JSON."),
        // Under strictVariables only `defined` is safe on an undefined variable; the others throw.
        Ts("defined", P, "True when the variable or attribute exists."),
        Ts("empty", P, "True for null, an empty string, list or map."),
        Ts("even", P, "True for an even integer."),
        Ts("odd", P, "True for an odd integer."),
        Ts("iterable", P, "True for a java.lang.Iterable."),
        Ts("map", P, "True for a map."),
        Ts("null", P, "True for null."),
    };

    internal static readonly RemovedCallable[] RemovedFilterTable =
    {
        new("escape", null, "Kestra disables auto-escaping and removes Pebble's escaper filter."),
        new("raw", null, "Removed with the escaper; Kestra has no auto-escaping to undo."),
        new("numberformat", "numberFormat", "Kestra renames Pebble's numberformat filter to numberFormat."),
    };

    internal static readonly RemovedCallable[] RemovedTagTable =
    {
        // Template composition tags make no sense for one rendered string, so Kestra removes them.
        new("include", null, "Kestra renders single strings; there are no other templates to include."),
        new("extends", null, "Template inheritance is removed."),
        new("import", null, "Macro import from other templates is removed; define macros inline."),
        new("from", null, "Macro import from other templates is removed; define macros inline."),
        new("embed", null, "Template embedding is removed."),
        new("flush", null, "Removed; output is rendered into a string."),
        new("parallel", null, "Removed; Pebble's parallel rendering is not allowed."),
        new("cache", null, "Removed; Pebble's fragment cache is not allowed."),
        new("autoescape", null, "Removed; Kestra disables auto-escaping."),
    };

    internal static readonly string[] KeptTagTable =
    {
        "if", "elseif", "else", "endif",
        "for", "endfor",
        "set",
        "macro", "endmacro",
        "block", "endblock",
        "filter", "endfilter",
        "verbatim", "endverbatim",
    };

    private static CallableInfo Fn(string name, CallableOrigin origin, IReadOnlyList<string>? args, int required, string description,
        bool isVarArgs = false, bool deprecated = false, string? replacement = null, string? since = null)
        => new(name, CallableKind.Function, origin, args, required, description, isVarArgs, deprecated, replacement, since);

    private static CallableInfo Fl(string name, CallableOrigin origin, IReadOnlyList<string>? args, int required, string description,
        bool deprecated = false, string? replacement = null, string? since = null)
        => new(name, CallableKind.Filter, origin, args, required, description, false, deprecated, replacement, since);

    private static CallableInfo Ts(string name, CallableOrigin origin, string description)
        => new(name, CallableKind.Test, origin, null, 0, description);

    internal static IReadOnlyDictionary<string, CallableInfo> Index(CallableInfo[] table)
    {
        var map = new Dictionary<string, CallableInfo>(table.Length, StringComparer.Ordinal);
        foreach (var entry in table)
        {
            if (map.ContainsKey(entry.Name))
                throw new InvalidOperationException("Duplicate " + entry.Kind + " " + entry.Name);
            map.Add(entry.Name, entry);
        }
        return map;
    }
}
