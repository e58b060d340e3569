using System.CommandLine;
using Parity.Hosting.Kubernetes;
using Parity.Hosting.Verbs;
using Parity.Testing;

namespace Parity.Hosting.Tests.Verbs;

/// <summary>The AppHost's arguments, parsed in one place: which verb runs, with which options, and what configuration gets.</summary>
public sealed class AppHostCommandLineTests
{
    private static AppHostCommandLine Parse(params string[] args) => new(args, [new KubernetesExtension()]);

    [Fact]
    public void WithoutAVerbTheAppRunsAndSettingsGoToConfiguration()
    {
        var commandLine = Parse("--Parity:StateDirectory", "/tmp/state", "--Parity:RandomizePorts=true", "Parameters:x=y");

        Assert.Null(commandLine.Error);
        Assert.Null(commandLine.Verb);
        Assert.Equal(DistributedApplicationOperation.Run, commandLine.Operation);
        Assert.Equal(["--Parity:StateDirectory", "/tmp/state", "--Parity:RandomizePorts=true", "Parameters:x=y"], commandLine.ConfigurationArgs);
    }

    [Fact]
    public void PublishTakesItsOutputAndTheExtensionsOptionAndLeavesSettingsToConfiguration()
    {
        var commandLine = Parse("publish", "--include-dashboard", "--Parity:AppName=x", "--output", "out", "--Parameters:fail", "true");

        Assert.Null(commandLine.Error);
        Assert.Equal("publish", commandLine.Verb?.Name);
        Assert.Equal(DistributedApplicationOperation.Publish, commandLine.Operation);
        Assert.True(commandLine.ParseResult.GetValue<bool>("--include-dashboard"));
        Assert.Equal("out", commandLine.ParseResult.GetValue<string?>("--output"));
        Assert.Equal(["--Parity:AppName=x", "--Parameters:fail", "true"], commandLine.ConfigurationArgs);
    }

    [Theory]
    [InlineData("manifest")]
    [InlineData("kubernetes")]
    [InlineData("compose")]
    public void PublishTakesTheFormatOfTheManifestOrOfAnExtension(string format)
    {
        var commandLine = new AppHostCommandLine(["publish", "--format", format], [new KubernetesExtension(), new Docker.DockerComposeExtension()]);

        Assert.Null(commandLine.Error);
        Assert.Equal(format, commandLine.ParseResult.GetValue<string?>("--format"));
    }

    [Fact]
    public void AFormatNoExtensionPublishesIsAnError()
    {
        var error = Parse("publish", "--format", "compose").Error; // only the Kubernetes extension here

        Assert.NotNull(error);
        Assert.Contains("compose", error);
        Assert.Contains("kubernetes", error);
    }

    [Theory]
    [InlineData("--publisher", "manifest", "--output-path", "m.json")]
    [InlineData("--operation", "publish", "--output-path", "m.json")]
    [InlineData("publish", "--output-path", "m.json")]
    [InlineData("--operation", "publish", "--output", "out", "--output-path", "m.json")]
    public void AspiresFormsPublishOnlyTheManifest(params string[] args)
    {
        var commandLine = Parse(args);

        Assert.Null(commandLine.Error);
        Assert.Equal("publish", commandLine.Verb?.Name);
        Assert.Equal("m.json", commandLine.ParseResult.GetValue<string?>("--output-path"));
        Assert.Empty(commandLine.ConfigurationArgs);
    }

    [Fact]
    public void PublishsOwnOptionsAreUnsetInAspiresForm()
    {
        var commandLine = new AppHostCommandLine(["--operation", "publish"], [new KubernetesExtension()]);

        Assert.Equal("publish", commandLine.Verb?.Name);
        Assert.Null(commandLine.ParseResult.GetResult("--include-dashboard"));
        Assert.Null(commandLine.ParseResult.GetResult("--format"));
    }

    [Fact]
    public void AspiresRunOperationRuns()
    {
        Assert.Equal(DistributedApplicationOperation.Run, Parse("--operation", "run").Operation);
        Assert.StartsWith("--output-path is an option of publishing", Parse("--output-path", "m.json").Error);
        Assert.StartsWith("--output is an option of publishing", Parse("--output", "out").Error);
    }

    [Fact]
    public void DeployTakesEveryOptionAndItsSwitchStaysOutOfConfiguration()
    {
        var commandLine = Parse(
            "deploy", "--overlay", "prod", "--context", "kind", "--registry", "r.example.com", "--tag", "v2", "--dry-run",
            "--Parity:AppName", "shop", "--output", "out");

        Assert.Null(commandLine.Error);
        Assert.Equal("deploy", commandLine.Verb?.Name);
        var parsed = commandLine.ParseResult;
        Assert.Equal(
            ("prod", "kind", "r.example.com", "v2", true, "out"),
            (parsed.GetValue<string>("--overlay"), parsed.GetValue<string?>("--context"), parsed.GetValue<string?>("--registry"),
                parsed.GetValue<string?>("--tag"), parsed.GetValue<bool>("--dry-run"), parsed.GetValue<string?>("--output")));
        Assert.Equal(["--Parity:AppName", "shop"], commandLine.ConfigurationArgs);
    }

