using System;
using System.IO;
using YamlDotNet.Core;

namespace YamlParseAot;

/// <summary>`yaml-parse FILE`: reads every YAML event of FILE and prints how many there were (exit 1 on a syntax error).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var parser = new Parser(new StringReader(File.ReadAllText(args[0])));
        int events = 0;
        try
        {
            while (parser.MoveNext()) events++;
        }
        catch (YamlException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
        Console.WriteLine(events);
        return 0;
    }
}
