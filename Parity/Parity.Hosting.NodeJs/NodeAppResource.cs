using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting;

/// <summary>A Node.js app: <c>node</c> running a script, or <c>npm run</c> of a package script, in its folder.</summary>
public class NodeAppResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithServiceDiscovery;
