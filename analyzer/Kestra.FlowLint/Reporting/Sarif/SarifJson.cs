using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kestra.FlowLint.Analysis;

namespace Kestra.FlowLint.Reporting.Sarif;

/// <summary>
/// Writes the SARIF model (<see cref="SarifLog"/>) as JSON, as <see cref="Utf8JsonWriter"/> writes it (by the
/// hand-written <see cref="Utf8Sink"/>, which tests hold to Utf8JsonWriter's bytes): properties in
/// declaration order, null ones left out, two-space indentation, "\n" line breaks, non-ASCII text as is.
/// Written by hand rather than by a JsonSerializerContext because configuring the serializer's metadata for
/// these 24 types (attribute lookups by reflection) took more time than linting a flow, on every run.
/// The same walk over the model also gives an upper bound of the output's size (<see cref="MaxUtf8Length"/>),
/// which lets the writer stream a log it knows to be within GitHub's limits instead of holding it in memory.
/// </summary>
internal static class SarifJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        // Non-ASCII text stays readable; the file is written as UTF-8, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The log as UTF-8 JSON (no trailing newline), appended to <paramref name="into"/>.</summary>
    public static void Write(SarifLog log, IBufferWriter<byte> into)
    {
        var sink = new Utf8Sink(into);
        Log(sink, log);
        sink.Flush();
    }

    /// <summary>
    /// The same bytes as <see cref="Write"/>, written by <see cref="Utf8JsonWriter"/> with the options above: the
    /// reference the tests hold the hand-written <see cref="Utf8Sink"/> to.
    /// </summary>
    internal static void WriteWithUtf8JsonWriter(SarifLog log, IBufferWriter<byte> into)
    {
        using var writer = new Utf8JsonWriter(into, Options);
        Log(new WriterSink(writer), log);
    }

    /// <summary>A number of bytes <see cref="Write"/> never exceeds for <paramref name="log"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(OncePerRun.Optimize)]
    public static long MaxUtf8Length(SarifLog log)
    {
        var bound = new BoundSink();
        Log(bound, log);
        return bound.Total;
    }

    /// <summary>The log as JSON text (no trailing newline).</summary>
    public static string ToText(SarifLog log)
    {
        using var text = new StringWriter();
        var buffer = new Utf8TextWriterBuffer(text);
        Write(log, buffer);
        buffer.Complete();
        return text.ToString();
    }

    private static void Log(Sink w, SarifLog log)
    {
        var help = new HelpBuffer();
        w.WriteStartObject();
        w.WriteString("$schema", log.Schema);
        w.WriteString("version", log.Version);
        w.WriteStartArray("runs");
        foreach (var run in log.Runs) Run(w, run, help);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    [System.Runtime.CompilerServices.MethodImpl(OncePerRun.Optimize)]
    private static void Run(Sink w, SarifRun run, HelpBuffer help)
    {
        w.WriteStartObject();
        w.WritePropertyName("tool");
        w.WriteStartObject();
        w.WritePropertyName("driver");
        ToolComponent(w, run.Tool.Driver, help);
        w.WriteEndObject();
        if (run.Invocations is not null)
        {
            w.WriteStartArray("invocations");
            foreach (var invocation in run.Invocations) Invocation(w, invocation);
            w.WriteEndArray();
        }
        if (run.AutomationDetails is not null)
        {
            w.WriteStartObject("automationDetails");
            w.WriteString("id", run.AutomationDetails.Id);
            w.WriteEndObject();
        }
        if (run.OriginalUriBaseIds is not null)
        {
            w.WriteStartObject("originalUriBaseIds");
            foreach (var entry in run.OriginalUriBaseIds)
            {
                w.WritePropertyName(entry.Key);
                ArtifactLocation(w, entry.Value);
            }
            w.WriteEndObject();
        }
        w.WriteString("columnKind", run.ColumnKind);
        w.WriteStartArray("results");
        foreach (var result in run.Results) Result(w, result);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void ToolComponent(Sink w, SarifToolComponent c, HelpBuffer help)
    {
        w.WriteStartObject();
        w.WriteString("name", c.Name);
        OptionalString(w, "fullName", c.FullName);
        OptionalString(w, "version", c.Version);
        OptionalString(w, "semanticVersion", c.SemanticVersion);
        OptionalString(w, "informationUri", c.InformationUri);
        w.WriteStartArray("rules");
        foreach (var rule in c.Rules) ReportingDescriptor(w, rule, help);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void ReportingDescriptor(Sink w, SarifReportingDescriptor d, HelpBuffer help)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        OptionalString(w, "name", d.Name);
        MultiformatMessage(w, "shortDescription", d.ShortDescription);
        MultiformatMessage(w, "fullDescription", d.FullDescription);
        if (d.HelpOf is { } rule)
        {
            w.WriteHelp(rule, help);
        }
        else
        {
            MultiformatMessage(w, "help", d.Help);
        }
        OptionalString(w, "helpUri", d.HelpUri);
        if (d.DefaultConfiguration is { } configuration)
        {
            w.WriteStartObject("defaultConfiguration");
            if (configuration.Enabled is { } enabled) w.WriteBoolean("enabled", enabled);
            w.WriteString("level", configuration.Level);
            w.WriteEndObject();
        }
        if (d.Properties is { } properties)
        {
            w.WriteStartObject("properties");
            w.WriteStartArray("tags");
            foreach (var tag in properties.Tags) w.WriteStringValue(tag);
            w.WriteEndArray();
            OptionalString(w, "precision", properties.Precision);
            OptionalString(w, "problem.severity", properties.ProblemSeverity);
            OptionalString(w, "security-severity", properties.SecuritySeverity);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void MultiformatMessage(Sink w, string name, SarifMultiformatMessage? message)
    {
        if (message is null) return;
        w.WriteStartObject(name);
        w.WriteString("text", message.Text);
        OptionalString(w, "markdown", message.Markdown);
        w.WriteEndObject();
    }

    private static void Result(Sink w, SarifResult r)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", r.RuleId);
        w.WriteNumber("ruleIndex", r.RuleIndex);
        w.WriteString("level", r.Level);
        Message(w, "message", r.Message);
        w.WriteStartArray("locations");
        foreach (var location in r.Locations) Location(w, location);
        w.WriteEndArray();
        if (r.PartialFingerprints is not null)
        {
            w.WriteStartObject("partialFingerprints");
            if (r.PartialFingerprints is SingleEntryMap one) w.WriteString(one.Key, one.Value);
            else foreach (var entry in r.PartialFingerprints) w.WriteString(entry.Key, entry.Value);
            w.WriteEndObject();
        }
        if (r.Suppressions is not null)
        {
            w.WriteStartArray("suppressions");
            foreach (var suppression in r.Suppressions)
            {
                w.WriteStartObject();
                w.WriteString("kind", suppression.Kind);
                OptionalString(w, "status", suppression.Status);
                OptionalString(w, "justification", suppression.Justification);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (r.Fixes is not null)
        {
            w.WriteStartArray("fixes");
            foreach (var fix in r.Fixes) Fix(w, fix);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void Fix(Sink w, SarifFix fix)
    {
        w.WriteStartObject();
        Message(w, "description", fix.Description);
        w.WriteStartArray("artifactChanges");
        foreach (var change in fix.ArtifactChanges)
        {
            w.WriteStartObject();
            w.WritePropertyName("artifactLocation");
            ArtifactLocation(w, change.ArtifactLocation);
            w.WriteStartArray("replacements");
            foreach (var replacement in change.Replacements)
            {
                w.WriteStartObject();
                w.WritePropertyName("deletedRegion");
                Region(w, replacement.DeletedRegion);
                ArtifactContent(w, "insertedContent", replacement.InsertedContent);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Invocation(Sink w, SarifInvocation invocation)
    {
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", invocation.ExecutionSuccessful);
        if (invocation.ToolExecutionNotifications is not null)
        {
            w.WriteStartArray("toolExecutionNotifications");
            foreach (var notification in invocation.ToolExecutionNotifications) Notification(w, notification);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void Notification(Sink w, SarifNotification n)
    {
        w.WriteStartObject();
        w.WriteString("level", n.Level);
        Message(w, "message", n.Message);
        if (n.Locations is not null)
        {
            w.WriteStartArray("locations");
            foreach (var location in n.Locations) Location(w, location);
            w.WriteEndArray();
        }
        if (n.AssociatedRule is { } rule)
        {
            w.WriteStartObject("associatedRule");
            w.WriteString("id", rule.Id);
            if (rule.Index is { } index) w.WriteNumber("index", index);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void Location(Sink w, SarifLocation location)
    {
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        w.WritePropertyName("artifactLocation");
        ArtifactLocation(w, location.PhysicalLocation.ArtifactLocation);
        if (location.PhysicalLocation.Region is { } region)
        {
            w.WritePropertyName("region");
            Region(w, region);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void ArtifactLocation(Sink w, SarifArtifactLocation location)
    {
        w.WriteStartObject();
        OptionalString(w, "uri", location.Uri);
        OptionalString(w, "uriBaseId", location.UriBaseId);
        if (location.Description is not null) Message(w, "description", location.Description);
        w.WriteEndObject();
    }

    private static void Region(Sink w, SarifRegion region)
    {
        w.WriteStartObject();
        w.WriteNumber("startLine", region.StartLine);
        w.WriteNumber("startColumn", region.StartColumn);
        w.WriteNumber("endLine", region.EndLine);
        w.WriteNumber("endColumn", region.EndColumn);
        if (region.Snippet is not null) ArtifactContent(w, "snippet", region.Snippet);
        w.WriteEndObject();
    }

    private static void Message(Sink w, string name, SarifMessage message)
    {
        w.WriteStartObject(name);
        w.WriteString("text", message.Text);
        w.WriteEndObject();
    }

    private static void ArtifactContent(Sink w, string name, SarifArtifactContent content)
    {
        w.WriteStartObject(name);
        w.WriteString("text", content.Text);
        w.WriteEndObject();
    }

    /// <summary>One builder and one character buffer for every rule's help: written as spans, never as strings.</summary>
    private sealed class HelpBuffer
    {
        public readonly StringBuilder Text = new(8 * 1024);
        private char[] _chars = new char[8 * 1024];

        public void Write(Sink w, string name, StringBuilder text)
        {
            if (_chars.Length < text.Length) _chars = new char[Math.Max(text.Length, 2 * _chars.Length)];
            text.CopyTo(0, _chars, 0, text.Length);
            w.WriteString(name, _chars.AsSpan(0, text.Length));
        }
    }

    private static void OptionalString(Sink w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }

    /// <summary>What the walk over the model writes to: the JSON writer, or a running upper bound of its output.</summary>
    private abstract class Sink
    {
        public abstract void WriteStartObject();
        public abstract void WriteStartObject(string name);
        public abstract void WriteEndObject();
        public abstract void WriteStartArray(string name);
        public abstract void WriteEndArray();
        public abstract void WritePropertyName(string name);
        public abstract void WriteString(string name, string value);
        public abstract void WriteString(string name, ReadOnlySpan<char> value);
        public abstract void WriteStringValue(string value);
        public abstract void WriteNumber(string name, int value);
        public abstract void WriteBoolean(string name, bool value);

        /// <summary>`"help": { "text": ..., "markdown": ... }` of a rule, rendered in <paramref name="help"/>.</summary>
        public virtual void WriteHelp(DiagnosticDescriptor rule, HelpBuffer help)
        {
            WriteStartObject("help");
            help.Write(this, "text", SarifRules.HelpText(rule, help.Text));
            help.Write(this, "markdown", SarifRules.HelpMarkdown(rule, help.Text));
            WriteEndObject();
        }
    }

    private sealed class WriterSink : Sink
    {
        private readonly Utf8JsonWriter _w;
        public WriterSink(Utf8JsonWriter writer) => _w = writer;
        public override void WriteStartObject() => _w.WriteStartObject();
        public override void WriteStartObject(string name) => _w.WriteStartObject(name);
        public override void WriteEndObject() => _w.WriteEndObject();
        public override void WriteStartArray(string name) => _w.WriteStartArray(name);
        public override void WriteEndArray() => _w.WriteEndArray();
        public override void WritePropertyName(string name) => _w.WritePropertyName(name);
        public override void WriteString(string name, string value) => _w.WriteString(name, value);
        public override void WriteString(string name, ReadOnlySpan<char> value) => _w.WriteString(name, value);
        public override void WriteStringValue(string value) => _w.WriteStringValue(value);
        public override void WriteNumber(string name, int value) => _w.WriteNumber(name, value);
        public override void WriteBoolean(string name, bool value) => _w.WriteBoolean(name, value);
    }

    /// <summary>
    /// Writes what <see cref="Utf8JsonWriter"/> writes with <see cref="Options"/> (two-space indentation, "\n",
    /// relaxed escaping), byte for byte, at a fraction of its cost: a SARIF log is tens of thousands of short,
    /// mostly ASCII strings, which this copies a byte per character, while the general writer validated, escaped
    /// and transcoded each through several layers (it was most of the time of `--format sarif`). Text with
    /// anything but printable ASCII, quotes and backslashes goes through the same encoder as before.
    /// </summary>
    private sealed class Utf8Sink : Sink
    {
        private const int ChunkSize = 16 * 1024;
        private readonly IBufferWriter<byte> _into;
        private byte[] _buffer = new byte[ChunkSize];
        private char[] _chars = new char[1024];
        private int _used;
        private int _depth;
        private bool _needComma;
        private bool _afterName;

        public Utf8Sink(IBufferWriter<byte> into) => _into = into;

        /// <summary>Passes what is buffered on to the output.</summary>
        public void Flush()
        {
            if (_used == 0) return;
            _into.Write(new ReadOnlySpan<byte>(_buffer, 0, _used));
            _used = 0;
        }

        private void Reserve(int bytes)
        {
            if (_used + bytes <= _buffer.Length) return;
            Flush();
            if (bytes > _buffer.Length) _buffer = new byte[Math.Max(bytes, 2 * _buffer.Length)];
        }

        /// <summary>The comma, line break and indentation before a value or a property, unless a name precedes it.</summary>
        private void BeginItem(int extra)
        {
            Reserve(2 + 2 * _depth + extra);
            if (_afterName)
            {
                _afterName = false;
                return;
            }
            if (_needComma) _buffer[_used++] = (byte)',';
            if (_depth > 0)
            {
                _buffer[_used++] = (byte)'\n';
                for (int i = 0; i < 2 * _depth; i++) _buffer[_used++] = (byte)' ';
            }
        }

        private void Start(byte bracket)
        {
            BeginItem(1);
            _buffer[_used++] = bracket;
            _depth++;
            _needComma = false;
        }

        private void End(byte bracket)
        {
            _depth--;
            Reserve(2 + 2 * _depth);
            // An empty container closes on its own line's bracket: `{}`, `[]`.
            if (_needComma)
            {
                _buffer[_used++] = (byte)'\n';
                for (int i = 0; i < 2 * _depth; i++) _buffer[_used++] = (byte)' ';
            }
            _buffer[_used++] = bracket;
            _needComma = true;
        }

        private void Name(string name)
        {
            BeginItem(0);
            Quoted(name.AsSpan());
            Reserve(2);
            _buffer[_used++] = (byte)':';
            _buffer[_used++] = (byte)' ';
            _afterName = true;
        }

        private void Value(ReadOnlySpan<char> value)
        {
            BeginItem(0);
            Quoted(value);
            _needComma = true;
        }

        private void Quoted(ReadOnlySpan<char> text)
        {
            // ASCII takes at most six bytes a character (\u001F); anything else goes through the encoder.
            if (!IsAscii(text))
            {
                Escaped(text);
                return;
            }
            Reserve(6 * text.Length + 2);
            var buffer = _buffer;
            int at = _used;
            buffer[at++] = (byte)'"';
            while (true)
            {
                // Runs that need no escape are copied as they are (vectorised where the runtime can).
                int run = PlainRunLength(text);
                Narrow(text.Slice(0, run), buffer, at);
                at += run;
                if (run == text.Length) break;
                char c = text[run];
                text = text.Slice(run + 1);
                // The encoder's escapes: the short ones JSON has, else \u00XX in capitals.
                buffer[at++] = (byte)'\\';
                switch (c)
                {
                    case '"': buffer[at++] = (byte)'"'; break;
                    case '\\': buffer[at++] = (byte)'\\'; break;
                    case '\b': buffer[at++] = (byte)'b'; break;
                    case '\t': buffer[at++] = (byte)'t'; break;
                    case '\n': buffer[at++] = (byte)'n'; break;
                    case '\f': buffer[at++] = (byte)'f'; break;
                    case '\r': buffer[at++] = (byte)'r'; break;
                    default:
                        buffer[at++] = (byte)'u';
                        buffer[at++] = (byte)'0';
                        buffer[at++] = (byte)'0';
                        buffer[at++] = (byte)UpperHex[c >> 4];
                        buffer[at++] = (byte)UpperHex[c & 0xF];
                        break;
                }
            }
            buffer[at++] = (byte)'"';
            _used = at;
        }

#if NET8_0_OR_GREATER
        /// <summary>Printable ASCII except the quote and the backslash: what is written without an escape.</summary>
        private static readonly SearchValues<char> Plain = SearchValues.Create(PlainCharacters());

        private static string PlainCharacters()
        {
            var chars = new System.Text.StringBuilder();
            for (char c = ' '; c < (char)0x7F; c++)
                if (c != '"' && c != '\\') chars.Append(c);
            return chars.ToString();
        }

        // DEL (0x7F) is escaped by the encoder, so it counts as non-ASCII here and goes the encoder's way.
        // Not IndexOfAnyInRange: before the JIT optimises it, that generic method boxes both bounds on every call.
        private static bool IsAscii(ReadOnlySpan<char> text) => System.Text.Ascii.IsValid(text) && text.IndexOf('\x7F') < 0;

        private static int PlainRunLength(ReadOnlySpan<char> text)
        {
            int index = text.IndexOfAnyExcept(Plain);
            return index < 0 ? text.Length : index;
        }

        private static void Narrow(ReadOnlySpan<char> ascii, byte[] buffer, int at) =>
            System.Text.Ascii.FromUtf16(ascii, buffer.AsSpan(at), out _);
#else
        private static bool IsAscii(ReadOnlySpan<char> text)
        {
            foreach (char c in text)
                if (c >= 0x7F) return false;
            return true;
        }

        private static int PlainRunLength(ReadOnlySpan<char> text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < 0x20 || c == '"' || c == '\\') return i;
            }
            return text.Length;
        }

        private static void Narrow(ReadOnlySpan<char> ascii, byte[] buffer, int at)
        {
            for (int i = 0; i < ascii.Length; i++) buffer[at + i] = (byte)ascii[i];
        }
#endif

        private const string UpperHex = "0123456789ABCDEF";

        /// <summary>Text with non-ASCII characters is escaped by the encoder the general writer used, then encoded as UTF-8.</summary>
        private void Escaped(ReadOnlySpan<char> text)
        {
#if NET8_0_OR_GREATER
            // Six characters at most for each one escaped (\uXXXX, a surrogate pair as two of them).
            if (_chars.Length < 6 * text.Length) _chars = new char[Math.Max(6 * text.Length, 2 * _chars.Length)];
            var status = Options.Encoder!.Encode(text, _chars, out int consumed, out int escapedLength, isFinalBlock: true);
            if (status == OperationStatus.Done && consumed == text.Length)
            {
                var escapedText = new ReadOnlySpan<char>(_chars, 0, escapedLength);
                Reserve(System.Text.Encoding.UTF8.GetMaxByteCount(escapedLength) + 2);
                _buffer[_used++] = (byte)'"';
                _used += System.Text.Encoding.UTF8.GetBytes(escapedText, _buffer.AsSpan(_used));
                _buffer[_used++] = (byte)'"';
                return;
            }
#endif
            string escaped = Options.Encoder!.Encode(text.ToString());
            int max = System.Text.Encoding.UTF8.GetMaxByteCount(escaped.Length) + 2;
            Reserve(max);
            _buffer[_used++] = (byte)'"';
            _used += System.Text.Encoding.UTF8.GetBytes(escaped, 0, escaped.Length, _buffer, _used);
            _buffer[_used++] = (byte)'"';
        }

        public override void WriteStartObject() => Start((byte)'{');
        public override void WriteStartObject(string name)
        {
            Name(name);
            Start((byte)'{');
        }
        public override void WriteEndObject() => End((byte)'}');
        public override void WriteStartArray(string name)
        {
            Name(name);
            Start((byte)'[');
        }
        public override void WriteEndArray() => End((byte)']');
        public override void WritePropertyName(string name) => Name(name);
        public override void WriteString(string name, string value)
        {
            Name(name);
            Value(value.AsSpan());
        }
        public override void WriteString(string name, ReadOnlySpan<char> value)
        {
            Name(name);
            Value(value);
        }
        public override void WriteStringValue(string value) => Value(value.AsSpan());
        public override void WriteNumber(string name, int value)
        {
            Name(name);
            BeginItem(11);
            System.Buffers.Text.Utf8Formatter.TryFormat(value, _buffer.AsSpan(_used), out int written);
            _used += written;
            _needComma = true;
        }
        public override void WriteBoolean(string name, bool value)
        {
            Name(name);
            BeginItem(5);
            foreach (char c in value ? "true" : "false") _buffer[_used++] = (byte)c;
            _needComma = true;
        }
    }

    /// <summary>
    /// Sums what each token can take at most: a UTF-16 character becomes at most 6 bytes (an escape like \u001F;
    /// 3 bytes of UTF-8 otherwise, and a surrogate pair 4 bytes or two escapes), plus quotes, a comma, a line break
    /// and indentation for a nesting far deeper than SARIF's.
    /// </summary>
    private sealed class BoundSink : Sink
    {
        // Around each token: a line break, two spaces a level, the name's quotes, ": ", the value's quotes, a comma.
        private const int Structure = 12;
        private int _depth;
        public long Total;
        private void Token(string? name, long valueBytes) => Total += Structure + 2L * _depth + Escaped(name.AsSpan()) + valueBytes;
        public override void WriteStartObject() { Token(null, 0); _depth++; }
        public override void WriteStartObject(string name) { Token(name, 0); _depth++; }
        public override void WriteEndObject() { _depth = Math.Max(0, _depth - 1); Token(null, 0); }
        public override void WriteStartArray(string name) { Token(name, 0); _depth++; }
        public override void WriteEndArray() { _depth = Math.Max(0, _depth - 1); Token(null, 0); }
        public override void WritePropertyName(string name) => Token(name, 0);
        public override void WriteString(string name, string value) => Token(name, Escaped(value.AsSpan()));
        public override void WriteString(string name, ReadOnlySpan<char> value) => Token(name, Escaped(value));
        public override void WriteStringValue(string value) => Token(null, Escaped(value.AsSpan()));
        public override void WriteNumber(string name, int value) => Token(name, 11);
        public override void WriteBoolean(string name, bool value) => Token(name, 5);

        // Bounded from the rule's texts, without rendering the help.
        public override void WriteHelp(DiagnosticDescriptor rule, HelpBuffer help) => Total += 4 * (Structure + 2L * _depth) + 64 + 6L * SarifRules.MaxHelpLength(rule);

        /// <summary>
        /// At most what a JSON encoder writes for <paramref name="text"/> in UTF-8: one byte for a printable ASCII
        /// character that no encoder escapes, six (a <c>\uXXXX</c> escape) for any other UTF-16 unit (UTF-8 needs
        /// at most three). Results are mostly plain ASCII, so the bound stays near the real size: the writer can then
        /// stream a log of a few megabytes instead of compressing it to check GitHub's limit.
        /// </summary>
        internal static long Escaped(ReadOnlySpan<char> text)
        {
            long total = 0;
#if NET8_0_OR_GREATER
            // Runs of plain characters are skipped a vector at a time; quotes and apostrophes are common in messages.
            while (true)
            {
                int next = text.IndexOfAnyExcept(Unescaped);
                if (next < 0) return total + text.Length;
                total += next + 6;
                text = text.Slice(next + 1);
            }
#else
            foreach (char c in text)
                total += IsUnescaped(c) ? 1 : 6;
            return total;
#endif
        }

        private static bool IsUnescaped(char c) =>
            c >= ' ' && c <= '~' && c is not ('"' or '\\' or '<' or '>' or '&' or '\'' or '+' or '`');

#if NET8_0_OR_GREATER
        private static readonly SearchValues<char> Unescaped = SearchValues.Create(UnescapedCharacters());

        private static string UnescapedCharacters()
        {
            var chars = new StringBuilder();
            for (char c = ' '; c <= '~'; c++)
                if (IsUnescaped(c)) chars.Append(c);
            return chars.ToString();
        }
#endif
    }
}
