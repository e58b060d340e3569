namespace Parity.Cli.Tests;

/// <summary>The CLI commands that hand their arguments to the AppHost's verb of that name.</summary>
public sealed class VerbForwardingTests
{
    [Theory]
    [InlineData("promote")]
    [InlineData("rollback")]
    public void PromoteAndRollbackForwardTheResourceAndEveryOption(string verb)
    {
        var parseResult = ParityCommandLine.Create().Parse([verb, "catalog", "--overlay", "prod", "--dry-run", "--from", "green"]);

        Assert.Empty(parseResult.Errors);
        Assert.Equal(verb, parseResult.CommandResult.Command.Name);
        Assert.Equal(["catalog", "--overlay", "prod", "--dry-run", "--from", "green"], ParityCommandLine.ForwardedTokens(parseResult));
    }
}
