using System.IO;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Pebble;

/// <summary>The <c>flowlint expr "&lt;template&gt;"</c> command: the parse tree, or the errors with their positions.</summary>
public static class PebbleExpr
{
    /// <summary>
    /// Parses with Kestra's raw pre-pass. On success writes the S-expression on one line and returns 0; otherwise
    /// writes one <c>line:col: error: message</c> line per error (1-based, UTF-16 columns) and returns 1.
    /// </summary>
    public static int Run(string template, TextWriter output)
    {
        var parsed = PebbleParser.Parse(template);
        if (!parsed.HasErrors)
        {
            output.Write(SExpressionPrinter.Print(parsed));
            output.Write('\n');
            return 0;
        }

        var text = new SourceText(parsed.Source);
        foreach (var error in parsed.Errors)
        {
            var position = text.GetLinePosition(error.Span.Start);
            output.Write($"{position.Line + 1}:{position.Character + 1}: error: {error.Message}\n");
        }
        return 1;
    }
}
