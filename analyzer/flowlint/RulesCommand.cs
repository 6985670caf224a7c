using System.IO;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Reporting;
using Kestra.FlowLint.Rules;

namespace Kestra.FlowLint.Cli;

/// <summary>`flowlint rules`: the catalogue, as a list, as the Markdown that rules.md is generated from, or as JSON for tools.</summary>
internal static class RulesCommand
{
    public static readonly string[] Formats = { "text", "markdown", "json" };

    public static int Run(string format, TextWriter stdout)
    {
        var descriptors = RuleCatalog.AllDescriptors();
        switch (format)
        {
            case "markdown":
                stdout.Write(RulesMarkdown.Render(descriptors));
                return 0;
            case "json":
                stdout.Write(RulesJson.Render(descriptors));
                return 0;
        }
        foreach (var d in descriptors)
            stdout.Write($"{d.Id}  {d.DefaultSeverity.ToText(),-7}  {d.Category,-13}  {d.Title}\n");
        return 0;
    }
}
