using Parity.Hosting.Publishing;

namespace Parity.Hosting.Tests.Publishing;

public sealed class DoctorCommandTests
{
    [Fact]
    public void MissingProgramsAreListedWithTheirDebianPackageWhenTheHintNamesOne()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddExecutable("sleeper", "sleep", ".", "1");
        builder.AddExecutable("broken", "parity-no-such-program", ".");
        builder.AddExecutable("server", "sleep", ".")
            .WithAnnotation(new RequiredBinaryAnnotation("parity-no-such-server", "apt-get install parity-server"));

        var missing = DoctorCommand.Missing(new DistributedApplicationModel([.. builder.Resources]));

        Assert.Equal(2, missing.Count);
        Assert.Equal(("broken", "parity-no-such-program", (string?)null), (missing[0].Resource, missing[0].Program, missing[0].Package));
        Assert.Contains("parity-no-such-program", missing[0].Hint);
        Assert.Equal(new MissingProgram("server", "parity-no-such-server", "parity-server", "apt-get install parity-server"), missing[1]);
    }

    [Theory]
    [InlineData("apt-get install redis-server", "redis-server")]
    [InlineData("apt-get install postgresql", "postgresql")]
    [InlineData("apt-get install a b", null)]
    [InlineData("install the program that provides 'x', or give its full path", null)]
    public void ThePackageIsReadFromAnAptGetInstallHint(string hint, string? package) => Assert.Equal(package, DoctorCommand.PackageOf(hint));
}
