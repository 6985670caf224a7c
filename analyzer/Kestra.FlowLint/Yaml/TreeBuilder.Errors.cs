using System;
using Kestra.FlowLint.Text;
using YamlDotNet.Core;

namespace Kestra.FlowLint.Yaml;

/// <summary>Limits, and turning YamlDotNet's failures into located errors.</summary>
internal sealed partial class TreeBuilder
{
    /// <summary>Counts the node and checks depth and size; false (after one Limit error) stops the parse.</summary>
    private bool CheckLimits(int position)
    {
        string? problem = null;
        if (_depth > _options.MaxDepth)
            problem = $"The YAML is nested deeper than {_options.MaxDepth} levels; the rest of the file is not analysed.";
        else if (++_nodeCount > _options.MaxNodes)
            problem = $"The YAML has more than {_options.MaxNodes:N0} nodes; the rest of the file is not analysed.";
        if (problem == null)
            return true;

        AddError(position, position, problem, YamlErrorKind.Limit);
        _hitLimit = true;
        _stopped = true;
        return false;
    }

    private void ReportYamlException(YamlException ex, Scanner scanner)
    {
        int start = Position(ex.Start);
        int end = Position(ex.End);
        if (ex.Start.Equals(Mark.Empty) && ex.End.Equals(Mark.Empty))
        {
            // Some scanner errors carry no position (a tab used as indentation); the scanner stopped there.
            start = end = Position(scanner.CurrentPosition);
        }
        AddError(start, end, CleanMessage(ex.Message), YamlErrorKind.Syntax);
        _stopped = true;
    }

    private void ReportParserFailure(Exception ex, Scanner scanner)
    {
        int position = Position(scanner.CurrentPosition);
        string message = $"The YAML parser failed here ({ex.GetType().Name}: {ex.Message}).";
        if (ex is InvalidOperationException && _depth > 0 && _stack[_depth - 1].IsFlow)
        {
            ref var frame = ref _stack[_depth - 1];
            var opening = _source.GetLinePosition(frame.ContentStart);
            bool isSequence = frame.Node is YamlSequence;
            message = $"While scanning the flow {(isSequence ? "sequence" : "mapping")} that starts at line {opening.Line + 1}, column {opening.Character + 1}, "
                + $"found a line indented less than its content; is the closing '{(isSequence ? ']' : '}')}' missing?";
        }
        AddError(position, position, message, YamlErrorKind.Syntax);
        _stopped = true;
    }

    private void ReportInternalError(Exception ex)
    {
        // Our own bug, not the input's fault: still a diagnostic rather than a crash of the run.
        AddError(0, 0, $"Internal error of FlowLint's YAML layer ({ex.GetType().Name}: {ex.Message}).", YamlErrorKind.Syntax);
        _stopped = true;
    }

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes positions in some versions: "(Line: 1, Col: 2, Idx: 1) - (Line: ...): message".
        if (message.StartsWith("(Line:", StringComparison.Ordinal))
        {
            int at = message.IndexOf("): ", StringComparison.Ordinal);
            if (at >= 0)
                message = message.Substring(at + 3);
        }
        return message.Trim();
    }

    /// <summary>Records an error; an empty span becomes the character there (or the end of the file).</summary>
    private void AddError(int start, int end, string message, YamlErrorKind kind)
    {
        start = Math.Max(0, Math.Min(start, _text.Length));
        end = Math.Max(start, Math.Min(end, _text.Length));
        if (end == start && start < _text.Length)
            end = start + 1;
        _errors.Add(new YamlError(TextSpan.FromBounds(start, end), message, kind));
    }
}
