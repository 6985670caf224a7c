using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Kestra.FlowLint.Benchmarks;

/// <summary>
/// A seeded generator of realistic Kestra flows for benchmarks: every scalar style (plain, single- and
/// double-quoted, literal and folded blocks, flow collections), nested flowable tasks, expressions of every
/// kind (variables, outputs, filters, functions, ternaries, tags, comments), secrets, inputs, triggers,
/// outputs and plugin defaults, and some findings. The same seed gives the same flows on every machine.
/// <para>
/// Every fifth flow plants one secret-in-log (KF1001) in a task of its own, in one of the <see cref="LeakShapes"/>,
/// so the Spectral comparison can tell which shapes each tool finds: the manifest lists each planted task's
/// file, lines and shape.
/// </para>
/// </summary>
public sealed class FlowGenerator
{
    /// <summary>How a planted secret reaches a Log message (and two decoys that are not leaks).</summary>
    public static readonly string[] LeakShapes =
    {
        "double-quoted", "plain-in-block-literal", "folded-block", "list-message", "nested-in-ForEach", "legacy-task-type",
        "decoy:pebble-comment", "decoy:raw-block",
    };

    private static readonly string[] Words = { "orders", "billing", "daily", "sync", "report", "etl", "users", "events", "audit", "export", "ingest", "alerts" };
    private static readonly string[] Filters = { "upper", "lower", "trim", "default('n/a')", "date('yyyy-MM-dd')", "json", "slice(0, 8)", "replace({'-': '_'})", "length", "first" };

    private readonly Random _random;
    private readonly StringBuilder _sb = new();
    private int _taskNumber; // task ids are unique in a flow, as Kestra requires
    // The last task of each kind written so far: outputs are read from tasks that exist, as in a real flow.
    private readonly System.Collections.Generic.Dictionary<string, string> _lastTaskOfKind = new(StringComparer.Ordinal);

    /// <summary>`outputs.ID.property` of the last task of that kind, or null when the flow has none yet.</summary>
    private string? OutputOf(string kind, string property) =>
        _lastTaskOfKind.TryGetValue(kind, out var id) ? "outputs." + id + "." + property : null;

    public FlowGenerator(int seed) => _random = new Random(seed);

    /// <summary>A planted secret-in-log: the task's lines (1-based, inclusive) and how it is written.</summary>
    public readonly record struct Plant(int FirstLine, int LastLine, string Shape);

    /// <summary>Flows 0..count-1 in memory (benchmarks).</summary>
    public static List<(string Path, string Text)> Generate(int count, int seed = 20261123)
    {
        var generator = new FlowGenerator(seed);
        var result = new List<(string, string)>(count);
        for (int i = 0; i < count; i++) result.Add(($"generated/flow-{i:D5}.yaml", generator.Next(i, out _)));
        return result;
    }

    /// <summary>Writes flows to a folder (one file each) and manifest.tsv (file, first line, last line, shape of each plant).</summary>
    public static long WriteTo(string folder, int count, int seed = 20261123)
    {
        Directory.CreateDirectory(folder);
        var generator = new FlowGenerator(seed);
        var manifest = new StringBuilder("file\tfirst_line\tlast_line\tshape\n");
        long bytes = 0;
        for (int i = 0; i < count; i++)
        {
            string name = $"flow-{i:D5}.yaml";
            string text = generator.Next(i, out var plant);
            File.WriteAllText(Path.Combine(folder, name), text, new UTF8Encoding(false));
            bytes += Encoding.UTF8.GetByteCount(text);
            if (plant is { } p) manifest.Append(name).Append('\t').Append(p.FirstLine).Append('\t').Append(p.LastLine).Append('\t').Append(p.Shape).Append('\n');
        }
        File.WriteAllText(Path.Combine(folder, "manifest.tsv"), manifest.ToString());
        return bytes;
    }

    private string Pick(string[] items) => items[_random.Next(items.Length)];
    private string Word() => Pick(Words);
    private int Lines() { int n = 1; foreach (var c in _sb.ToString()) if (c == '\n') n++; return n; }

