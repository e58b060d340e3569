using Parity.Hosting.Publishing;
using Parity.Testing;

namespace Parity.Hosting.Tests.Integrations;

/// <summary>Node.js and Python apps as the launch description renders them for the local run and for publishing.</summary>
public sealed class PolyglotModelTests : IDisposable
{
    private readonly IDistributedApplicationTestingBuilder _builder = TestApp.CreateBuilder();
    private readonly DirectoryInfo _apps = Directory.CreateTempSubdirectory("parity-polyglot-");

    [Fact]
    public void ANodeScriptStartsInItsWorkingDirectoryOrBesideTheScript()
    {
        var inFolder = _builder.AddNodeApp("in-folder", "server.js", Path.Combine(_apps.FullName, "web"));
        var byPath = _builder.AddNodeApp("by-path", Path.Combine(_apps.FullName, "api", "src", "main.js"), args: ["--verbose"]);

        Assert.Equal(Path.Combine(_apps.FullName, "web"), inFolder.Resource.WorkingDirectory);
        Assert.Equal(["server.js"], Args(inFolder.Resource, EnvironmentTarget.Manifest));
        Assert.Equal(Path.Combine(_apps.FullName, "api", "src"), byPath.Resource.WorkingDirectory);
        Assert.Equal(["main.js", "--verbose"], Args(byPath.Resource, EnvironmentTarget.Manifest)); // no path of this machine
    }

    [Fact]
    public void AnNpmAppRunsItsScriptWithAShellTiedToNpmOnlyLocally()
    {
        var app = _builder.AddNpmApp("spa", _apps.FullName, "dev", ["--port", "3000"]);

        Assert.Equal(["run", "dev", "--", "--port", "3000"], Args(app.Resource, EnvironmentTarget.Manifest));
        var local = Args(app.Resource, EnvironmentTarget.Local);
        Assert.Equal(["run", "dev", "--", "--port", "3000"], local.Skip(1));
        var shell = Assert.Single(local, a => a.StartsWith("--script-shell=", StringComparison.Ordinal))["--script-shell=".Length..];
        Assert.Contains("exec setpriv --pdeathsig KILL -- bash \"$@\"", File.ReadAllText(shell));
        Assert.True(File.GetUnixFileMode(shell).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public void AJavaScriptAppRunsTheScriptItIsGivenAfterNpmInstallsItsPackages()
    {
        var vite = _builder.AddJavaScriptApp("vite", _apps.FullName);
        var spa = _builder.AddJavaScriptApp("spa", _apps.FullName, runScriptName: "start")
            .WithArgs("--verbose")
            .WithRunScript("serve", ["--port", "3000"])
            .WithNpm(installCommand: "ci");

        Assert.Equal(["run", "dev"], Args(vite.Resource, EnvironmentTarget.Manifest));
        Assert.Equal(["run", "serve", "--", "--port", "3000", "--verbose"], Args(spa.Resource, EnvironmentTarget.Manifest));
        var install = Assert.Single(spa.Resource.AnnotationsOf<LocalSetupAnnotation>());
        Assert.Equal(("npm", "ci", Path.Combine(_apps.FullName, "node_modules", ".package-lock.json")), (install.Command, install.Args[0], install.SkipWhenExists));
        Assert.Empty(vite.WithNpm(install: false).Resource.AnnotationsOf<LocalSetupAnnotation>());
        var node = _builder.AddNodeApp("node", "server.js", _apps.FullName);
        Assert.Contains("AddJavaScriptApp", Assert.Throws<DistributedApplicationException>(() => node.WithRunScript("dev")).Message);
    }

    [Fact]
    public void JavaScriptAndPythonAppsNameThemselvesToTheirTelemetryExporter()
    {
        var node = _builder.AddNodeApp("web", "server.js", _apps.FullName);
        var python = _builder.AddPythonApp("worker", _apps.FullName, "main.py");

        foreach (var resource in new IResource[] { node.Resource, python.Resource })
        {
            var environment = Launch(resource, EnvironmentTarget.Manifest).Environment;
            Assert.Equal(resource.Name, environment["OTEL_SERVICE_NAME"].Render(ManifestExpressionRenderer.Instance));
        }
        Assert.Equal("1", Launch(python.Resource, EnvironmentTarget.Manifest).Environment["PYTHONUNBUFFERED"].Render(ManifestExpressionRenderer.Instance));
    }

    [Fact]
    public void APythonAppWithRequirementsGetsItsVirtualEnvironmentBeforeItStarts()
    {
        var withRequirements = _apps.CreateSubdirectory("api");
        File.WriteAllText(Path.Combine(withRequirements.FullName, "requirements.txt"), "fastapi\n");

        var api = _builder.AddUvicornApp("api", withRequirements.FullName, "main:app");
        var script = _builder.AddPythonApp("script", _apps.FullName, "main.py", scriptArgs: ["--once"]);

        Assert.Equal(Path.Combine(".venv", "bin", "uvicorn"), api.Resource.Command);
        Assert.Equal(["main:app", "--host", "0.0.0.0", "--port", "{api.bindings.http.targetPort}"], Args(api.Resource, EnvironmentTarget.Manifest));
        var setup = api.Resource.AnnotationsOf<LocalSetupAnnotation>().ToList();
        Assert.Equal(["-m", "venv", Path.Combine(withRequirements.FullName, ".venv")], setup[0].Args);
        Assert.Equal(["-m", "pip", "install", "--disable-pip-version-check", "-r", "requirements.txt"], setup[1].Args);
        Assert.Equal("python3", script.Resource.Command); // the standard library needs nothing installed
        Assert.Empty(script.Resource.AnnotationsOf<LocalSetupAnnotation>());
        Assert.Equal(["main.py", "--once"], Args(script.Resource, EnvironmentTarget.Manifest));
    }

    [Fact]
    public void PublishedFromADockerfileTheLocalCommandIsNotTheImages()
    {
        File.WriteAllText(Path.Combine(_apps.FullName, "Dockerfile"), "FROM node:22-slim\n");
        var app = _builder.AddNpmApp("spa", _apps.FullName).PublishAsDockerFile();

        Assert.Empty(Args(app.Resource, EnvironmentTarget.Manifest));
        Assert.Contains("run", Args(app.Resource, EnvironmentTarget.Local));
    }

    public void Dispose() => _apps.Delete(recursive: true);

    private LaunchDescription Launch(IResource resource, EnvironmentTarget target) =>
        LaunchDescription.Of(resource, new DistributedApplicationModel([.. _builder.Resources]), new EnvironmentContext(target));

    private string[] Args(IResource resource, EnvironmentTarget target) =>
        [.. Launch(resource, target).Args.Select(a => a.Render(ManifestExpressionRenderer.Instance))];
}