    [Theory]
    [InlineData("promote")]
    [InlineData("rollback")]
    public void PromoteAndRollbackTakeTheResourceTheOverlayAndTheState(string verb)
    {
        var commandLine = Parse(verb, "catalog", "--overlay", "prod", "--dry-run", "--from", "green", "--context", "kind", "--output", "out");

        Assert.Null(commandLine.Error);
        Assert.Equal(verb, commandLine.Verb?.Name);
        var parsed = commandLine.ParseResult;
        Assert.Equal(
            ("catalog", "prod", true, "green", "kind", "out"),
            (parsed.GetValue<string>("resource"), parsed.GetValue<string>("--overlay"), parsed.GetValue<bool>("--dry-run"),
                parsed.GetValue<string?>("--from"), parsed.GetValue<string?>("--context"), parsed.GetValue<string?>("--output")));
        Assert.NotNull(Parse(verb, "--dry-run").Error); // the resource is required
    }

    [Theory]
    [InlineData("parity")]
    [InlineData("check")]
    public void TheParityCheckAnswersToBothNames(string name)
    {
        var commandLine = Parse(name, "--output", "out");

        Assert.Equal("parity", commandLine.Verb?.Name);
        Assert.Equal("dev", commandLine.ParseResult.GetValue<string>("--overlay"));
        Assert.Equal("out", commandLine.ParseResult.GetValue<string?>("--output"));
    }

    [Theory]
    [InlineData("doctor", "--Parameters:fail=true")]
    [InlineData("doctor", "--", "--Parameters:fail=true")] // as the parity CLI forwards arguments given after its --
    [InlineData("--Parameters:fail=true", "doctor")]
    public void DoctorIsAVerbAndStartsNothing(params string[] args)
    {
        var commandLine = Parse(args);

        Assert.Equal("doctor", commandLine.Verb?.Name);
        Assert.Equal(DistributedApplicationOperation.Publish, commandLine.Operation);
        Assert.Equal(["--Parameters:fail=true"], commandLine.ConfigurationArgs);
    }

    [Theory]
    [InlineData("publsh")]
    [InlineData("--Parity:RandomizePorts=true", "publsh")]
    public void AnUnknownVerbIsAnErrorAndRunsNothing(params string[] args)
    {
        var commandLine = Parse(args);

        Assert.StartsWith("'publsh' is neither a verb of this AppHost (publish, doctor, stop, parity, deploy, policy, promote, rollback, destroy, ps)", commandLine.Error);
        Assert.Equal(DistributedApplicationOperation.Publish, commandLine.Operation);
        Assert.DoesNotContain("publsh", commandLine.ConfigurationArgs);
    }

    [Fact]
    public async Task ATestsAppWithAnUnknownVerbDoesNotStart()
    {
        await using var app = await DistributedApplicationTestingBuilder.Create("publsh").BuildAsync(TestApp.Timeout());

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync(TestApp.Timeout()));
        Assert.Contains("'publsh'", error.Message);
    }

    [Theory]
    [InlineData("publish", "extra")]
    [InlineData("publish", "-x")]
    [InlineData("deploy", "--overlay")]
    [InlineData("--operation", "inspect")]
    public void StrayArgumentsAndMissingValuesAreErrors(params string[] args) => Assert.NotNull(Parse(args).Error);

    [Fact]
    public void HelpListsTheVerbsAndTheirOptions()
    {
        var root = Parse("--help");

        Assert.True(root.ShowsHelp);
        Assert.Equal(DistributedApplicationOperation.Publish, root.Operation);
        var rootHelp = WrittenHelp(root);
        Assert.All(["publish", "doctor", "parity", "check", "deploy", "--publisher", "--operation", "--output-path"], verb => Assert.Contains(verb, rootHelp));
        var deployHelp = WrittenHelp(Parse("deploy", "--help"));
        Assert.All(["--overlay", "--context", "--registry", "--tag", "--dry-run", "--output"], option => Assert.Contains(option, deployHelp));
        Assert.Contains("--include-dashboard", WrittenHelp(Parse("publish", "-h")));
    }

    private static string WrittenHelp(AppHostCommandLine commandLine)
    {
        var output = new StringWriter();
        commandLine.PrintHelp(output);
        return output.ToString();
    }
}
