using Parity.Hosting.Kubernetes;

namespace Parity.Hosting.Tests.Publishing;

/// <summary>How a branch or a NAME becomes an ephemeral environment's namespace, and how its lifetime is written.</summary>
public sealed class EphemeralNamespaceTests
{
    [Theory]
    [InlineData("Feature/Long_Branch.Name", "store-feature-long-branch-name")]
    [InlineData("main", "store-main")]
    [InlineData("UPPER-Case", "store-upper-case")]
    [InlineData("fix/JIRA-123_crash..on.start", "store-fix-jira-123-crash-on-start")]
    [InlineData("--/weird//__name--", "store-weird-name")]
    [InlineData("  pr 42  ", "store-pr-42")]
    [InlineData("dependabot/nuget/Npgsql-9.0.1", "store-dependabot-nuget-npgsql-9-0-1")]
    [InlineData("café-über", "store-caf-ber")]
    [InlineData("store-pr-7", "store-pr-7")]
    public void ANameBecomesAValidNamespaceOfTheApplication(string name, string expected)
    {
        Assert.Equal(expected, EphemeralNamespace.For("store", name));
    }

    [Fact]
    public void AnOverLongNameIsCutWithAHashOfTheWholeNameStableAndUnique()
    {
        var name = "feature/" + new string('a', 80) + "-one";
        var other = "feature/" + new string('a', 80) + "-two";

        var ns = EphemeralNamespace.For("store", name);

        Assert.Equal(EphemeralNamespace.MaxLength, ns.Length);
        Assert.Matches("^store-feature-a+-[0-9a-f]{8}$", ns);
        Assert.Equal(ns, EphemeralNamespace.For("store", name));
        Assert.NotEqual(ns, EphemeralNamespace.For("store", other));
        // What ps lists is accepted back as the name (destroy --ephemeral NAMESPACE).
        Assert.Equal(ns, EphemeralNamespace.For("store", ns));
    }

    [Fact]
    public void ACutNeverEndsInADash()
    {
        // 54 characters kept: the cut falls right after a '-' here.
        var name = new string('b', 47) + "-" + new string('c', 30);

        var ns = EphemeralNamespace.For("store", name);

        Assert.True(ns.Length <= EphemeralNamespace.MaxLength, ns);
        Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", ns);
        Assert.DoesNotContain("--", ns);
    }

    [Theory]
    [InlineData("///")]
    [InlineData("__")]
    [InlineData("")]
    public void ANameWithoutLettersOrDigitsIsRefused(string name)
    {
        var e = Assert.ThrowsAny<Exception>(() => EphemeralNamespace.For("store", name));
        Assert.Contains("no letter or digit", e.Message);
    }

    [Fact]
    public void OutsideAGitRepositoryTheDefaultNameIsAClearError()
    {
        var folder = Directory.CreateTempSubdirectory("parity-no-git-").FullName;
        try
        {
            var e = Assert.ThrowsAny<Exception>(() => EphemeralNamespace.CurrentBranch(folder));
            Assert.Contains("--ephemeral NAME", e.Message);
            Assert.Contains("not in a git repository", e.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void InAGitRepositoryTheDefaultNameIsTheBranch()
    {
        var folder = Directory.CreateTempSubdirectory("parity-git-").FullName;
        try
        {
            Git(folder, "init", "-q", "-b", "Feature/Try_It");
            Git(folder, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "first");

            Assert.Equal("Feature/Try_It", EphemeralNamespace.CurrentBranch(folder));
            Assert.Equal("store-feature-try-it", EphemeralNamespace.For("store", EphemeralNamespace.CurrentBranch(folder)));

            Git(folder, "checkout", "-q", "--detach");
            Assert.Contains("detached", Assert.ThrowsAny<Exception>(() => EphemeralNamespace.CurrentBranch(folder)).Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("72h", 259200)]
    [InlineData("3d", 259200)]
    public void DurationsReadAsKubectlWritesThem(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Duration.Parse(text));
        Assert.Equal($"{seconds}s", Duration.ForKubectl(Duration.Parse(text)));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("5 minutes")]
    [InlineData("-5m")]
    [InlineData("0s")]
    [InlineData("")]
    public void OtherDurationsAreRefused(string text)
    {
        Assert.Throws<FormatException>(() => Duration.Parse(text));
    }

    [Fact]
    public void TheExpiryIsALabelValueThatReadsBack()
    {
        var expires = new DateTimeOffset(2026, 12, 10, 0, 12, 3, TimeSpan.FromHours(2));

        var label = EphemeralLabels.FormatExpiry(expires);

        Assert.Equal("20261209T221203Z", label);
        Assert.Matches("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", label);
        Assert.Equal(expires, EphemeralLabels.ParseExpiry(label));
        Assert.Null(EphemeralLabels.ParseExpiry("2026-12-09T22:12:03Z"));
    }

    private static void Git(string folder, params string[] args)
    {
        var info = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = System.Diagnostics.Process.Start(info)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {stderr}");
    }
}
