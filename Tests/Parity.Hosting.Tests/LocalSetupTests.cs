using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Orchestration;

namespace Parity.Hosting.Tests;

/// <summary>Installs into a folder (npm, a virtual environment) never overlap, even from two AppHosts.</summary>
public sealed class LocalSetupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parity-setup-").FullName;

    [Fact]
    public async Task ASetupWaitsWhileAnotherRunHoldsItsFolder()
    {
        var installed = Path.Combine(_folder, "installed");
        var resource = new ExecutableResource("app", "true", _folder);
        resource.Annotations.Add(new LocalSetupAnnotation("touch", [installed], _folder, SkipWhenExists: installed));

        Task setup;
        // Another AppHost's install, as the kernel sees it: an exclusive flock on the folder's lock file.
        await using (new FileStream(LocalSetup.LockPathOf(_folder), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            setup = LocalSetup.RunAsync(resource, (_, _) => { });
            await Task.Delay(1000, TestContext.Current.CancellationToken);
            Assert.False(setup.IsCompleted);
            Assert.False(File.Exists(installed));
        }

        await setup.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.True(File.Exists(installed));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
