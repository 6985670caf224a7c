using System;
using System.IO;

namespace Kestra.FlowLint.Cli;

/// <summary>The process's standard streams, set up for a short-lived command that may write a large report.</summary>
internal static class ConsoleStreams
{
    /// <summary>
    /// Standard input, opened on first read: Console.In sets up the terminal (signal handlers, terminfo) when
    /// input is one, which every run paid although only `check -` reads it.
    /// </summary>
    public static TextReader In { get; } = new LazyConsoleInput();

    /// <summary>
    /// Console.Out writes through a 256-byte buffer, so a 250 KB SARIF log took a thousand write calls. The same
    /// writer with a larger buffer, still flushed after every write (output interleaves with standard error as
    /// before). Windows keeps its console writer, which handles the console's code pages itself.
    /// </summary>
    public static void UseLargerOutputBuffer()
    {
        if (OperatingSystem.IsWindows()) return;
        var encoding = Console.OutputEncoding; // without a byte order mark on Unix, as Console.Out writes it
        if (encoding.GetPreamble().Length > 0) return;
        var output = new StreamWriter(Console.OpenStandardOutput(), encoding, 16 * 1024, leaveOpen: true) { AutoFlush = true };
        Console.SetOut(output);
        _out = output;
    }

    private static TextWriter? _out;

    /// <summary>
    /// Standard output as commands should write it: the writer itself rather than Console.Out, which wraps it in a
    /// synchronising writer that hides it from a report's flushing and from writing UTF-8 bytes straight through.
    /// </summary>
    public static TextWriter Out => _out ?? Console.Out;

    /// <summary>Whether <paramref name="writer"/> is this process's standard output.</summary>
    public static bool IsStandardOutput(TextWriter writer) => ReferenceEquals(writer, _out) || ReferenceEquals(writer, Console.Out);

    /// <summary>Whether <paramref name="reader"/> is this process's standard input (then read as bytes, not text).</summary>
    public static bool IsStandardInput(TextReader reader) => reader is LazyConsoleInput || ReferenceEquals(reader, Console.In);

    private sealed class LazyConsoleInput : TextReader
    {
        public override int Peek() => Console.In.Peek();
        public override int Read() => Console.In.Read();
        public override int Read(char[] buffer, int index, int count) => Console.In.Read(buffer, index, count);
        public override string? ReadLine() => Console.In.ReadLine();
        public override string ReadToEnd() => Console.In.ReadToEnd();
    }
}
