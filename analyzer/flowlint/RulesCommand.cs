using System.IO;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Reporting;
using Kestra.FlowLint.Rules;

namespace Kestra.FlowLint.Cli;

/// <summary>`flowlint rules`: the catalogue, as a list or as the Markdown that rules.md is generated from.</summary>
internal static class RulesCommand
{
    public static int Run(string format, TextWriter stdout)
    {
        var descriptors = RuleCatalog.AllDescriptors();
        if (format == "markdown")
        {
            stdout.Write(RulesMarkdown.Render(descriptors));
            return 0;
        }
        foreach (var d in descriptors)
            stdout.WriteLine($"{d.Id}  {d.DefaultSeverity.ToText(),-7}  {d.Category,-13}  {d.Title}");
        return 0;
    }
}
