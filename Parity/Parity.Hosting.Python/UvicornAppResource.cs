using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Python;

/// <summary>An ASGI app served by <c>uvicorn</c> on its <c>http</c> endpoint.</summary>
public class UvicornAppResource(string name, string executablePath, string appDirectory)
    : PythonAppResource(name, executablePath, appDirectory);
