using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Python;

namespace Parity.Hosting;

/// <summary>
/// Which interpreter runs a Python app: with a <c>requirements.txt</c>, the virtual environment's (created with
/// <c>python3 -m venv</c> and filled with <c>pip install -r requirements.txt</c> before each local start); without, the
/// machine's <c>python3</c> (a standard-library app needs nothing installed).
/// </summary>
internal sealed record PythonEnvironment(string AppDirectory, string VirtualEnvironmentPath)
{
    public const string RequirementsFile = "requirements.txt";

    public bool HasRequirements => File.Exists(Path.Combine(AppDirectory, RequirementsFile));

    /// <summary>A program of the environment (<c>python</c>, <c>uvicorn</c>), relative to the app's folder when in it; else the one on PATH.</summary>
    public string Program(string name, string systemName) => HasRequirements ? BinPath(name) : systemName;

    private string BinPath(string name) => Path.Combine(VirtualEnvironmentPath, "bin", name);

    public IResourceBuilder<T> Apply<T>(IResourceBuilder<T> builder) where T : PythonAppResource
    {
        builder.WithAnnotation(new RequiredBinaryAnnotation("python3", "install Python 3 (apt-get install python3 python3-venv)"))
            .WithEnvironment("PYTHONUNBUFFERED", "1") // print() reaches the console log at once, not at exit
            .WithOtlpExporter();
        if (HasRequirements)
        {
            var venv = Path.GetFullPath(VirtualEnvironmentPath, AppDirectory);
            builder
                .WithAnnotation(new LocalSetupAnnotation("python3", ["-m", "venv", venv], AppDirectory, SkipWhenExists: Path.Combine(venv, "bin", "python")))
                .WithAnnotation(new LocalSetupAnnotation(
                    Path.Combine(venv, "bin", "python"), ["-m", "pip", "install", "--disable-pip-version-check", "-r", RequirementsFile], AppDirectory));
        }
        return builder;
    }
}
