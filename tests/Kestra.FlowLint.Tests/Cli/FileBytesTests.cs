using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Kestra.FlowLint.Cli;

namespace Kestra.FlowLint.Tests.Cli;

[TestClass]
public class FileBytesTests
{
    [TestMethod]
    public void Each_read_gives_exactly_that_file_even_after_larger_ones()
    {
        string root = Directory.CreateTempSubdirectory("flowlint-bytes").FullName;
        var sizes = new[] { 20_000, 3, 0, 70_000, 2_000_000, 5, 1 };
        for (int i = 0; i < sizes.Length; i++)
        {
            var bytes = new byte[sizes[i]];
            for (int b = 0; b < bytes.Length; b++) bytes[b] = (byte)('a' + (b + i) % 26);
            File.WriteAllBytes(Path.Combine(root, $"{i}.yaml"), bytes);
        }
        // Read twice in turn on one thread: a buffer kept from a larger file must never show through.
        for (int round = 0; round < 2; round++)
        {
            for (int i = 0; i < sizes.Length; i++)
            {
                var expected = File.ReadAllBytes(Path.Combine(root, $"{i}.yaml"));
                FileBytes.Read(Path.Combine(root, $"{i}.yaml")).ToArray().ShouldBe(expected, $"file {i}, round {round}");
            }
        }
    }

    [TestMethod]
    public void Missing_and_unreadable_paths_throw_what_the_check_reports()
    {
        string root = Directory.CreateTempSubdirectory("flowlint-bytes").FullName;
        Should.Throw<FileNotFoundException>(() => FileBytes.Read(Path.Combine(root, "missing.yaml")).ToArray());
        Should.Throw<UnauthorizedAccessException>(() => FileBytes.Read(root).ToArray());
    }

    [TestMethod]
    public void A_pipe_without_a_length_is_read_to_its_end()
    {
        if (OperatingSystem.IsWindows()) return; // named pipes of this kind are a Unix thing
        string fifo = Path.Combine(Directory.CreateTempSubdirectory("flowlint-fifo").FullName, "flow.yaml");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", fifo) { UseShellExecute = false }))
        {
            mkfifo!.WaitForExit();
            mkfifo.ExitCode.ShouldBe(0);
        }
        const string flow = "id: x\nnamespace: y\ntasks: []\n";
        var writer = Task.Run(() => File.WriteAllText(fifo, flow));
        System.Text.Encoding.UTF8.GetString(FileBytes.Read(fifo)).ShouldBe(flow);
        writer.Wait(TimeSpan.FromSeconds(10)).ShouldBeTrue();
    }
}
