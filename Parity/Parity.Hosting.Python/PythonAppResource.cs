using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Python;

/// <summary>A Python app: a script run by <c>python3</c>, or by its virtual environment's python when it has requirements.</summary>
public class PythonAppResource(string name, string executablePath, string appDirectory)
    : ExecutableResource(name, executablePath, appDirectory), IResourceWithServiceDiscovery;
