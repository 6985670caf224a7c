using System.IO;
using System.Text;
using Kestra.FlowLint.Tests.Cli;

namespace Kestra.FlowLint.Tests.Robustness;

/// <summary>
/// A file that cannot be read or decoded is one KF0004 finding at its path, and every other file of the run
/// is still linted: one bad file in a repository must not hide the findings of the others.
/// </summary>
[TestClass]
[DoNotParallelize]
public class UnreadableFileTests
{
    private const string Leak = "id: leak\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ secret('TOKEN') }}\"\n";

    private static string NewFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "flowlint-unreadable-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    [TestMethod]
    public void A_dangling_link_is_reported_and_the_run_goes_on()
    {
        if (OperatingSystem.IsWindows()) Assert.Inconclusive("symbolic links need privileges on Windows");
        string folder = NewFolder();
        try
        {
            File.WriteAllText(Path.Combine(folder, "b-leak.yaml"), Leak);
            // A link whose target is gone: listed as a file, but reading it fails (as a file removed mid-run does).
            File.CreateSymbolicLink(Path.Combine(folder, "a-gone.yaml"), Path.Combine(folder, "missing-target.yaml"));
            var (code, stdout, stderr) = CliRunner.RunIn(folder, "", "check", ".", "--format", "msbuild");
            code.ShouldBe(1);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.ShouldContain(l => l.StartsWith("a-gone.yaml(1,1", StringComparison.Ordinal) && l.Contains(" error KF0004: Cannot read the file: ", StringComparison.Ordinal), stdout);
            lines.ShouldContain(l => l.StartsWith("b-leak.yaml(6,18,6,33): error KF1001: ", StringComparison.Ordinal), stdout);
            stderr.ShouldNotContain("Exception");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void Binary_and_invalid_utf8_files_are_KF0004_and_the_run_goes_on()
    {
        string folder = NewFolder();
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "a-binary.yaml"), new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D });
            File.WriteAllBytes(Path.Combine(folder, "b-latin1.yaml"), Encoding.Latin1.GetBytes("id: caf\u00e9\nnamespace: company.team\ntasks: []\n"));
            File.WriteAllText(Path.Combine(folder, "c-leak.yaml"), Leak);
            var (code, stdout, _) = CliRunner.RunIn(folder, "", "check", ".", "--format", "msbuild");
            code.ShouldBe(1);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.ShouldContain(l => l.StartsWith("a-binary.yaml(1,1", StringComparison.Ordinal) && l.Contains(" KF0004: ", StringComparison.Ordinal) && l.Contains("NUL byte", StringComparison.Ordinal), stdout);
            // The offending byte is the é of "café": byte 7.
            lines.ShouldContain(l => l.StartsWith("b-latin1.yaml(1,1", StringComparison.Ordinal) && l.Contains(" KF0004: ", StringComparison.Ordinal) && l.Contains("at byte 7", StringComparison.Ordinal), stdout);
            lines.ShouldContain(l => l.StartsWith("c-leak.yaml(6,18,6,33): error KF1001: ", StringComparison.Ordinal), stdout);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
