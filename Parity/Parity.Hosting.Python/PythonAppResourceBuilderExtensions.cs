using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Python;

namespace Parity.Hosting;

/// <summary>Python apps, with Aspire's signatures: run locally with this machine's python3, given the OTLP variables.</summary>
public static class PythonAppResourceBuilderExtensions
{
    private const string DefaultVirtualEnvironment = ".venv";

    /// <summary><c>python scriptPath scriptArgs</c> in <paramref name="projectDirectory"/> (relative to the AppHost's folder).</summary>
    public static IResourceBuilder<PythonAppResource> AddPythonApp(
        this IDistributedApplicationBuilder builder, string name, string projectDirectory, string scriptPath, params string[] scriptArgs) =>
        builder.AddPythonApp(name, projectDirectory, scriptPath, DefaultVirtualEnvironment, scriptArgs);

    /// <param name="virtualEnvironmentPath">Where the virtual environment lives, relative to the app's folder; used when the app has a requirements.txt.</param>
    public static IResourceBuilder<PythonAppResource> AddPythonApp(
        this IDistributedApplicationBuilder builder, string name, string projectDirectory, string scriptPath, string virtualEnvironmentPath,
        params string[] scriptArgs)
    {
        var python = new PythonEnvironment(Path.GetFullPath(projectDirectory, builder.AppHostDirectory), virtualEnvironmentPath);
        string[] args = [scriptPath, .. scriptArgs];
        return python.Apply(builder.AddResource(new PythonAppResource(name, python.Program("python", "python3"), python.AppDirectory)))
            .WithArgs(args);
    }

    /// <summary>
    /// <c>uvicorn app --host 0.0.0.0 --port PORT</c> in <paramref name="appDirectory"/>, on an <c>http</c> endpoint (Aspire 13's
    /// form): uvicorn comes from the app's virtual environment when it has a requirements.txt, else from PATH (Debian's python3-uvicorn).
    /// </summary>
    /// <param name="app">The ASGI application, as uvicorn names it: <c>module:attribute</c>.</param>
    public static IResourceBuilder<UvicornAppResource> AddUvicornApp(this IDistributedApplicationBuilder builder, string name, string appDirectory, string app)
    {
        var python = new PythonEnvironment(Path.GetFullPath(appDirectory, builder.AppHostDirectory), DefaultVirtualEnvironment);
        var resource = python.Apply(builder.AddResource(new UvicornAppResource(name, python.Program("uvicorn", "uvicorn"), python.AppDirectory)))
            .WithHttpEndpoint(env: "PORT");
        if (!python.HasRequirements)
        {
            resource.WithAnnotation(new RequiredBinaryAnnotation("uvicorn", "install uvicorn (apt-get install python3-uvicorn), or list it in requirements.txt"));
        }
        // In a container the app must listen beyond loopback; the port is the endpoint's, rendered per target.
        return resource.WithArgs(app, "--host", "0.0.0.0", "--port", resource.GetEndpoint("http").Property(EndpointProperty.TargetPort));
    }
}
