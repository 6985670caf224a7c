using System;
using System.CommandLine;
using System.IO;
using System.Reflection;
using Kestra.FlowLint.LanguageServer;
using Kestra.FlowLint.Rules;

namespace Kestra.FlowLint.Cli;

/// <summary>`flowlint lsp`: the language server over standard input and output (the VS Code extension starts it).</summary>
internal static class LspCommand
{
    public static Command Create(TextWriter stderr)
    {
        // vscode-languageclient appends --stdio (transport: stdio) and may pass --clientProcessId; both are accepted.
        var stdio = new Option<bool>("--stdio") { Description = "Speak LSP over standard input and output (the only transport; accepted for clients that pass it)." };
        var clientProcessId = new Option<int?>("--clientProcessId") { Description = "The client's process id (accepted, not used).", Hidden = true };
        var debounce = new Option<int>("--debounce-ms")
        {
            Description = "Milliseconds to wait after an edit before re-analysing (default 150; the client's initializationOptions.debounceMs wins).",
            DefaultValueFactory = _ => 150,
        };
        var lsp = new Command("lsp", "Run the language server (LSP 3.17, JSON-RPC over standard input/output): diagnostics as `check` reports them, quick fixes, hover help.")
        {
            stdio, clientProcessId, debounce,
        };
        lsp.SetAction(parse =>
        {
            int ms = Math.Clamp(parse.GetValue(debounce), 0, 10_000);
            using var input = Console.OpenStandardInput();
            using var output = Console.OpenStandardOutput();
            var server = new FlowLintLanguageServer(input, output, new LanguageServerOptions
            {
                Catalogue = RuleCatalog.AllDescriptors(),
                CreateAnalyzers = RuleCatalog.CreateAnalyzers,
                Debounce = TimeSpan.FromMilliseconds(ms),
                Log = stderr,
                Version = typeof(LspCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
                DefaultRoot = Directory.GetCurrentDirectory(),
            });
            return server.RunAsync().GetAwaiter().GetResult();
        });
        return lsp;
    }
}
