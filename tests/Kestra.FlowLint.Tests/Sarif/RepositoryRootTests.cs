using System.IO;
using Kestra.FlowLint.Reporting;

namespace Kestra.FlowLint.Tests.Sarif;

[TestClass]
public class RepositoryRootTests
{
    [TestMethod]
    public void The_root_is_the_nearest_folder_with_a_git_folder_or_file()
    {
        string clone = ReportFixture.NewRepository();
        Directory.CreateDirectory(Path.Combine(clone, "flows", "team"));
        RepositoryRoot.FindGitRoot(Path.Combine(clone, "flows", "team")).ShouldBe(clone);
        RepositoryRoot.FindGitRoot(Path.Combine(clone, "flows", "team", "not-yet-written.yaml")).ShouldBe(clone);

        // A worktree or submodule has a `.git` file pointing elsewhere; it is a work tree root all the same.
        string worktree = Directory.CreateTempSubdirectory("flowlint-worktree").FullName;
        File.WriteAllText(Path.Combine(worktree, ".git"), "gitdir: /elsewhere/.git/worktrees/x\n");
        RepositoryRoot.FindGitRoot(worktree).ShouldBe(worktree);

        RepositoryRoot.FindGitRoot(Directory.CreateTempSubdirectory("flowlint-nogit").FullName).ShouldBeNull();
    }

    [TestMethod]
    public void A_run_uses_the_common_work_tree_else_the_current_folder()
    {
        string one = ReportFixture.NewRepository();
        string two = ReportFixture.NewRepository();
        string plain = Directory.CreateTempSubdirectory("flowlint-plain").FullName;
        Directory.CreateDirectory(Path.Combine(one, "flows"));

        RepositoryRoot.Resolve(new[] { "flows" }, one).ShouldBe(one);
        RepositoryRoot.Resolve(Array.Empty<string>(), Path.Combine(one, "flows")).ShouldBe(one);
        RepositoryRoot.Resolve(new[] { Path.Combine(one, "flows"), two }, plain).ShouldBe(plain, "two repositories: no common root");
        RepositoryRoot.Resolve(new[] { "." }, plain).ShouldBe(plain);
    }

    [TestMethod]
    public void Paths_are_made_relative_with_slashes_or_refused_outside_the_root()
    {
        RepositoryRoot.RelativePath("/repo", "/repo/flows/a.yaml").ShouldBe("flows/a.yaml");
        RepositoryRoot.RelativePath("/repo/", "/repo/flows/a.yaml").ShouldBe("flows/a.yaml");
        RepositoryRoot.RelativePath("/repo", "/repository/a.yaml").ShouldBeNull("a sibling whose name starts the same is outside");
        RepositoryRoot.RelativePath("/repo", "/other/a.yaml").ShouldBeNull();
        RepositoryRoot.RelativePath("/", "/a/b.yaml").ShouldBe("a/b.yaml");
        RepositoryRoot.ReportPath("/repo", "/other/a.yaml").ShouldBe("/other/a.yaml");
    }

    [TestMethod]
    public void Uris_are_percent_encoded_utf8()
    {
        RepositoryRoot.ToUriReference("flows/my flows/a(1)+é#?.yaml").ShouldBe("flows/my%20flows/a%281%29%2B%C3%A9%23%3F.yaml");
        RepositoryRoot.ToUriReference("c:/x").ShouldBe("c%3A/x", "a colon in the first segment would read as a scheme");
        RepositoryRoot.ToFileUri("/work/my repo", folder: true).ShouldBe("file:///work/my%20repo/");
        RepositoryRoot.ToFileUri("/work/repo/a.yaml", folder: false).ShouldBe("file:///work/repo/a.yaml");
        RepositoryRoot.ToFileUri("/", folder: true).ShouldBe("file:///");
    }
}
