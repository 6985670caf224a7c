using Kestra.FlowLint.Configuration;

namespace Kestra.FlowLint.Tests.Configuration;

[TestClass]
public class GlobPatternTests
{
    private static GlobPattern Glob(string text)
    {
        GlobPattern.TryParse(text, out var pattern, out var error).ShouldBeTrue(error);
        return pattern!;
    }

    [TestMethod]
    [DataRow("flows/**", "flows/a.yaml", true)]
    [DataRow("flows/**", "flows/team/deep/a.yaml", true)]
    [DataRow("flows/**", "other/flows/a.yaml", false)]
    [DataRow("flows/*.yaml", "flows/a.yaml", true)]
    [DataRow("flows/*.yaml", "flows/team/a.yaml", false)]           // '*' stays within one folder
    [DataRow("flows/*.yaml", "flows/a.yml", false)]
    [DataRow("**/*.yaml", "a.yaml", true)]                          // '**' matches no folder too
    [DataRow("**/*.yaml", "x/y/a.yaml", true)]
    [DataRow("**/legacy/**", "flows/legacy/old.yaml", true)]
    [DataRow("**/legacy/**", "flows/legacy-new/a.yaml", false)]
    [DataRow("flows/?.yaml", "flows/a.yaml", true)]
    [DataRow("flows/?.yaml", "flows/ab.yaml", false)]
    [DataRow("flows/?.yaml", "flows//.yaml", false)]
    [DataRow("flows/legacy", "flows/legacy/a.yaml", true)]          // a folder matches what it holds, as in .gitignore
    [DataRow("flows/legacy/", "flows/legacy/x/a.yaml", true)]
    [DataRow("./flows/a.yaml", "flows/a.yaml", true)]
    [DataRow("/flows/a.yaml", "flows/a.yaml", true)]
    [DataRow("*.yaml", "flows/a.yaml", false)]                      // patterns are anchored at the configuration's folder
    [DataRow("a/**/b/**/c.yaml", "a/x/b/y/z/c.yaml", true)]
    [DataRow("a/**/b/**/c.yaml", "a/b/c.yaml", true)]
    [DataRow("a/**/b/**/c.yaml", "a/x/c.yaml", false)]
    [DataRow("a*b*c", "abxbc", true)]
    [DataRow("a*b*c", "abxbd", false)]
    [DataRow("Flows/**", "flows/a.yaml", false)]                    // case-sensitive
    [DataRow("../shared/**", "../shared/a.yaml", true)]
    public void Matches(string pattern, string path, bool expected) => Glob(pattern).IsMatch(path).ShouldBe(expected);

    [TestMethod]
    public void Relative_paths_are_computed_with_slashes_and_dot_dot()
    {
        GlobPattern.RelativePath("/repo", "/repo/flows/a.yaml").ShouldBe("flows/a.yaml");
        GlobPattern.RelativePath("/repo/", "/repo/flows/a.yaml").ShouldBe("flows/a.yaml");
        GlobPattern.RelativePath("/repo/ci", "/repo/flows/a.yaml").ShouldBe("../flows/a.yaml");
        GlobPattern.RelativePath("/repo", "/repository/a.yaml").ShouldBe("../repository/a.yaml");
        GlobPattern.RelativePath(@"C:\repo", @"C:\repo\flows\a.yaml").ShouldBe("flows/a.yaml");
    }

    [TestMethod]
    public void Include_then_exclude_relative_to_the_configuration_folder()
    {
        var config = new FlowLintConfiguration("/repo/.flowlint.yaml", "/repo",
            include: new[] { Glob("flows/**") }, exclude: new[] { Glob("flows/legacy/**") });
        config.Applies("/repo/flows/a.yaml").ShouldBeTrue();
        config.Applies("/repo/flows/legacy/a.yaml").ShouldBeFalse();
        config.Applies("/repo/other/a.yaml").ShouldBeFalse();
        FlowLintConfiguration.Default.Applies("/anywhere/a.yaml").ShouldBeTrue();
    }
}