    /// <summary>One flow; <paramref name="plant"/> is set when it plants a secret-in-log.</summary>
    public string Next(int index, out Plant? plant)
    {
        plant = null;
        var sb = _sb.Clear();
        _taskNumber = 0;
        _lastTaskOfKind.Clear();
        string ns = $"company.{Word()}.{Word()}";
        sb.Append("id: ").Append(Word()).Append('-').Append(index.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("namespace: ").Append(ns).Append('\n');
        sb.Append("description: |\n  Loads ").Append(Word()).Append(" data into the warehouse.\n  Owner: team-").Append(Word()).Append("; runs after the ").Append(Word()).Append(" flow.\n");
        sb.Append("labels:\n  team: ").Append(Word()).Append("\n  env: \"prod\"\n");

        sb.Append("inputs:\n");
        sb.Append("  - id: day\n    type: DATE\n    required: false\n");
        sb.Append("  - id: name\n    type: STRING\n    defaults: '").Append(Word()).Append("'\n");
        sb.Append("  - id: token\n    type: SECRET\n    description: The API token of the source system.\n");
        sb.Append("  - id: mode\n    type: SELECT\n    values: [full, incremental, dry-run]\n    defaults: incremental\n");

        sb.Append("variables:\n");
        sb.Append("  bucket: s3://").Append(Word()).Append("-lake/{{ flow.namespace }}\n");
        sb.Append("  day: \"{{ inputs.day ?? (trigger.date ?? execution.startDate) | date('yyyy-MM-dd') }}\"\n");
        sb.Append("  query: >-\n    SELECT * FROM ").Append(Word()).Append("\n    WHERE day = '{{ render(vars.day) }}'\n");

        sb.Append("tasks:\n");
        int tasks = 3 + _random.Next(6);
        for (int t = 0; t < tasks; t++) Task(t, indent: 2, depth: 0);

        if (index % 5 == 0)
        {
            int first = Lines();
            string shape = LeakShapes[(index / 5) % LeakShapes.Length];
            Leak(shape);
            plant = new Plant(first, Lines() - 1, shape);
        }

        sb.Append("errors:\n  - id: alert\n    type: io.kestra.plugin.notifications.slack.SlackIncomingWebhook\n    url: \"{{ secret('SLACK_WEBHOOK') }}\"\n");
        sb.Append("    payload: |\n      {\"text\": \"Flow {{ flow.id }} failed: {{ execution.id }} {{ errorLogs()[0].message ?? '' | json }}\"}\n");

        sb.Append("triggers:\n");
        sb.Append("  - id: nightly\n    type: io.kestra.plugin.core.trigger.Schedule\n    cron: \"").Append(_random.Next(60)).Append(' ').Append(_random.Next(24)).Append(" * * *\"\n");
        if (_random.Next(3) == 0) sb.Append("  - id: hook\n    type: io.kestra.plugin.core.trigger.Webhook\n    key: \"{{ secret('WEBHOOK_KEY') }}\"\n");
        if (_random.Next(4) == 0) sb.Append("  - id: upstream\n    type: io.kestra.plugin.core.trigger.Flow\n    conditions:\n      - type: io.kestra.plugin.core.condition.ExecutionStatus\n        in: [SUCCESS]\n");

        sb.Append("outputs:\n  - id: rows\n    type: INT\n    value: \"{{ ").Append(OutputOf("load", "rowCount") ?? "0").Append(" ?? 0 }}\"\n");
        if (_random.Next(2) == 0)
            sb.Append("pluginDefaults:\n  - type: io.kestra.plugin.jdbc.postgresql\n    values:\n      url: jdbc:postgresql://db:5432/").Append(Word()).Append("\n      username: \"{{ secret('PG_USER') }}\"\n      password: \"{{ secret('PG_PASSWORD') }}\"\n");
        return sb.ToString();
    }

    private void Indent(int n) => _sb.Append(' ', n);

    private void Task(int t, int indent, int depth)
    {
        var sb = _sb;
        int kind = depth >= 2 ? _random.Next(5) : _random.Next(8);
        string kindName = kind switch { 0 => "log", 1 => "fetch", 2 => "load", 3 => "script", 4 => "query", 5 => "each", 6 => "parallel", _ => "branch" };
        string id = kindName + "_" + (_taskNumber++).ToString(CultureInfo.InvariantCulture);
        Indent(indent); sb.Append("- id: ").Append(id).Append('\n');
        int i = indent + 2;
        switch (kind)
        {
            case 0:
                Indent(i); sb.Append("type: io.kestra.plugin.core.log.Log\n");
                Indent(i); sb.Append("message: ").Append(Scalar(Expression(), i)).Append('\n');
                Indent(i); sb.Append("level: ").Append(Pick(new[] { "INFO", "DEBUG", "WARN" })).Append('\n');
                break;
            case 1:
                Indent(i); sb.Append("type: io.kestra.plugin.core.http.Request\n");
                Indent(i); sb.Append("uri: https://api.example.com/").Append(Word()).Append("?day={{ vars.day | urlencode }}\n");
                Indent(i); sb.Append("method: ").Append(Pick(new[] { "GET", "POST" })).Append('\n');
                Indent(i); sb.Append("headers:\n");
                Indent(i + 2); sb.Append("Authorization: \"Bearer {{ secret('API_TOKEN') }}\"\n");
                Indent(i + 2); sb.Append("X-Request-Id: '{{ execution.id }}'\n");
                Indent(i); sb.Append("body: |\n");
                Indent(i + 2); sb.Append("{\"name\": \"{{ inputs.name }}\", \"mode\": \"{{ inputs.mode }}\"}\n");
                break;
            case 2:
                Indent(i); sb.Append("type: io.kestra.plugin.jdbc.postgresql.CopyIn\n");
                Indent(i); sb.Append("from: \"{{ ").Append(OutputOf("fetch", "uri") is { } fetched ? fetched + " ?? " : "").Append("vars.bucket ~ '/' ~ inputs.name }}\"\n");
                Indent(i); sb.Append("table: ").Append(Word()).Append("_staging\n");
                Indent(i); sb.Append("header: true\n");
                break;
            case 3:
                Indent(i); sb.Append("type: io.kestra.plugin.scripts.python.Script\n");
                Indent(i); sb.Append("containerImage: python:3.12-slim\n");
                Indent(i); sb.Append("env:\n");
                Indent(i + 2); sb.Append("API_TOKEN: \"{{ secret('API_TOKEN') }}\"\n");
                Indent(i + 2); sb.Append("DAY: \"{{ vars.day }}\"\n");
                Indent(i); sb.Append("script: |\n");
                Indent(i + 2); sb.Append("import os, json\n");
                Indent(i + 2); sb.Append("rows = [r for r in range(").Append(_random.Next(1, 100)).Append(")]  # {{ inputs.mode }}\n");
                Indent(i + 2); sb.Append("print(json.dumps({\"rows\": len(rows), \"day\": os.environ[\"DAY\"]}))\n");
                break;
            case 4:
                Indent(i); sb.Append("type: io.kestra.plugin.jdbc.postgresql.Query\n");
                Indent(i); sb.Append("sql: \"{{ render(vars.query) }}\"\n");
                Indent(i); sb.Append("fetchType: ").Append(Pick(new[] { "FETCH", "FETCH_ONE", "STORE" })).Append('\n');
                if (_random.Next(10) == 0) { Indent(i); sb.Append("password: Pr0d-Passw0rd-").Append(_random.Next(1000, 9999)).Append('\n'); }
                break;
            case 5:
                Indent(i); sb.Append("type: io.kestra.plugin.core.flow.ForEach\n");
                Indent(i); sb.Append("values: [\"a\", 'b', c, \"{{ inputs.name }}\"]\n");
                Indent(i); sb.Append("concurrencyLimit: 2\n");
                Indent(i); sb.Append("tasks:\n");
                for (int n = 0; n < 2; n++) Task(n, i + 2, depth + 1);
                break;
            case 6:
                Indent(i); sb.Append("type: io.kestra.plugin.core.flow.Parallel\n");
                Indent(i); sb.Append("tasks:\n");
                for (int n = 0; n < 2; n++) Task(n, i + 2, depth + 1);
                break;
            default:
                Indent(i); sb.Append("type: io.kestra.plugin.core.flow.If\n");
                Indent(i); sb.Append("condition: \"{{ inputs.mode == 'full'").Append(OutputOf("query", "size") is { } size ? " and (" + size + " ?? 0) > 10" : "").Append(" }}\"\n");
                Indent(i); sb.Append("then:\n");
                Task(0, i + 2, depth + 1);
                Indent(i); sb.Append("else:\n");
                Task(1, i + 2, depth + 1);
                break;
        }
        _lastTaskOfKind[kindName] = id;
    }

    private string Expression() => _random.Next(8) switch
    {
        0 => "Loaded {{ " + (OutputOf("load", "rowCount") ?? "0") + " ?? 0 }} rows for {{ inputs.name | " + Pick(Filters) + " }}",
        1 => "{{ inputs.mode == 'full' ? 'full reload' : 'incremental' }} on {{ vars.day }}",
        2 => "{% if inputs.mode == 'dry-run' %}dry run{% else %}{{ execution.id }}{% endif %}",
        3 => "{% for d in [1, 2, 3] %}{{ d * 2 }} {% endfor %}",
        4 => "{# a comment #}{{ labels.team ~ '-' ~ flow.id | lower }}",
        5 => "{{ taskrun.value ?? parent.taskrun.value ?? 'none' }}",
        6 => "{{ kv('LAST_RUN') | default(now() | dateAdd(-1, 'DAYS')) }}",
        _ => "Plain text with a: colon and # hash",
    };

    /// <summary>The value in a random scalar style, indented for a property at <paramref name="indent"/>.</summary>
    private string Scalar(string value, int indent) => _random.Next(5) switch
    {
        0 => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
        1 => "'" + value.Replace("'", "''") + "'",
        2 => "|\n" + new string(' ', indent + 2) + value,
        3 => ">-\n" + new string(' ', indent + 2) + value + "\n" + new string(' ', indent + 2) + "continued",
        _ => "\"" + value.Replace("\"", "\\\"") + "\"",
    };

    private void Leak(string shape)
    {
        var sb = _sb;
        switch (shape)
        {
            case "double-quoted":
                sb.Append("  - id: leak\n    type: io.kestra.plugin.core.log.Log\n    message: \"Token is {{ secret('API_TOKEN') }}\"\n");
                break;
            case "plain-in-block-literal":
                sb.Append("  - id: leak\n    type: io.kestra.plugin.core.log.Log\n    message: |\n      Debugging the call\n      token={{ secret('API_TOKEN') }}\n");
                break;
            case "folded-block":
                sb.Append("  - id: leak\n    type: io.kestra.plugin.core.log.Log\n    message: >-\n      Using password\n      {{ secret('DB_PASSWORD') | trim }}\n");
                break;
            case "list-message":
                sb.Append("  - id: leak\n    type: io.kestra.plugin.core.log.Log\n    message:\n      - Starting\n      - \"key {{ secret('API_TOKEN') }}\"\n");
                break;
            case "nested-in-ForEach":
                sb.Append("  - id: leak_each\n    type: io.kestra.plugin.core.flow.ForEach\n    values: [1, 2]\n    tasks:\n      - id: leak\n        type: io.kestra.plugin.core.log.Log\n        message: \"{{ taskrun.value }}: {{ secret('API_TOKEN') }}\"\n");
                break;
            case "legacy-task-type":
                sb.Append("  - id: leak\n    type: io.kestra.core.tasks.log.Log\n    message: \"{{ secret('API_TOKEN') }}\"\n");
                break;
            case "decoy:pebble-comment":
                sb.Append("  - id: leak\n    type: io.kestra.plugin.core.log.Log\n    message: \"done {# was: secret('API_TOKEN') #}\"\n");
                break;
            default: // decoy:raw-block
                sb.Append("  - id: leak\n    type: io.kestra.plugin.core.log.Log\n    message: \"Use {% raw %}{{ secret('NAME') }}{% endraw %} in your flows\"\n");
                break;
        }
    }
}
